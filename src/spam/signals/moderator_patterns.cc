// Moderators' own rules (patterns.txt), for campaigns a model has not
// learned yet. Each carries its own symbol and score.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

namespace {

// Matches and keeps the matched text, whether or not the pattern captures.
bool Find(const RE2& re, const std::string& s, std::string* m) {
  re2::StringPiece in(s), whole;
  if (!re.Match(in, 0, in.size(), RE2::UNANCHORED, &whole, 1)) return false;
  *m = std::string(whole.data(), whole.size());
  return true;
}

}  // namespace

void CheckModeratorPatterns(const Analysis& a, Hits* out) {
  for (const Pattern& p : a.lists->patterns) {
    std::string m;
    bool hit = Find(*p.regex, a.folded_body, &m) ||
               (!a.author.text.empty() && Find(*p.regex, a.author.text, &m));
    for (size_t i = 0; !hit && i < a.links.links.size(); ++i) {
      hit = Find(*p.regex, a.links.links[i].host, &m);
    }
    if (hit) out->push_back({p.symbol, p.score, Clip(m.empty() ? p.regex->pattern() : m)});
  }
}

}  // namespace tribune::spam::signals
