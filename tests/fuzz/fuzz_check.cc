#include "fuzz_check.h"

#include <cstdio>
#include <cstdlib>

namespace tribune::fuzz {
namespace {

constexpr size_t kShownBytes = 2000;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void PrintEscaped(std::string_view text) {
  for (unsigned char c : text.substr(0, kShownBytes)) {
    if (c == '\\') {
      std::fputs("\\\\", stderr);
    } else if (c >= 0x20 && c < 0x7f) {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02x", c);
    }
  }
  if (text.size() > kShownBytes) std::fputs("...", stderr);
}

}  // namespace

void Fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "property failed: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    PrintEscaped(detail);
    std::fputc('\n', stderr);
  }
  std::abort();
}

bool ContainsNoCase(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && Lower(text[i + j]) == Lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

}  // namespace tribune::fuzz
