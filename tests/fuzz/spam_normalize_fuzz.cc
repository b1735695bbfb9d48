// The spam text normaliser: any bytes (comments are checked for UTF-8 before,
// but the engine promises to take anything) give valid UTF-8 words joined by
// single spaces, the same counters from CountDisguises as from Normalize, and
// folds that are idempotent. Its ASCII fast path agrees with the ICU path:
// ASCII text with an invisible character appended normalises the same.
#include <string>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "spam/text/normalize.h"

namespace {

using tribune::fuzz::Check;
namespace text = tribune::spam::text;
using tribune::utf8::IsValid;

constexpr std::string_view kZeroWidthSpace = "\u200B";

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

void CheckShape(const text::NormalizedText& n) {
  std::string joined;
  for (const std::string& w : n.words) {
    Check(!w.empty() && w.find(' ') == std::string::npos, "words are non-empty, without spaces", w);
    Check(IsValid(w), "words are UTF-8", w);
    joined += (joined.empty() ? "" : " ") + w;
  }
  Check(joined == n.text, "text is the words joined by single spaces", n.text);
  for (const std::string& v : n.variants) Check(IsValid(v), "variants are UTF-8", v);
  for (const std::string* e :
       {&n.mixed_example, &n.spaced_example, &n.styled_example, &n.styled_brand}) {
    Check(IsValid(*e), "examples are UTF-8", *e);
  }
  Check(n.code_points >= 0 && n.invisible_in_word >= 0 && n.styled_chars >= 0 &&
            n.mixed_script_words >= 0 && n.spaced_runs >= 0 && n.lines >= 0,
        "counters are not negative");
}

void CheckDisguises(std::string_view input, const text::NormalizedText& n) {
  text::NormalizedText d;
  text::CountDisguises(input, &d);
  Check(d.code_points == n.code_points && d.invisible_in_word == n.invisible_in_word &&
            d.styled_chars == n.styled_chars && d.styled_example == n.styled_example &&
            d.styled_brand == n.styled_brand,
        "CountDisguises counts what Normalize counts");
}

void CheckFolds(std::string_view input) {
  std::string folded = text::FoldForMatching(input);
  Check(IsValid(folded), "FoldForMatching gives UTF-8", folded);
  Check(text::FoldForMatching(folded) == folded, "FoldForMatching is idempotent", folded);
  std::string clean = text::CleanNfkc(input);
  Check(IsValid(clean), "CleanNfkc gives UTF-8", clean);
  Check(text::CleanNfkc(clean) == clean, "CleanNfkc is idempotent", clean);
}

void CheckAsciiPath(std::string_view input, const text::NormalizedText& fast) {
  std::string marked = std::string(input) + std::string(kZeroWidthSpace);
  text::NormalizedText slow = text::Normalize(marked);
  Check(slow.text == fast.text && slow.variants == fast.variants &&
            slow.spaced_runs == fast.spaced_runs && slow.scripts.letters == fast.scripts.letters,
        "the ASCII path agrees with the ICU path", fast.text + "\n" + slow.text);
  Check(text::FoldForMatching(marked) == text::FoldForMatching(input),
        "FoldForMatching: the ASCII path agrees with the ICU path");
  Check(text::CleanNfkc(marked) == text::CleanNfkc(input),
        "CleanNfkc: the ASCII path agrees with the ICU path");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = tribune::fuzz::AsText(data, size);
  text::NormalizedText n = text::Normalize(input);
  CheckShape(n);
  CheckDisguises(input, n);
  CheckFolds(input);
  if (IsAscii(input)) CheckAsciiPath(input, n);
  return 0;
}
