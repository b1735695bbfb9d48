// The signature of blog-comment spam software: generic praise ending in a
// line such as "My web site :: cheap flights" or "Here is my blog post -
// casino", where the keyword was the anchor text of the link.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

std::string_view LastLine(std::string_view s) {
  size_t end = s.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return {};
  s = s.substr(0, end + 1);
  size_t nl = s.rfind('\n');
  return nl == std::string_view::npos ? s : s.substr(nl + 1);
}

// The last sentence of a one-line text ("… talents. My web site :: x"), or
// "" when there is no earlier sentence.
std::string_view LastSentence(std::string_view s) {
  size_t end = s.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) return {};
  s = s.substr(0, end + 1);
  size_t best = std::string_view::npos;
  for (std::string_view stop : {". ", "! ", "? "}) {
    size_t at = s.rfind(stop);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) best = at;
  }
  return best == std::string_view::npos ? std::string_view() : s.substr(best + 2);
}

// 5 x 0.55 = 2.75: holds by itself.
constexpr double kTailStrength = 0.55;

bool IsConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {"and", "of", "the",  "for", "in", "near",
                                                     "a",   "to", "with", "at",  "on", "by"};
  for (std::string_view c : kConnectors) {
    if (w == c) return true;
  }
  return false;
}

// The keyword without its anchor: stock praise, then a closing phrase made
// of commercial words and nothing else ("great post, very informative.
// sharjah properties for rent"). A reader's closing words are a sentence or
// a name, not a phrase of them.
bool KeywordTail(const Analysis& a, std::string_view sentence, std::string* keyword) {
  static const RE2 kPraise(
      R"(\b(?:great|nice|good|excellent|awesome|informative|useful|helpful|valuable|wonderful)\s+)"
      R"((?:post|article|blog|information|info|content|read|share|work|job)\b)"
      R"(|\bthanks?\s+(?:you\s+)?(?:a\s+lot\s+|so\s+much\s+)?for\s+(?:sharing|posting|this)\b)"
      R"(|\bvery\s+(?:informative|useful|helpful|interesting)\b)");
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ' ')) {
    sentence.remove_suffix(1);
  }
  if (sentence.empty() || a.lists->commercial_words.empty()) return false;
  int words = 0, content = 0, commercial = 0;
  bool place = false;  // after "in" or "near": the town the business serves
  size_t at = 0;
  while (at < sentence.size()) {
    size_t end = sentence.find(' ', at);
    if (end == std::string_view::npos) end = sentence.size();
    std::string w(sentence.substr(at, end - at));
    at = end + 1;
    if (w.empty()) continue;
    for (unsigned char c : w) {
      if (!(c >= 'a' && c <= 'z')) return false;
    }
    ++words;
    if (IsConnector(w)) {
      place = place || ((w == "in" || w == "near") && commercial >= 2);
      continue;
    }
    if (place) continue;
    ++content;
    commercial += a.lists->commercial_words.count(w) > 0;
  }
  if (words > 6 || content < 2 || commercial < content - 1 || commercial == 0) return false;
  std::string_view before(a.folded_body.data(), sentence.data() - a.folded_body.data());
  if (!RE2::PartialMatch(before, kPraise)) return false;
  *keyword = std::string(sentence);
  return true;
}

}  // namespace

void CheckKeywordAnchor(const Analysis& a, Hits* out) {
  static const RE2 kAnchor(
      R"(^\s*(?:(?:also|and|please)\s+)?(?:(?:visit|check\s+out|look\s+at|stop\s+by|take\s+a\s+look\s+at|)"
      R"(have\s+a\s+look\s+at|feel\s+free\s+to\s+(?:visit|surf\s+to|surf\s+my|look\s+at)|here\s+is|)"
      R"(look\s+into|see|review|check)\s+)?my\s+(?:own\s+|personal\s+|new\s+)?)"
      R"((?:web[\s-]*site|site|web[\s-]*page|page|blog(?:[\s-]*post)?|web[\s-]*blog|weblog|)"
      R"(homepage|home[\s-]*page|blog\s+article|article|link|channel|url|webpage|website))"
      R"(\s*(?:::|:|;|\.\.\.|…|-|–|—|\.\s|,)?\s*(\S.{0,80})$)");
  // On one line, only the software's own separator ("My web site :: x",
  // "My blog: x") closes the text: "My page - well, …" is a sentence.
  static const RE2 kInline(
      R"(^\s*(?:(?:also|and|please)\s+)?(?:(?:visit|check\s+out|look\s+at|feel\s+free\s+to\s+visit|)"
      R"(here\s+is|see|check)\s+)?my\s+(?:own\s+|personal\s+|new\s+)?)"
      R"((?:web[\s-]*site|site|web[\s-]*page|blog(?:[\s-]*post)?|web[\s-]*blog|weblog|homepage|)"
      R"(home[\s-]*page|webpage|website))"
      R"(\s*::?\s*(\S.{0,80})$)");
  // Both patterns need "my": most texts are ruled out without running them.
  auto has_my = [](std::string_view s) { return s.find("my") != std::string_view::npos; };
  std::string_view line = LastLine(a.folded_body);
  std::string keyword;
  if (line.size() <= 160 && line != a.folded_body) {  // must close a longer text
    if (has_my(line) && RE2::FullMatch(line, kAnchor, &keyword)) {
      out->push_back({"KEYWORD_ANCHOR", 1.0, Clip(keyword)});
    }
    return;
  }
  std::string_view sentence = LastSentence(a.folded_body);
  if (!sentence.empty() && sentence.size() <= 160 && has_my(sentence) &&
      RE2::FullMatch(sentence, kInline, &keyword)) {
    out->push_back({"KEYWORD_ANCHOR", 1.0, Clip(keyword)});
  } else if (!sentence.empty() && KeywordTail(a, sentence, &keyword)) {
    out->push_back({"KEYWORD_ANCHOR", kTailStrength, Clip(keyword)});
  }
}

}  // namespace tribune::spam::signals
