// Crypto scams: wallet and contract addresses to send coins to or to buy a
// token at ("contract address 0x10b9…"), and tickers with a buy call ("$PEPE
// to the moon, get in before the listing"). Addresses inside code lines are
// a developer's, not a shill's, and are not counted.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// Bitcoin (legacy and bech32), Ethereum-style, Tron and Solana-length
// base58 addresses, on text with case kept.
const RE2& Address() {
  static const RE2 re(
      R"((?:^|[^0-9A-Za-z])((?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,60}|)"
      R"([13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}))(?:$|[^0-9A-Za-z]))", RuleOptions());
  return Checked(re);
}

const RE2& BuyCall() {
  static const RE2 re(
      R"((?:\$[a-z][a-z0-9]{1,9}|#[a-z0-9]{2,12}\s*token|\b[a-z0-9]{2,12}\s+(?:token|coin)\b))"
      R"(.{0,60}?\b(?:buy|pump|moon|mooning|\d{2,4}x\b|gem|presale|pre-sale|airdrop|listing|launch(?:ing)?|)"
      R"(get\s+in|don'?t\s+miss|next\s+\d+x|ape\s+in|hold(?:ing)?\s+strong|to\s+the\s+moon))"
      R"(|\b(?:buy|grab|ape\s+into|get)\s+(?:\$[a-z][a-z0-9]{1,9})\b)", RuleOptions());
  return Checked(re);
}

// The base58 alphabet would also accept a long run of letters: an address
// has digits and both cases, or is hexadecimal with its 0x.
bool LooksRandom(const std::string& s) {
  if (s.starts_with("0x") || s.starts_with("bc1")) return true;
  bool digit = false, upper = false, lower = false;
  for (char c : s) {
    digit |= c >= '0' && c <= '9';
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  return digit && upper && lower;
}

}  // namespace

void CheckCrypto(const Analysis& a, Hits* out) {
  std::string address;
  re2::StringPiece input(a.prose);
  while (RE2::FindAndConsume(&input, Address(), &address)) {
    if (LooksRandom(address)) {
      out->push_back({"CRYPTO_ADDRESS", 1.0, Clip(address, 48)});
      break;
    }
  }
  std::string_view m;
  if (Find(a.folded_body, BuyCall(), &m)) out->push_back({"CRYPTO_SHILL", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
