// Mixed scripts: look-alike letters inside a word ("pаypal" with a Cyrillic
// а) defeat word filters; machine-spun texts interleave Latin words with
// Cyrillic ones.
#include <algorithm>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
constexpr int kMaxWords = 3;
// Both scripts must hold at least this share of the letters.
constexpr double kMinShare = 0.1;
constexpr int kMinLetters = 30;
}  // namespace

void CheckMixedScripts(const Analysis& a, Hits* out) {
  const text::NormalizedText& b = a.body;
  if (b.mixed_script_words > 0) {
    out->push_back({"MIXED_SCRIPT_WORD",
                    static_cast<double>(std::min(b.mixed_script_words, kMaxWords)),
                    Clip(b.mixed_example)});
  }
  if (b.scripts.total() >= kMinLetters && b.scripts.Share(text::Script::kLatin) >= kMinShare &&
      b.scripts.Share(text::Script::kCyrillic) >= kMinShare) {
    out->push_back({"MIXED_SCRIPT_TEXT", 1.0, "latin and cyrillic words"});
  }
}

}  // namespace tribune::spam::signals
