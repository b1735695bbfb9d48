// Recovery scams: a "hacker" or "recovery expert" who got someone's lost or
// stolen crypto back, recommended to the next victim ("I recovered my lost
// bitcoin with the help of a great hacker", "contact this recovery agent",
// "lost funds? DM for recovery help").
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckRecoveryScam(const Analysis& a, Hits* out) {
  static const RE2 kRecovery(
      R"(\b(?:recover(?:ed|y)?|retriev(?:ed|e)|got\s+back|get\s+back|restor(?:ed|e))\s+(?:all\s+)?)"
      R"((?:my|your|their|his|her|our|the)?\s*(?:lost|stolen|scammed|locked|hacked)?\s*)"
      R"((?:bitcoins?|btc|crypto(?:currency)?|funds|money|wallet|assets|investments?|usdt|eth)\b)"
      R"(|\b(?:recovery|hacking)\s+(?:expert|agent|specialist|company|service|firm|hacker)s?\b)"
      R"(|\b(?:a|this|the)\s+(?:great|genuine|legit(?:imate)?|professional|reliable|trusted)\s+hacker\b)"
      // "Lost funds? DM for recovery help."
      R"(|\b(?:dm|inbox|pm)\s+(?:me\s+|us\s+)?(?:now\s+)?(?:for|about)\s+(?:\w+\s+)?recover)",
      RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kRecovery), &m)) out->push_back({"RECOVERY_SCAM", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
