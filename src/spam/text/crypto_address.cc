#include "spam/text/crypto_address.h"

#include <re2/re2.h>

namespace tribune::spam::text {
namespace {

const RE2& Address() {
  static const RE2 re(
      R"((?:^|[^0-9A-Za-z])((?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,60}|)"
      R"([13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|[1-9A-HJ-NP-Za-km-z]{32,44})))"
      R"((?:$|[^0-9A-Za-z]))");
  return re;
}

// An address is hexadecimal with its 0x, bech32 with its bc1, or has digits
// and plenty of both cases; and it is not part of a link or a token.
bool LooksRandom(std::string_view s, char before) {
  if (s.starts_with("0x") || s.starts_with("bc1")) return true;
  if (std::string_view("/=?&#.-_%+").find(before) != std::string_view::npos) return false;
  int digits = 0, upper = 0, lower = 0;
  for (char c : s) {
    digits += c >= '0' && c <= '9';
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
  }
  return digits >= 2 && upper >= 4 && lower >= 4;
}

}  // namespace

std::vector<std::string_view> FindCryptoAddresses(std::string_view text, size_t max) {
  std::vector<std::string_view> found;
  re2::StringPiece input(text.data(), text.size()), address;
  while (found.size() < max && RE2::FindAndConsume(&input, Address(), &address)) {
    char before = address.data() > text.data() ? address.data()[-1] : ' ';
    std::string_view s(address.data(), address.size());
    if (LooksRandom(s, before)) found.push_back(s);
  }
  return found;
}

}  // namespace tribune::spam::text
