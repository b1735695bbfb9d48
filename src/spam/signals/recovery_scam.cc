// Recovery scams: a "hacker" or "recovery expert" who got someone's lost or
// stolen crypto back, recommended to the next victim ("I recovered my lost
// bitcoin with the help of a great hacker", "contact this recovery agent",
// "lost funds? DM for recovery help"), or help offered in private messages
// to someone who lost access ("kindly inbox me for help").
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
      // "there is a hacker that can help, text +44 …": help and a way to reach it.
      R"(|\bhacker\s+(?:that|who)\s+(?:can|will)\s+help\b.{0,80}?)"
      R"(\b(?:text|call|whatsapp|e-?mail|dm|message|telegram)\b.{0,30}?(?:\+?\d|@|\.com\b))"
      // "Lost funds? DM for recovery help."
      R"(|\b(?:dm|inbox|pm)\s+(?:me\s+|us\s+)?(?:now\s+)?(?:for|about)\s+(?:\w+\s+)?recover)"
      // Help offered in private to someone who lost access or money:
      // "kindly inbox me for help", "dm me i can guide you through this",
      // "send an inbox message to get your problem solved".
      R"(|\b(?:inbox|dm|message|contact|hit)\s+(?:me|us)\b(?:\s+\S+){0,6}?\s+)"
      R"((?:help|fix|guide|assist|solve|support|recover|legit))"
      R"(|\b(?:help|fix|guide|assist|solve|recover)\w*\b(?:\s+\S+){0,6}?\s+(?:inbox|dm)\s+me\b)"
      R"(|\bsend\s+(?:me\s+)?an?\s+inbox)"
      // "DM verified CryptoRecovery support", "for verified recovery
      // assistance, message immediately": "verified" recovery to be written to.
      R"(|\b(?:contact|message|dm|reach|call|inbox)\s+(?:\w+\s+){0,2}?(?:verified|certified|trusted|legit)\s+)"
      R"((?:crypto\s*)?recovery)"
      R"(|\b(?:verified|certified|trusted|legit)\s+(?:crypto\s*)?recovery\s+(?:assistance|support|help)\b)"
      R"(.{0,30}?\b(?:message|dm|contact|inbox|reach)\b)",
      RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kRecovery), &m)) out->push_back({"RECOVERY_SCAM", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
