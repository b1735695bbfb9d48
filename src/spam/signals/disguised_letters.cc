// Letters dressed up to dodge word filters: styled Unicode (𝐌𝐎𝐍𝐀 𝟒𝐃),
// letters dressed with marks (P͟U͟L͟A͟U͟), invisible characters inside words,
// words spelled out letter by letter, and brand names so written.
#include <cctype>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
// A single styled letter can be a typographic accident; three are a choice.
constexpr int kMinStyled = 3;

// A joined spaced run that reads as a name with a number: four letters
// first, two digits at least ("alexis17", "vikingt0t0"; not "a4x4hhl" from
// "a 4 x 4 H H L").
bool MixesLettersAndDigits(const std::string& word) {
  size_t leading = 0;
  while (leading < word.size() && std::isalpha(static_cast<unsigned char>(word[leading]))) {
    ++leading;
  }
  int digits = 0;
  for (char c : word) digits += c >= '0' && c <= '9';
  return leading >= 4 && digits >= 2;
}
}  // namespace

void CheckDisguisedLetters(const Analysis& a, Hits* out) {
  const text::NormalizedText& b = a.body;
  if (b.styled_chars >= kMinStyled) {
    out->push_back({"STYLED_LETTERS", 1.0, Clip(b.styled_example)});
  }
  if (b.invisible_in_word > 0) {
    out->push_back({"INVISIBLE_IN_WORD", 1.0, std::to_string(b.invisible_in_word) + " chars"});
  }
  if (b.spaced_runs > 0) out->push_back({"SPACED_LETTERS", 1.0, Clip(b.spaced_example)});
  // A name with digits dressed up (𝐁𝐀𝐍𝐃𝐀𝐑𝟑𝟖𝟖, P͟U͟L͟A͟U͟W͟I͟N͟ 8͟8͟, A L E X I S 1 7):
  // nobody styles a word with digits in it but to slip a brand past a filter.
  if (!b.styled_brand.empty()) {
    out->push_back({"STYLED_BRAND", 1.0, Clip(b.styled_brand)});
  } else if (b.spaced_runs > 0 && MixesLettersAndDigits(b.spaced_example)) {
    out->push_back({"STYLED_BRAND", 1.0, Clip(b.spaced_example)});
  }
}

}  // namespace tribune::spam::signals
