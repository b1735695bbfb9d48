// Keyword as a name: blog-spam software fills the name field with the
// anchor text of the link it sells ("Home Improvement", "travel booking
// sites", "Roofing Contractor Dallas"). A person's name or nickname is not
// made of commercial words; commercial_words.txt lists them.
#include <algorithm>
#include <iterator>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

bool IsConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {"and", "of",   "the", "for",  "in", "near",
                                                     "me",  "a",    "to",  "with", "at", "on",
                                                     "by",  "your", "my",  "our"};
  return std::ranges::find(kConnectors, w) != std::end(kConnectors);
}

bool IsWord(std::string_view w) {
  for (unsigned char c : w) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return w.size() >= 2;
}

// A brand followed by one of these is a support scam's or a shop's name
// ("Quickbooks Support", "Delta Reservations", "Binance Referral"), whatever
// the brand.
bool IsServiceSuffix(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {
      "support", "helpline", "helpdesk", "service",  "services", "reservations",
      "repair",  "number",   "login",    "setup",    "customer", "referral",
      "code",    "bonus",    "signup",   "registration"};
  return std::ranges::find(kSuffixes, w) != std::end(kSuffixes);
}

constexpr double kOneWordStrength = 0.5;

// Whether every word of the name, or its first five letters ("properties"
// in "propertyfinder"), is part of one linked domain ("Sharjah Properties"
// and propertyfinder-sharjah.ae; not "Andrew Best" and bestbuy.com).
bool NameInLinkDomain(const std::vector<std::string>& words, const std::vector<text::Link>& links) {
  std::vector<std::string_view> stems;
  for (const std::string& w : words) {
    if (IsConnector(w)) continue;
    if (w.size() < 4) return false;
    stems.push_back(std::string_view(w).substr(0, std::min<size_t>(w.size(), 5)));
  }
  if (stems.empty()) return false;
  return std::ranges::any_of(links, [&](const text::Link& l) {
    return std::ranges::all_of(stems, [&](std::string_view s) {
      return l.domain.find(s) != std::string::npos;
    });
  });
}

}  // namespace

void CheckAuthorKeyword(const Analysis& a, Hits* out) {
  const auto& words = a.author.words;
  if (words.empty() || words.size() > 6 || a.lists->commercial_words.empty()) return;
  int content = 0, commercial = 0;
  // Content and commercial words before "in" or "near" ("Dentist in Miami",
  // "Plumber near me"): the trade, then the place it serves.
  int before_place = -1, commercial_before_place = 0;
  std::string_view last;
  for (const std::string& w : words) {
    if (!IsWord(w)) return;  // digits, other scripts, handles: a nickname
    if (IsConnector(w)) {
      if ((w == "in" || w == "near") && before_place < 0) {
        before_place = content;
        commercial_before_place = commercial;
      }
      continue;
    }
    ++content;
    commercial += a.lists->commercial_words.count(w) > 0;
    last = w;
  }
  bool trade_and_place = before_place > 0 && commercial_before_place == before_place &&
                         content - before_place <= 2;
  // All words commercial, or all but one (a town: "Roofing Contractor
  // Dallas"), or a brand and a service ("HP Printer Support"), or a trade
  // and the place it serves ("Dentist in Miami").
  bool phrase = content > 0 && (commercial == content ||
                                (content >= 3 && commercial >= content - 1) ||
                                (content >= 2 && IsServiceSuffix(last)));
  bool keyword = phrase || trade_and_place;
  // A phrase of them is anchor text: no one is called "travel booking sites".
  // One word may be a nickname ("Beauty", "Gaming"): it counts for less. So
  // does a trade and a place without a link, which a reader may sign with
  // ("Lawyer in Chicago").
  bool full = content >= 2 && (phrase || !a.links.links.empty());
  if (keyword) {
    out->push_back({"AUTHOR_KEYWORD", full ? 1.0 : kOneWordStrength, Clip(a.input->author, 40)});
  } else if (content == 2 && commercial == 1 && NameInLinkDomain(words, a.links.links)) {
    // A place or a brand and one commercial word ("Sharjah Properties") whose
    // words are in the domain the comment links to: the shop's name beside its
    // own link. Channels call themselves so too ("Epic Gaming"), so it counts
    // for less.
    out->push_back({"AUTHOR_KEYWORD", kOneWordStrength, Clip(a.input->author, 40)});
  }
}

}  // namespace tribune::spam::signals
