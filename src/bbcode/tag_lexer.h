// Recognises one BBCode tag ("[b]", "[/b]", "[url=...]") in the source.
#pragma once

#include <cstddef>
#include <string_view>

#include "bbcode/tags.h"

namespace tribune::bbcode {

struct LexedTag {
  const TagSpec* spec = nullptr;  // never null in a returned tag
  bool closing = false;
  bool has_arg = false;
  std::string_view arg;  // as written between '=' and ']'
  size_t end = 0;        // one past the ']'
};

// Longest tag argument accepted, in bytes (a URL plus quotes and spaces).
inline constexpr size_t kMaxArgLength = 2100;

// Lexes a known tag starting at `pos` (a '['). Returns false for anything
// else: unknown names, a '[' or line break inside the tag, an argument on a
// closing tag, or an argument longer than kMaxArgLength. Stopping at the
// next '[' keeps the whole parse linear: no byte is scanned by more than one
// failed tag.
bool LexTag(std::string_view source, size_t pos, LexedTag* tag);

}  // namespace tribune::bbcode
