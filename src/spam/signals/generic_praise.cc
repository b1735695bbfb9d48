// Generic praise: spun blog spam flatters a post it never read ("I like the
// valuable info you provide in your articles. I'll bookmark your blog"), in
// words that fit any page and name nothing of it. Readers praise articles
// too ("Great article.", "Keep it up, Ms. Wente"), so the rule needs the
// spammers' own stock: the blog, the site or its webmaster addressed as
// such, bookmarking, coming back, RSS. It fires only when the comment shares
// no term with the article (or no article is known).
#include <re2/re2.h>

#include <unordered_set>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// Phrases of blog-spam templates: about the site, not the article.
const RE2& StockPhrase() {
  static const RE2 re(
      R"(((?:book\s*-?marked|bookmark(?:ed|ing)?|add(?:ed)?\s+(?:your|this)\s+\w+\s+to\s+my\s+bookmarks))"
      R"(|(?:your|this)\s+(?:blog|web\s*site|web\s*log|weblog|web\s*page)s?\b)"
      R"(|web\s*master|rss\s+feed|piece\s+of\s+writing|fastidious)"
      R"(|(?:i\s+will|i'll|i\s+am\s+going\s+to|will)\s+(?:definitely\s+|certainly\s+|surely\s+)?)"
      R"((?:come\s+back|be\s+back|return|revisit|check\s+back|be\s+coming\s+back|recommend\s+(?:your|this)\s+(?:blog|site)))"
      R"(|(?:found|discovered|stumbled\s+upon|came\s+across|came\s+upon)\s+(?:your|this)\s+(?:blog|site|web\s*site|page))"
      R"(|(?:loading\s+(?:speed|pace|time)|(?:theme|design|layout|template)\s+of\s+(?:your|this)\s+(?:blog|site))))", RuleOptions());
  return Checked(re);
}

// Praise any page could receive; counted only beside a stock phrase.
const RE2& PlainPraise() {
  static const RE2 re(
      R"(((?:great|nice|good|excellent|awesome|wonderful|fantastic|superb|useful|informative|valuable|)"
      R"(helpful|pleasant|remarkable|impressive|outstanding|brilliant|magnificent|incredible|amazing)\s+)"
      R"((?:post|posts|article|articles|write-?up|info(?:rmation)?|content|read|paragraph|topic|blog\s+post)s?\b)"
      R"(|keep\s+up\s+the\s+(?:good|great|nice|fantastic|superb)\s+(?:work|job)|keep\s+(?:writing|posting))"
      R"(|thanks?\s+(?:you\s+)?(?:a\s+lot\s+)?for\s+(?:sharing|posting)|(?:well|nicely)\s+written)"
      R"(|(?:your|the)\s+(?:articles|posts|blog\s+posts|writing\s+style)\b))", RuleOptions());
  return Checked(re);
}

constexpr int kMaxPhrases = 3;
// 1.5 x 1.84 = 2.75: holds by itself.
constexpr double kTemplateStrength = 1.84;

// Distinct phrases of `re` in `text`, at most kMaxPhrases; the first found
// goes to `*first`.
int CountPhrases(std::string_view text, const RE2& re, std::string* first) {
  if (!MayMatch(text, re)) return 0;
  re2::StringPiece input(text.data(), text.size());
  std::string phrase;
  std::unordered_set<std::string> seen;
  while (static_cast<int>(seen.size()) < kMaxPhrases && RE2::FindAndConsume(&input, re, &phrase)) {
    if (seen.insert(phrase).second && first->empty()) *first = phrase;
  }
  return static_cast<int>(seen.size());
}

bool SharesArticleTerms(const Analysis& a) {
  if (!a.article) return false;
  for (const std::string& w : a.body.words) {
    if (w.size() >= 5 && a.article->terms.count(w)) return true;
  }
  return false;
}

}  // namespace

void CheckGenericPraise(const Analysis& a, Hits* out) {
  std::string first, plain_first;
  int stock = CountPhrases(a.folded_body, StockPhrase(), &first);
  if (stock == 0 || SharesArticleTerms(a)) return;
  int phrases = stock + CountPhrases(a.folded_body, PlainPraise(), &plain_first);
  // Three stock phrases in one comment are a spun template: no reader out
  // of fold wrote them (docs/spam.md, "Rules that hold by themselves").
  double strength = phrases >= 3 ? kTemplateStrength : phrases == 2 ? 1.0 : 0.5;
  std::string evidence = first;
  if (phrases > 1) evidence += " (+" + std::to_string(phrases - 1) + " more)";
  out->push_back({"GENERIC_PRAISE", strength, Clip(evidence)});
}

}  // namespace tribune::spam::signals
