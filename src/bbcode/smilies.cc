#include "bbcode/smilies.h"

#include <string>
#include <vector>

#include "bbcode/bbcode.h"

namespace tribune::bbcode {
namespace {

// Longest smiley name; bounds the look-ahead after a ':'.
constexpr size_t kMaxSmileyName = 9;

bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

const std::vector<std::string_view>& SmileyNames() {
  static const std::vector<std::string_view> kNames = {
      "smile", "wink", "laugh", "sad", "angry", "cool", "surprised", "tongue", "cry", "love",
  };
  return kNames;
}

size_t MatchSmiley(std::string_view text, size_t pos, std::string_view* name) {
  size_t i = pos + 1;
  while (i < text.size() && i - pos - 1 < kMaxSmileyName && IsLowerAlpha(text[i])) ++i;
  if (i >= text.size() || text[i] != ':' || i == pos + 1) return 0;
  std::string_view candidate = text.substr(pos + 1, i - pos - 1);
  for (std::string_view known : SmileyNames()) {
    if (candidate == known) {
      *name = known;
      return i + 1 - pos;
    }
  }
  return 0;
}

}  // namespace tribune::bbcode
