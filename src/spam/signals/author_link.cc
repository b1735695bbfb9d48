// A link in the name field turns every comment into an advertisement.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckAuthorLinks(const Analysis& a, Hits* out) {
  if (!a.author_links.links.empty()) {
    out->push_back({"AUTHOR_HAS_LINK", 1.0, a.author_links.links[0].host});
  }
}

}  // namespace tribune::spam::signals
