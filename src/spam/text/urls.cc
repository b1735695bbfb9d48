#include "spam/text/urls.h"

#include <libpsl.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "core/ascii.h"

namespace tribune::spam::text {
namespace {

const psl_ctx_t* Psl() {
  static const psl_ctx_t* ctx = psl_builtin();
  return ctx;
}

// Undoes the usual disguises; counts how many it undid.
int Deobfuscate(std::string* s, std::string* example) {
  static const RE2 kBracketDot(R"((?i)\s?[\[\(\{<]\s*(?:\.|dot)\s*[\]\)\}>]\s?)");
  static const RE2 kHxxp(R"((?i)\b(?:h(?:xx|\*\*)p(s?)\s*(?:\[:\]|:)|http(s?)\[:\])\s*//)");
  static const RE2 kSpokenDot(
      R"((?i)([a-z0-9-]{2,})\s+(?:dot|\(dot\)|\[dot\])\s+(com|net|org|info|biz|ru|io|co|xyz|top|me|site|online|shop|club|in|uk|de|us)\b)");
  static const RE2 kSpacedDot(R"((?i)\b([a-z0-9-]{3,})\s*\.\s+(com|net|org)((?:/[^\s]*)?)(\s|$))");
  // Each disguise needs a literal that most texts lack: the patterns run
  // only where it is.
  std::string lower = AsciiLower(*s);
  auto has = [&](std::string_view lit) { return lower.find(lit) != std::string::npos; };
  std::string before = *s;
  int n = 0;
  if (has("[") || has("(") || has("{") || has("<")) n += RE2::GlobalReplace(s, kBracketDot, ".");
  if (has("xxp") || has("**p") || has("[:]")) n += RE2::GlobalReplace(s, kHxxp, "http\\1\\2://");
  if (has("dot")) n += RE2::GlobalReplace(s, kSpokenDot, "\\1.\\2");
  if (has("com") || has("net") || has("org")) {
    n += RE2::GlobalReplace(s, kSpacedDot, "\\1.\\2\\3\\4");
  }
  if (n > 0 && example->empty()) *example = before.substr(0, 80);
  return n;
}

std::string HostOf(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host(url.substr(start, end == std::string_view::npos ? url.npos : end - start));
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return AsciiLower(host);
}

// True when the last label is a real top-level domain: the Public Suffix
// List's default "*" rule would accept any "report.pdf".
bool KnownSuffix(const std::string& host) {
  std::string tld = host.substr(host.rfind('.') + 1);
  return psl_is_public_suffix2(Psl(), tld.c_str(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
}

// True when the bare domain at `at` in `s` is followed by a path, also a
// mangled one ("bit.ly\14gK", "adf.ly /KlD3Y").
bool HasPath(const std::string& found, const std::string& s, size_t at) {
  if (found.find('/') != std::string::npos) return true;
  size_t next = at + found.size();
  if (next < s.size() && s[next] == ' ') ++next;
  return next + 1 < s.size() && (s[next] == '/' || s[next] == '\\') &&
         std::isalnum(static_cast<unsigned char>(s[next + 1]));
}

// Country domains that are also the extensions of source and build files
// ("setup.py", "envsetup.sh", "config.mk", "README.md", "libfoo.so",
// "main.rs"): without a path after it, such a name is a file, not a site.
bool FileExtensionSuffix(std::string_view tld) {
  static constexpr std::string_view kExtensions[] = {"am", "la", "md", "mk", "ml", "mo", "pl",
                                                     "pm", "ps", "py", "rs", "sh", "so"};
  std::string lower = AsciiLower(tld);
  return std::find(std::begin(kExtensions), std::end(kExtensions), lower) != std::end(kExtensions);
}

// A bare "word.word" counts as a domain only when the Public Suffix List
// knows the suffix, the name does not look like a missing space after a
// full stop ("end.Today", "it.is"), and it is not a file name ("setup.py").
bool PlausibleBareDomain(std::string_view original, const std::string& host, bool with_path) {
  size_t dot = original.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= original.size()) return false;
  std::string_view tld = original.substr(dot + 1);
  if (!with_path && FileExtensionSuffix(tld)) return false;
  bool tld_lower =
      std::all_of(tld.begin(), tld.end(), [](unsigned char c) { return !std::isupper(c); });
  bool all_upper = std::none_of(original.begin(), original.end(),
                                [](unsigned char c) { return std::islower(c); });
  if (!tld_lower && !all_upper) return false;
  size_t prev = host.rfind('.', host.size() - tld.size() - 2);
  std::string_view sld = std::string_view(host).substr(prev == std::string::npos ? 0 : prev + 1);
  sld = sld.substr(0, sld.find('.'));
  if (tld.size() < 3 && sld.size() < 4 && !with_path) return false;
  return KnownSuffix(host);
}

// True when the bare domain at s[at, at + size) is either half of an e-mail
// address ("support@fiftythree.com", "john.doe@…"): the address is a contact,
// read as such, not a link besides.
bool InEmailAddress(const std::string& s, size_t at, size_t size) {
  auto local = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._%+-").find(c) !=
                                                              std::string_view::npos;
  };
  bool after_local = at >= 2 && s[at - 1] == '@' && local(s[at - 2]);
  bool before_at = at + size < s.size() && s[at + size] == '@';
  return after_local || before_at;
}

}  // namespace

std::string RegistrableDomain(std::string_view host) {
  std::string h(host);
  if (h.find('\0') != std::string::npos) return h;  // libpsl would read up to the NUL
  const char* d = psl_registrable_domain(Psl(), h.c_str());
  return d ? std::string(d) : h;
}

LinkScan FindLinks(std::string_view text) {
  // A link ends at white space, a quote, a bracket or a control character
  // (a NUL or an escape in a host would hide its real domain).
  static const RE2 kUrl(
      R"((?i)((?:https?|ftp)://[^\s<>"'\]\[\x00-\x1f\x7f]+|\bwww\.[^\s<>"'\]\[\x00-\x1f\x7f]+|\b[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}\b(?:/[^\s<>"'\x00-\x1f\x7f]*)?))");
  LinkScan scan;
  std::string s(text);
  scan.deobfuscations = Deobfuscate(&s, &scan.obfuscated_example);
  re2::StringPiece input(s);
  re2::StringPiece match;
  size_t copied = 0;
  // Every link kept has a dot in its host.
  bool dotted = s.find('.') != std::string::npos;
  while (dotted && RE2::FindAndConsume(&input, kUrl, &match)) {
    std::string found(match.data(), match.size());
    size_t at = static_cast<size_t>(match.data() - s.data());
    while (!found.empty() &&
           std::string_view(".,;:!?)").find(found.back()) != std::string_view::npos) {
      found.pop_back();
    }
    Link link;
    link.bare = found.find("://") == std::string::npos && AsciiLower(found.substr(0, 4)) != "www.";
    if (link.bare && InEmailAddress(s, at, match.size())) continue;
    link.host = HostOf(found);
    if (link.host.find('.') == std::string::npos) continue;
    if (link.bare) {
      std::string_view orig = std::string_view(found).substr(0, found.find('/'));
      if (!PlausibleBareDomain(orig, link.host, HasPath(found, s, at))) continue;
    }
    scan.without_links.append(s, copied, at - copied);
    scan.without_links += ' ';
    copied = at + match.size();
    link.text = AsciiLower(found);
    link.domain = RegistrableDomain(link.host);
    link.tld = link.host.substr(link.host.rfind('.') + 1);
    scan.links.push_back(std::move(link));
  }
  scan.without_links.append(s, copied);
  return scan;
}

}  // namespace tribune::spam::text
