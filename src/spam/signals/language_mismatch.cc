// A comment in another language than the article it is posted under (the
// site's language when the article's is unsure) is often not addressed to
// its readers: gambling spam in Indonesian, SEO text in Spanish under English
// news. Only for Latin-script text on both sides: another script is
// SCRIPT_MISMATCH's. Mild on its own: readers do write in their own language.
#include "spam/signals/signal.h"
#include "spam/text/language.h"

namespace tribune::spam::signals {
namespace {
constexpr int kMinLetters = 12;
constexpr double kMinLatinShare = 0.8;
}  // namespace

void CheckLanguageMismatch(const Analysis& a, Hits* out) {
  if (a.body.scripts.total() < kMinLetters ||
      a.body.scripts.Share(text::Script::kLatin) < kMinLatinShare) {
    return;
  }
  std::string_view expected = a.site_language;
  if (a.article) {
    if (a.article->scripts.total() > 0 &&
        a.article->scripts.Dominant() != text::Script::kLatin) {
      return;
    }
    if (!a.article->language.empty()) expected = a.article->language;
  }
  if (expected.empty()) return;
  text::LanguageGuess g = text::GuessLanguage(a.body.text);
  if (g.code.empty() || g.code == expected) return;
  out->push_back({"LANGUAGE_MISMATCH", 1.0,
                  std::string(g.code) + " under " + std::string(expected)});
}

}  // namespace tribune::spam::signals
