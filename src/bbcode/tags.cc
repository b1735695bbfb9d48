#include "bbcode/tags.h"

#include <array>

#include "bbcode/ascii.h"

namespace tribune::bbcode {
namespace {

// Indexed by Tag.
constexpr std::array<TagSpec, kTagCount> kTags = {{
    // name, tag, arg, block, reopenable, raw_without_arg, link
    {"b", Tag::kBold, ArgRule::kNone, false, true, false, false},
    {"i", Tag::kItalic, ArgRule::kNone, false, true, false, false},
    {"u", Tag::kUnderline, ArgRule::kNone, false, true, false, false},
    {"s", Tag::kStrike, ArgRule::kNone, false, true, false, false},
    {"left", Tag::kLeft, ArgRule::kNone, true, false, false, false},
    {"center", Tag::kCenter, ArgRule::kNone, true, false, false, false},
    {"right", Tag::kRight, ArgRule::kNone, true, false, false, false},
    {"color", Tag::kColor, ArgRule::kRequired, false, true, false, false},
    {"url", Tag::kUrl, ArgRule::kOptional, false, false, true, true},
    {"leech", Tag::kLeech, ArgRule::kOptional, false, false, true, true},
    {"hide", Tag::kHide, ArgRule::kNone, true, false, false, false},
    {"quote", Tag::kQuote, ArgRule::kOptional, true, false, false, false},
    {"spoiler", Tag::kSpoiler, ArgRule::kOptional, true, false, false, false},
}};

constexpr bool TableMatchesEnum() {
  for (size_t i = 0; i < kTags.size(); ++i) {
    if (static_cast<size_t>(kTags[i].tag) != i) return false;
  }
  return true;
}
static_assert(TableMatchesEnum(), "kTags must be indexed by Tag");

}  // namespace

const TagSpec* FindTag(std::string_view name) {
  for (const TagSpec& spec : kTags) {
    if (ascii::EqualsNoCase(name, spec.name)) return &spec;
  }
  return nullptr;
}

const TagSpec& SpecOf(Tag tag) { return kTags[static_cast<size_t>(tag)]; }

}  // namespace tribune::bbcode
