// Public spam lists kept by people who fight spam for a living
// (SmokeDetector's, see data/spam/NOTICE): the host names of spam sites and
// the telephone numbers of scam call centres. (Its keyword list, mostly the
// brand names of pills sold on Stack Exchange, was left out: matching its
// 2,000 patterns cost more per comment than the rest of the engine and
// caught almost nothing in comment spam.)
#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// Whether `host` or one of its parent domains is listed.
bool Listed(const std::unordered_set<std::string>& sites, std::string_view host) {
  while (!host.empty()) {
    if (sites.count(std::string(host))) return true;
    size_t dot = host.find('.');
    if (dot == std::string_view::npos) return false;
    host.remove_prefix(dot + 1);
  }
  return false;
}

void CheckSites(const Analysis& a, Hits* out) {
  if (a.lists->listed_sites.empty()) return;
  for (const text::LinkScan* scan : {&a.links, &a.author_links}) {
    for (const text::Link& l : scan->links) {
      if (Listed(a.lists->listed_sites, l.host)) {
        out->push_back({"LINK_LISTED_SITE", 1.0, Clip(l.host)});
        return;
      }
    }
  }
}

void CheckNumbers(const Analysis& a, Hits* out) {
  if (a.lists->listed_numbers.empty()) return;
  for (const text::Phone& p : a.phones) {
    std::string digits = p.e164.substr(1);  // without the '+'
    bool listed = a.lists->listed_numbers.count(digits) ||
                  (digits.starts_with("1") && a.lists->listed_numbers.count(digits.substr(1)));
    if (listed) {
      out->push_back({"PHONE_LISTED", 1.0, Clip(p.raw)});
      return;
    }
  }
}

}  // namespace

void CheckListed(const Analysis& a, Hits* out) {
  CheckSites(a, out);
  CheckNumbers(a, out);
}

}  // namespace tribune::spam::signals
