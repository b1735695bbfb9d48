// Telephone numbers in a comment: the contact that scams want to be called
// on (support, reservations, "recovery" and escort numbers). A toll-free or
// premium-rate number is a business's, not a reader's; digits dressed up
// with look-alike letters ("1-8OO-…") were written to slip past filters.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckPhoneNumbers(const Analysis& a, Hits* out) {
  if (a.phones.empty()) return;
  const text::Phone& first = a.phones.front();
  std::string evidence = first.raw;
  if (a.phones.size() > 1) evidence += " (+" + std::to_string(a.phones.size() - 1) + " more)";
  out->push_back({"PHONE_NUMBER", 1.0, Clip(evidence)});
  for (const text::Phone& p : a.phones) {
    if (p.toll_free) {
      out->push_back({"PHONE_TOLL_FREE", 1.0, Clip(p.raw)});
      break;
    }
  }
  for (const text::Phone& p : a.phones) {
    if (p.disguised) {
      out->push_back({"PHONE_DISGUISED", 1.0, Clip(p.raw)});
      break;
    }
  }
}

}  // namespace tribune::spam::signals
