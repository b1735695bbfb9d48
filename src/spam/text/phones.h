// Finds telephone numbers in comment text, also when dressed up: look-alike
// letters for digits ("1-8OO-..." , "966l"), styled or fullwidth digits
// (folded by NFKC before this runs), digits spaced out or joined by dashes,
// dots, slashes and brackets. Candidates are validated by libphonenumber,
// so dates, prices, IP addresses, versions and order numbers do not count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tribune::spam::text {

struct Phone {
  std::string raw;     // as found in the text
  std::string e164;    // "+18882039661"
  bool toll_free = false;     // toll-free, premium-rate or shared-cost
  bool disguised = false;     // look-alike letters among the digits
};

// Thread-safe. `text` is NFKC text (case kept or folded) with link addresses
// taken out: digits in a URL are ids, not numbers to call.
// At most `max` numbers are returned, in text order, each once.
std::vector<Phone> FindPhones(std::string_view text, size_t max = 4);

}  // namespace tribune::spam::text
