#include "comments/spam_policy.h"

#include <filesystem>

namespace tribune::comments {
namespace {

std::map<std::string, spam::SymbolOverride> Overrides(const Config& config) {
  std::map<std::string, spam::SymbolOverride> out;
  for (const auto& [name, setting] : config.spam.scores) {
    out[name] = {setting.score, setting.group};
  }
  return out;
}

}  // namespace

spam::EngineOptions EngineOptionsFor(const Config& config) {
  spam::EngineOptions opts;
  opts.hold_at = config.spam.hold_at;
  opts.spam_at = config.spam.spam_at;
  opts.discard_at = config.spam.discard_at;
  opts.site_language = config.site.language;
  // Word lists always come from beside the shipped model.
  opts.lists_dir = std::filesystem::path(config.spam.model).parent_path().string();
  opts.symbols = Overrides(config);
  return opts;
}

Result<spam::SymbolTable> SymbolsFor(const Config& config) {
  auto table = spam::SymbolTable::Defaults().With(Overrides(config));
  if (!table.ok()) return InvalidArgument("key 'spam.scores': " + table.status().message());
  return table;
}

}  // namespace tribune::comments
