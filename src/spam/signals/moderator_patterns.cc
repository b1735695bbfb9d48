// Moderators' own rules (patterns.txt), for campaigns a model has not
// learned yet. Each carries its own symbol and score. All patterns run in one
// vectorscan pass over each text (a site may list hundreds); RE2 then finds
// the matched text of the ones that hit, for the evidence.
#include <algorithm>

#include "spam/lists.h"
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckModeratorPatterns(const Analysis& a, Hits* out) {
  const PatternSet* set = a.lists->pattern_set.get();
  if (!set || set->size() != a.lists->patterns.size()) return;  // see Lists::CompilePatterns
  std::vector<int> hits;
  set->Match(a.folded_body, &hits);
  if (!a.author.text.empty()) set->Match(a.author.text, &hits);
  for (const auto& link : a.links.links) set->Match(link.host, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  for (int i : hits) {
    const Pattern& p = a.lists->patterns[static_cast<size_t>(i)];
    std::string m;
    bool found = set->Find(i, a.folded_body, &m) ||
                 (!a.author.text.empty() && set->Find(i, a.author.text, &m));
    for (size_t l = 0; !found && l < a.links.links.size(); ++l) {
      found = set->Find(i, a.links.links[l].host, &m);
    }
    out->push_back({p.symbol, p.score, Clip(m.empty() ? p.regex->pattern() : m)});
  }
}

}  // namespace tribune::spam::signals
