// "References:" followed by a link: a template of link-building spam that
// imitates a citation.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckReferencesBlock(const Analysis& a, Hits* out) {
  static const RE2 kHeading(R"((?m)^\s*(?:references|sources|source|ref|refs)\s*:\s*$)");
  if (a.links.links.empty()) return;
  if (Find(a.folded_body, kHeading)) {
    out->push_back({"REFERENCES_BLOCK", 1.0, a.links.links.back().host});
  }
}

}  // namespace tribune::spam::signals
