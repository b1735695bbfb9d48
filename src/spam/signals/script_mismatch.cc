// A comment in another writing system than the article it is posted under
// is rarely addressed to that article's readers.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
constexpr int kMinLetters = 12;
constexpr double kMinShare = 0.6;
}  // namespace

void CheckScriptMismatch(const Analysis& a, Hits* out) {
  if (!a.article || a.body.scripts.total() < kMinLetters) return;
  text::Script article = a.article->scripts.Dominant();
  text::Script comment = a.body.scripts.Dominant();
  if (article == text::Script::kOther || comment == article) return;
  if (a.body.scripts.Share(article) >= 1.0 - kMinShare) return;
  out->push_back({"SCRIPT_MISMATCH", 1.0,
                  std::string(text::ScriptName(comment)) + " under " +
                      std::string(text::ScriptName(article))});
}

}  // namespace tribune::spam::signals
