// A comment without any letter or digit carries nothing to publish; bots
// post empty comments to test whether a form accepts them.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckEmptyBody(const Analysis& a, Hits* out) {
  bool blank = a.input->body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank && a.author_links.links.empty()) {
    out->push_back({"EMPTY_BODY", 1.0, "empty"});
  } else if (blank) {
    out->push_back({"EMPTY_BODY", 1.5, "empty, link in name"});
  }
}

}  // namespace tribune::spam::signals
