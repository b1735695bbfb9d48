// Crypto scams: wallet and contract addresses to send coins to or to buy a
// token at ("contract address 0x10b9…"), and tickers with a buy call ("$PEPE
// to the moon, get in before the listing") or a launch asked for ("deploy a
// token named …"), coins given away ("double your
// ETH", "drop your wallet"). Addresses inside code lines are
// a developer's, not a shill's, and are not counted.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

const RE2& BuyCall() {
  static const RE2 re(
      R"((?:\$[a-z][a-z0-9]{1,9}|#[a-z0-9]{2,12}\s*token|\b[a-z0-9]{2,12}\s+(?:token|coin)\b))"
      R"(.{0,60}?\b(?:buy|pump|moon|mooning|\d{2,4}x\b|gem|presale|pre-sale|airdrop|listing|launch(?:ing)?|)"
      R"(get\s+in|don'?t\s+miss|next\s+\d+x|ape\s+in|hold(?:ing)?\s+strong|to\s+the\s+moon))"
      R"(|\b(?:buy|grab|ape\s+into|get)\s+(?:\$[a-z][a-z0-9]{1,9})\b)"
      // A hashtag as the ticker: "#frzw to the moon", "buy and hold #frzw".
      R"(|#[a-z][a-z0-9]{1,11}\s+(?:to\s+the\s+moon|will\s+(?:moon|pump|explode|skyrocket)|is\s+the\s+future))"
      R"(|\b(?:buy|hold|buy\s+and\s+hold|accumulate|grab|ape\s+into)\s+#[a-z][a-z0-9]{1,11}\b)"
      // A token launch asked of a launch bot: "@bot deploy a token named X,
      // ticker $X", "deploy $LEAK on base".
      R"(|\bdeploy(?:ed|ing|s)?\s+(?:(?:a|an|the|this|my|new|base|it|me|us)\s+){0,3})"
      R"((?:token|coin|memecoin|meme\s+coin|\$[a-z][a-z0-9]{1,9})\b|\bdeploy\b.{0,80}?\b(?:ticker|symbol)\b)",
      RuleOptions());
  return Checked(re);
}

// A giveaway of coins: "giving away my last 10 BTC", "double your ETH",
// "claim your free airdrop", "drop your wallet", "RT + follow to enter".
const RE2& Giveaway() {
  static const RE2 re(
      R"(\b(?:giving|give)\s+away\s+(?:my\s+|our\s+)?(?:last\s+)?(?:\d[\d,.]*\s*k?\s*)?)"
      R"((?:btc|bitcoins?|eth|ether(?:eum)?|sol|usdt|crypto|tokens?|coins?|nfts?)\b)"
      R"(|\bdouble\s+(?:your|ur)\s+(?:btc|bitcoins?|eth|ether(?:eum)?|crypto|sol|usdt|coins?)\b)"
      R"(|\bsend\s+(?:\d[\d,.]*\s*)?(?:btc|eth|sol|usdt)\b.{0,60}?\b(?:receive|get\s+back|returns?)\b)"
      R"(|\bclaim\s+(?:your\s+(?:free\s+)?|my\s+(?:free\s+)?|free\s+)(?:\d[\d,.]*\s*)?(?:airdrop|tokens?|eth|btc|nfts?|crypto)\b)"
      R"(|\b(?:free\s+mint|airdrop)\b.{0,60}?\b(?:claim|connect\s+(?:your\s+)?wallet|drop\s+(?:your\s+)?wallet)\b)"
      R"(|\b(?:drop|leave|post)\s+(?:your|ur)\s+(?:\w+\s+){0,3}(?:wallets?|addresse?s?)\b)"
      R"(|\b(?:drop|send|share|enter)\s+(?:your|ur|a|the)\s+seed\s+phrase\b|\bclaim\s+\$[a-z][a-z0-9]{1,9}\b)"
      R"(|\bfree\s+mint\b|\bmint\s+(?:is\s+)?(?:now\s+)?live\b|\b(?:wl|whitelist)\s+(?:spots?|giveaway)\b)"
      R"(|\bairdrop\s+(?:is\s+)?(?:now\s+|officially\s+)?live\b)"
      // "I will send 1 $BTC to one person", "send 1 sol to 10 random person".
      R"(|\b(?:send|give|giving|gift)\s+(?:away\s+)?\d+(?:\.\d+)?\s*\$?(?:btc|eth|sol|bnb|usdt|xrp)\b.{0,20}?)"
      R"(\bto\s+(?:\d+|one|ten|five|a)\s+(?:random\s+|lucky\s+)?(?:person|people|followers?|winners?)\b)"
      // The key asked for: "verify your seed phrase at …", "provide a private key".
      R"(|\bverify\s+(?:your\s+)?(?:seed\s+phrase|recovery\s+phrase|private\s+key)\b)"
      R"(|\bprovide\s+(?:your\s+|a\s+)?(?:private\s+key|seed\s+phrase|recovery\s+phrase)\b|\bseed\s+phrase\s*:)"
      R"(|\bdrop\s+(?:your\s+|ur\s+)?(?:wallet|sol|eth|btc)\s+(?:address|addy)\b)"
      R"(|\b(?:rt|retweet|repost)\s*(?:\+|&|and|,)\s*(?:follow|like)\b.{0,40}?\b(?:enter|win|giveaway|airdrop)\b)",
      RuleOptions());
  return Checked(re);
}

// A warning about giveaways names them as what they are.
const RE2& Warning() {
  static const RE2 re(R"(\b(?:scam(?:s|mers?)?|fraud\w*|deepfakes?|fake|red\s+flags?|beware)\b)",
                      RuleOptions());
  return Checked(re);
}

}  // namespace

void CheckCrypto(const Analysis& a, Hits* out) {
  if (!a.crypto_addresses.empty()) {
    out->push_back({"CRYPTO_ADDRESS", 1.0, Clip(a.crypto_addresses.front(), 48)});
  }
  std::string_view m;
  if (Find(a.folded_body, BuyCall(), &m)) out->push_back({"CRYPTO_SHILL", 1.0, Clip(m)});
  if (Find(a.folded_body, Giveaway(), &m) && !Find(a.folded_body, Warning())) {
    out->push_back({"CRYPTO_GIVEAWAY", 1.0, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
