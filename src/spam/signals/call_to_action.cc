// A call to act on a link: "sign up here!", "reserve your table through this
// link", "head over to the link in my bio", "click the link below". Group
// and comment spam asks readers to go somewhere; readers of an article
// point at sources ("the full text is here: …") but rarely urge others to
// click, join, buy or donate through a link.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// Whether the word before `m` in `t` negates it: "please don't buy here."
// tells readers not to.
bool Negated(const std::string& t, std::string_view m) {
  size_t end = static_cast<size_t>(m.data() - t.data());
  while (end > 0 && t[end - 1] == ' ') --end;
  size_t begin = end;
  auto in_word = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '\''; };
  while (begin > 0 && in_word(t[begin - 1])) --begin;
  static constexpr std::string_view kNegations[] = {"don't", "dont", "not", "never", "won't",
                                                    "shouldn't", "can't", "cannot", "didn't",
                                                    "doesn't"};
  std::string_view word(t.data() + begin, end - begin);
  return std::find(std::begin(kNegations), std::end(kNegations), word) != std::end(kNegations);
}

// The first match of `re` in `t` that is not negated.
bool FindUrged(const std::string& t, const RE2& re, std::string_view* m) {
  if (!Find(t, re, m)) return false;
  re2::StringPiece text(t), whole;
  while (Negated(t, *m)) {
    size_t from = static_cast<size_t>(m->data() - t.data()) + std::max<size_t>(m->size(), 1);
    if (from > t.size() || !re.Match(text, from, t.size(), RE2::UNANCHORED, &whole, 1)) {
      return false;
    }
    *m = std::string_view(whole.data(), whole.size());
  }
  return true;
}

constexpr double kHailedStrength = 2.0;

}  // namespace

void CheckCallToAction(const Analysis& a, Hits* out) {
  static const RE2 kAction(
      R"(\b(?:click|tap|sign\s*up|signing\s+up|join|register|reserve|donate|order|buy|grab|claim|)"
      R"(head\s+over|visit|check\s+out|dm|message|book|enrol|enroll)\b)"
      R"((?:\s+(?:us|me|it|now|today|yours|your\s+\w+))?)"
      R"((?:\s+(?:quickly|now|today|early|fast|asap|soon))?\s+)"
      // "register here!", "donate here and help us", "register quickly
      // through this link": not "the fix should apply here, such as".
      R"((?:here\s*(?:[!:]|$|\.\s|\.$|,?\s+and\b)|)"
      R"((?:through|via|at|on|using|with|to|in)\s+(?:this|the|my|our)\s+link|)"
      R"(the\s+link\s+(?:below|above|in\s+(?:my|the|our)\s+bio)|link\s+in\s+(?:my\s+|our\s+)?bio))",
      RuleOptions());
  // "check out igblast.com and get followers": an imperative aimed at a link.
  static const RE2 kAtLink(
      R"((?:^|[.!?]\s*|\b(?:please|pls|just|go)\s+)(?:check\s+out|visit|go\s+to|try|download|get|)"
      R"(sign\s+up\s+(?:at|on)|register\s+(?:at|on)|join)\s+(?:[a-z0-9-]+\s+){0,2}?)"
      R"(((?:https?://|www\.)?[a-z0-9-]+\.(?:com|net|org|io|co|me|info|biz|xyz|top|site|online|shop|app|ly|gg|tv)\b))",
      RuleOptions());
  // A pitch that opens by hailing the whole audience: "Dear group, …
  // donate here", "Calling all tech enthusiasts! … Register here", the
  // announcement that group spam posts under a chat's or a page's name.
  static const RE2 kHail(
      R"(^\W*(?:dear\s+(?:group|members|community|group\s+members)\b|(?:attention|calling)\s+all\s+[\w-]+\s*[!:,])"
      R"(|hello\s+(?:\w+\s+){0,2}(?:lovers|enthusiasts|fans)\b|special\s+announcement\b)"
      R"(|exciting\s+(?:update|news)\s+for\s+(?:everyone|all)\b))",
      RuleOptions());
  std::string_view m;
  const std::string& t = a.folded_body;
  if (FindUrged(t, Checked(kAction), &m) || Find(t, Checked(kAtLink), &m)) {
    std::string_view hail;
    bool hailed = Find(t, Checked(kHail), &hail);
    out->push_back({"CALL_TO_ACTION", hailed ? kHailedStrength : 1.0,
                    hailed ? Clip(std::string(hail) + " … " + std::string(m)) : Clip(m)});
  }
}

}  // namespace tribune::spam::signals
