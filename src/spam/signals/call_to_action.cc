// A call to act on a link: "sign up here!", "reserve your table through this
// link", "head over to the link in my bio", "click the link below". Group
// and comment spam asks readers to go somewhere; readers of an article
// point at sources ("the full text is here: …") but rarely urge others to
// click, join, buy or donate through a link.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckCallToAction(const Analysis& a, Hits* out) {
  static const RE2 kAction(
      R"(\b(?:click|tap|sign\s*up|signing\s+up|join|register|reserve|donate|order|buy|grab|claim|)"
      R"(head\s+over|visit|check\s+out|dm|message)\b(?:\s+(?:us|me|it|now|today|yours|your\s+\w+))?\s+)"
      R"((?:here\s*(?:[!:]|$|\.\s|\.$)|(?:through|via|at|on|using|with|to|in)\s+(?:this|the|my|our)\s+link|)"
      R"(the\s+link\s+(?:below|above|in\s+(?:my|the|our)\s+bio)|link\s+in\s+(?:my\s+|our\s+)?bio))",
      RuleOptions());
  // "check out igblast.com and get followers": an imperative aimed at a link.
  static const RE2 kAtLink(
      R"((?:^|[.!?]\s*|\b(?:please|pls|just|go)\s+)(?:check\s+out|visit|go\s+to|try|download|get|)"
      R"(sign\s+up\s+(?:at|on)|register\s+(?:at|on)|join)\s+(?:[a-z0-9-]+\s+){0,2}?)"
      R"(((?:https?://|www\.)?[a-z0-9-]+\.(?:com|net|org|io|co|me|info|biz|xyz|top|site|online|shop|app|ly|gg|tv)\b))",
      RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kAction), &m) || Find(a.folded_body, Checked(kAtLink), &m)) {
    out->push_back({"CALL_TO_ACTION", 1.0, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
