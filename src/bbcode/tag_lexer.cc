#include "bbcode/tag_lexer.h"

#include <algorithm>

#include "bbcode/ascii.h"

namespace tribune::bbcode {
namespace {

// Longer than any tag name; bounds the name scan.
constexpr size_t kMaxNameLength = 8;

// Position of the ']' ending an argument that starts at `pos`, or npos.
size_t FindArgEnd(std::string_view source, size_t pos) {
  size_t limit = std::min(source.size(), pos + kMaxArgLength + 1);
  for (size_t i = pos; i < limit; ++i) {
    char c = source[i];
    if (c == ']') return i;
    if (c == '[' || c == '\n' || c == '\r') return std::string_view::npos;
  }
  return std::string_view::npos;
}

}  // namespace

bool LexTag(std::string_view source, size_t pos, LexedTag* tag) {
  size_t i = pos + 1;
  bool closing = i < source.size() && source[i] == '/';
  if (closing) ++i;
  size_t name_begin = i;
  while (i < source.size() && i - name_begin <= kMaxNameLength && ascii::IsAlpha(source[i])) ++i;
  const TagSpec* spec = FindTag(source.substr(name_begin, i - name_begin));
  if (spec == nullptr || i >= source.size()) return false;
  *tag = LexedTag{spec, closing, false, {}, 0};
  if (source[i] == ']') {
    tag->end = i + 1;
    return true;
  }
  if (source[i] != '=' || closing) return false;
  size_t arg_end = FindArgEnd(source, i + 1);
  if (arg_end == std::string_view::npos) return false;
  tag->has_arg = true;
  tag->arg = source.substr(i + 1, arg_end - i - 1);
  tag->end = arg_end + 1;
  return true;
}

}  // namespace tribune::bbcode
