// The BBCode tag set and what each tag accepts.
#pragma once

#include <string_view>

#include "bbcode/document.h"

namespace tribune::bbcode {

// Number of Tag values.
inline constexpr size_t kTagCount = 13;

enum class ArgRule : uint8_t {
  kNone,      // [b]; "[b=x]" is not this tag
  kOptional,  // [quote] and [quote=name]
  kRequired,  // [color=red]; "[color]" is not this tag
};

struct TagSpec {
  std::string_view name;  // lower case
  Tag tag;
  ArgRule arg;
  // Block tags cannot open inside a link, and one newline right after their
  // opening or closing tag is dropped (the block already breaks the line).
  bool block;
  // Inline formatting closed early by a mis-nested closing tag is reopened
  // after it: [b][i]x[/b]y[/i] reads as <b><i>x</i></b><i>y</i>.
  bool reopenable;
  // Without an argument, the content up to the closing tag is taken as raw
  // text (a URL), not parsed: [url]http://...[/url].
  bool raw_without_arg;
  bool link;
};

// The spec for tag `name` (any case), or nullptr for an unknown tag.
const TagSpec* FindTag(std::string_view name);

// The spec for `tag`; every Tag has one.
const TagSpec& SpecOf(Tag tag);

}  // namespace tribune::bbcode
