// Link and address extraction for the spam engine: on any text, cleaned as
// the engine cleans it or raw, every link found has a lower-case host with a
// dot and no space or control character, a registrable domain that ends the
// host and a TLD that ends the domain, and the text without links stays
// UTF-8; every wallet address found lies inside the text, is ASCII
// alphanumeric and 26 to 63 characters long, and there are at most four.
#include <string>
#include <vector>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "spam/text/crypto_address.h"
#include "spam/text/normalize.h"
#include "spam/text/urls.h"

namespace {

using tribune::fuzz::Check;
namespace text = tribune::spam::text;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void CheckScan(std::string_view input, const text::LinkScan& scan) {
  for (const text::Link& link : scan.links) {
    Check(link.host.find('.') != std::string::npos, "a host has a dot", link.host);
    for (unsigned char c : link.host) {
      Check(c < 'A' || c > 'Z', "hosts are lower case", link.host);
      Check(c > 0x20 && c != 0x7f, "hosts hold no space or control character", link.host);
    }
    Check(EndsWith(link.host, link.domain), "the domain ends the host",
          link.host + " / " + link.domain);
    Check(!link.tld.empty() && EndsWith(link.domain, link.tld), "the TLD ends the domain",
          link.domain + " / " + link.tld);
    Check(link.domain == text::RegistrableDomain(link.host), "the domain is the registrable one");
    Check(!link.text.empty(), "a link has text");
  }
  if (tribune::utf8::IsValid(input)) {
    Check(tribune::utf8::IsValid(scan.without_links), "text without links stays UTF-8",
          scan.without_links);
  }
}

void CheckAddresses(std::string_view input) {
  std::vector<std::string_view> found = text::FindCryptoAddresses(input);
  Check(found.size() <= 4, "at most four addresses", std::string(input.substr(0, 80)));
  for (std::string_view a : found) {
    Check(a.data() >= input.data() && a.data() + a.size() <= input.data() + input.size(),
          "an address lies inside the text", std::string(a));
    Check(a.size() >= 26 && a.size() <= 63, "an address is 26 to 63 characters", std::string(a));
    for (char c : a) {
      bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      Check(alnum, "an address is ASCII letters and digits", std::string(a));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = tribune::fuzz::AsText(data, size);
  std::string clean = text::CleanNfkc(input);
  CheckScan(clean, text::FindLinks(clean));
  CheckScan(input, text::FindLinks(input));
  CheckAddresses(clean);
  CheckAddresses(input);
  return 0;
}
