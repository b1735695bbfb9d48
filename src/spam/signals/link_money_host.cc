// Links that lead to a page asking for money or paying the poster for the
// visit: crowdfunding, print-on-demand shops, paid-click link services and
// rewards sites (money_hosts.txt). On a comment thread such a link is an
// appeal or an advert far more often than a citation.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckLinkMoneyHost(const Analysis& a, Hits* out) {
  for (const text::Link& link : a.links.links) {
    if (a.lists->money_hosts.count(link.domain)) {
      out->push_back({"LINK_MONEY_HOST", 1.0, link.domain});
      return;
    }
  }
}

}  // namespace tribune::spam::signals
