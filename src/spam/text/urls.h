// Finds links in comment text: full URLs, www. hosts and bare domains
// ("historydb.date"), also when disguised ("hxxp", "example[.]com",
// "example dot com").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tribune::spam::text {

struct Link {
  std::string text;    // as found (after de-obfuscation), lower-cased
  std::string host;    // lower-cased host name
  std::string domain;  // registrable domain per the Public Suffix List
  std::string tld;     // last label
  bool bare = false;   // no scheme and no "www."
};

struct LinkScan {
  std::vector<Link> links;
  int deobfuscations = 0;  // disguises undone ("[.]", "hxxp", " dot ")
  std::string obfuscated_example;
  std::string without_links;  // the text with every link found replaced by a space
};

// Thread-safe. `text` should be NFKC-normalised with invisible characters
// removed (see CleanNfkc); case is used to reject "end.Today"-style typos.
LinkScan FindLinks(std::string_view text);

// Registrable domain of `host` ("a.b.example.co.uk" -> "example.co.uk"), or
// `host` itself when the Public Suffix List knows no such domain (or `host`
// holds a NUL).
std::string RegistrableDomain(std::string_view host);

}  // namespace tribune::spam::text
