// Where links point: moderator-listed domains, shorteners that hide the
// target, and top-level domains where abuse dominates.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckLinkDomains(const Analysis& a, Hits* out) {
  const Lists& l = *a.lists;
  bool bad = false, shortener = false, tld = false;
  for (const text::Link& link : a.links.links) {
    if (!bad && (l.bad_link_domains.count(link.domain) || l.bad_link_domains.count(link.host))) {
      bad = true;
      out->push_back({"LINK_BAD_DOMAIN", 1.0, link.domain});
    }
    if (!shortener && l.shorteners.count(link.domain)) {
      shortener = true;
      out->push_back({"LINK_SHORTENER", 1.0, link.domain});
    }
    if (!tld && l.suspicious_tlds.count(link.tld)) {
      tld = true;
      out->push_back({"LINK_SUSPICIOUS_TLD", 1.0, link.host});
    }
  }
}

}  // namespace tribune::spam::signals
