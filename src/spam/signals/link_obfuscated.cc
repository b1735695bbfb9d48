// A disguised link ("hxxp", "site[.]com", "site dot com") has no innocent
// reason to exist in a comment: it is written to slip past link filters.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckObfuscatedLinks(const Analysis& a, Hits* out) {
  if (a.links.deobfuscations > 0 && !a.links.links.empty()) {
    out->push_back({"LINK_OBFUSCATED", 1.0, Clip(a.links.obfuscated_example)});
  }
}

}  // namespace tribune::spam::signals
