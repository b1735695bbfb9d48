// Letters dressed up to dodge word filters: styled Unicode (𝐌𝐎𝐍𝐀 𝟒𝐃),
// invisible characters inside words, words spelled out letter by letter.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
// A single styled letter can be a typographic accident; three are a choice.
constexpr int kMinStyled = 3;
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
}

}  // namespace tribune::spam::signals
