// The configuration file: any bytes an operator could put in the TOML file
// either load into a config that passes ValidateConfig, or are refused with a
// message naming the file; nothing throws or crashes. A config that loads
// loads the same from toml++'s own rewrite of the file (so the loader does
// not depend on how a value was spelled), whenever toml++ reads that rewrite
// back as the same document: it does not always (a string that starts with a
// newline is written as a multi-line literal, whose first newline TOML drops),
// and then the rewrite says nothing about the loader.
#include <toml++/toml.h>

#include <sstream>
#include <string>

#include "core/config.h"
#include "core/config_ranges.h"
#include "fuzz_check.h"

namespace {

using tribune::fuzz::Check;
constexpr std::string_view kSource = "fuzz.toml";

bool SameConfig(const tribune::Config& a, const tribune::Config& b) {
  for (const tribune::NumericRange& range : tribune::NumericRanges()) {
    double x = range.read(a), y = range.read(b);
    if (x != y) return false;
  }
  return a.site.name == b.site.name && a.site.base_url == b.site.base_url &&
         a.site.secret == b.site.secret && a.server.listen == b.server.listen &&
         a.storage.db == b.storage.db && a.spam.model == b.spam.model &&
         a.comments.challenge == b.comments.challenge && a.spam.enabled == b.spam.enabled &&
         a.demo_content == b.demo_content && a.site.hosts == b.site.hosts &&
         a.api.cors_origins == b.api.cors_origins;
}

// toml++'s rewrite of `text`, or "" when toml++ refuses it.
std::string Rewritten(std::string_view text) {
  try {
    std::ostringstream out;
    out << toml::toml_formatter(toml::parse(text));
    return out.str();
  } catch (const toml::parse_error&) {
    return {};
  }
}

// Whether toml++ reads `again` (its rewrite of `text`) as the same document.
bool TomlRoundTrips(std::string_view text, const std::string& again) {
  try {
    return toml::parse(text) == toml::parse(again);
  } catch (const toml::parse_error&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = tribune::fuzz::AsText(data, size);
  auto loaded = tribune::ParseConfig(text, std::string(kSource));
  if (!loaded.ok()) {
    Check(loaded.status().message().starts_with(kSource), "a refusal names the file",
          loaded.status().message());
    return 0;
  }
  Check(tribune::ValidateConfig(*loaded).ok(), "a loaded config is valid");
  std::string again = Rewritten(text);
  if (!TomlRoundTrips(text, again)) return 0;
  auto reloaded = tribune::ParseConfig(again, std::string(kSource));
  Check(reloaded.ok(), "toml++'s rewrite of a loaded config loads", again);
  Check(SameConfig(*loaded, *reloaded), "toml++'s rewrite loads the same config", again);
  return 0;
}
