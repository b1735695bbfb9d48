// Coarse writing-system classes, enough to tell which script a text is in.
#pragma once

#include <array>
#include <string_view>

namespace tribune::spam::text {

enum class Script {
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kCjk,
  kHangul,
  kThai,
  kIndic,
  kOther
};
inline constexpr int kScriptCount = 10;

// The class of one code point; kOther also for digits, punctuation, symbols.
Script ScriptOf(char32_t cp);
std::string_view ScriptName(Script s);

// Letters per script class.
struct ScriptCounts {
  std::array<int, kScriptCount> letters{};
  int total() const;
  // The script with the most letters; kOther when there are none.
  Script Dominant() const;
  // Share of letters in `s`, 0 when there are no letters.
  double Share(Script s) const;
};

}  // namespace tribune::spam::text
