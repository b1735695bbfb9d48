// Throwaway mailboxes are how bots satisfy a required e-mail field.
#include "spam/signals/signal.h"
#include "spam/text/urls.h"

namespace tribune::spam::signals {

void CheckDisposableEmail(const Analysis& a, Hits* out) {
  if (a.email_domain.empty()) return;
  const auto& list = a.lists->disposable_email_domains;
  if (list.count(a.email_domain) || list.count(text::RegistrableDomain(a.email_domain))) {
    out->push_back({"DISPOSABLE_EMAIL", 1.0, a.email_domain});
  }
}

}  // namespace tribune::spam::signals
