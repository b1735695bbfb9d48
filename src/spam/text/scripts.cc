#include "spam/text/scripts.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace tribune::spam::text {

Script ScriptOf(char32_t cp) {
  if (!u_isalpha(static_cast<UChar32>(cp))) return Script::kOther;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
  switch (sc) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return Script::kCjk;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_TAMIL:
    case USCRIPT_TELUGU:
      return Script::kIndic;
    default:
      return Script::kOther;
  }
}

std::string_view ScriptName(Script s) {
  static constexpr std::string_view kNames[kScriptCount] = {
      "latin", "cyrillic", "greek", "arabic", "hebrew", "cjk", "hangul", "thai", "indic", "other"};
  return kNames[static_cast<int>(s)];
}

int ScriptCounts::total() const {
  int n = 0;
  for (int c : letters) n += c;
  return n;
}

Script ScriptCounts::Dominant() const {
  int best = -1;
  int best_n = 0;
  for (int i = 0; i < kScriptCount; ++i) {
    if (letters[i] > best_n) best = i, best_n = letters[i];
  }
  return best < 0 ? Script::kOther : static_cast<Script>(best);
}

double ScriptCounts::Share(Script s) const {
  int t = total();
  return t == 0 ? 0.0 : static_cast<double>(letters[static_cast<int>(s)]) / t;
}

}  // namespace tribune::spam::text
