// Support-number scams: a brand or service named with "customer service",
// "support", "helpline", "reservations" or "phone number", so that a reader
// who searches for help calls the scammer ("HP Printer Support", "Delta
// Airlines Reservations Number", "Call Cash App customer service"). A reader
// complaining about a company's service names it too, so the phrase alone
// is weak; with a telephone number or the word "number", or pitched to the
// reader, it is the scam. So is support sold in the vendor's own voice, and
// a brand's set-up page named as an address.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

#define TRIBUNE_SUPPORT                                                                       \
  R"((?:customer\s+(?:service|support|care|helpline)|tech(?:nical)?\s+support|support\s+team|)" \
  R"(help\s*(?:line|desk)|hotline|reservations?|booking\s+(?:number|line|desk)|)"              \
  R"(contact\s+number|care\s+number|toll[\s-]*free|support))"

const RE2& BrandSupport() {
  // Brands whose names are ordinary words ("american", "united", "delta")
  // count only as airlines.
  static const RE2 re(
      R"(\b((?:(?:hp|canon|epson|brother|lexmark|xerox|dell|lenovo|asus|acer|toshiba|apple|icloud|)"
      R"(itunes|microsoft|windows|outlook|hotmail|office\s*365|gmail|yahoo|aol|comcast|)"
      R"(xfinity|verizon|at&t|roku|netgear|linksys|belkin|arlo|norton|mcafee|avast|)"
      R"(kaspersky|webroot|quickbooks|quicken|turbotax|cash\s*app|paypal|venmo|zelle|coinbase|)"
      R"(binance|blockchain|trust\s*wallet|metamask|kraken|robinhood|expedia|airbnb|)"
      R"(printer|router|antivirus|e-?mail|wallet)s?)"
      R"(|(?:delta|united|american|southwest|jetblue|spirit|frontier|alaska|allegiant|hawaiian|)"
      R"(lufthansa|emirates|qatar|etihad|air\s+canada|british|klm|air\s+france|turkish|)"
      R"(singapore|volaris|avianca|aeromexico|copa|ryanair|easyjet|wizz|cruise)\s+(?:air\s*lines?|airways|air|cruises?|line)))"
      R"(\s+(?:[a-z]+\s+){0,2})" TRIBUNE_SUPPORT R"())", RuleOptions());
  return Checked(re);
}

// The brand-and-support phrase offers a number to call.
const RE2& OffersNumber() {
  static const RE2 re(
      R"(\b(?:(?:phone|contact|support|care|helpline|reservations?)\s+(?:number|no\.?)|toll[\s-]*free|)"
      R"(call\s+(?:now|us|today|at|on|\+?\d)|dial\b|\d{3}[\s.-]\d{4}))", RuleOptions());
  return Checked(re);
}

// Or is pitched: the reader told to contact it for their trouble, or a
// blog's post thanked in stock words before the brand's support is named
// ("Thanks for sharing this useful information. HP Printer Support").
const RE2& Pitch() {
  static const RE2 re(
      R"(\b(?:contact|reach\s+out\s+to|get\s+in\s+touch\s+with|connect\s+with|visit|dial)\s+)"
      R"((?:the\s+|our\s+|us\b|with\s+)?|\bif\s+you\s+(?:face|have|are\s+facing|encounter|get)\s+)"
      R"((?:any\s+)?(?:issues?|problems?|troubles?|errors?)\b|\bwe\s+(?:provide|offer)\b)"
      R"(|\bthanks?\s+(?:you\s+)?(?:a\s+lot\s+)?for\s+(?:sharing|posting)|\bgreat\s+(?:post|article|blog)\b)"
      R"(|\bnice\s+(?:post|article|blog)\b|\b(?:useful|informative|helpful|valuable)\s+(?:information|info|post|article|blog)\b)",
      RuleOptions());
  return Checked(re);
}

#undef TRIBUNE_SUPPORT

// The same pitch without a brand, in the vendor's voice: "contact our
// certified experts", "our technical team can fix your login issues".
// Readers write of "the experts" and "the support team"; only a seller
// writes "our". It fired on no comment of any source but one Stack
// Exchange spam post, so it holds a comment by itself.
const RE2& VendorPitch() {
  static const RE2 re(
      R"(\b(?:contact|call|reach|dial|consult)\s+(?:with\s+)?our\s+)"
      R"((?:certified\s+|expert\s+|technical\s+|tech\s+|professional\s+|skilled\s+|travel\s+)?)"
      R"((?:experts?|technicians?|tech(?:nical)?\s+(?:team|experts?|support)|)"
      R"(support\s+(?:team|experts?)|team\s+of\s+experts|professionals)\b)"
      // "contact our toll free number".
      R"(|\b(?:contact|call|dial)\s+our\s+toll[\s-]*free\s+(?:number|helpline|line)\b)"
      // "our technicians can fix it".
      R"(|\bour\s+(?:certified\s+|expert\s+|skilled\s+|professional\s+)?technicians?\s+)"
      R"((?:can|will)\s+(?:fix|resolve|solve|repair)\s+(?:it|this|your)\b)"
      R"(|\bour\s+(?:certified\s+|expert\s+)?(?:technical|tech|support)\s+)"
      R"((?:team|experts?|staff)\s+(?:can|will|is|are)\b)"
      R"(|\bour\s+(?:certified\s+|expert\s+|skilled\s+|professional\s+)?)"
      R"((?:technicians?|experts?|engineers?)\s+(?:are|is)\s+(?:available|ready|here))"
      R"(|\bif\s+you\s+(?:face|have|are\s+facing|encounter|get)\s+(?:any\s+)?)"
      R"((?:issues?|problems?|troubles?|errors?|difficult\w*)\b.{0,40}?)"
      R"(\b(?:contact|call|reach|dial)\s+(?:us|our)\b)",
      RuleOptions());
  return Checked(re);
}

// A brand's set-up or activation page named as an address, the bait of
// the "norton.com/setup", "office.com/setup", "mcafee.com/activate" pages
// that pose as the vendor's and sell support by telephone.
const RE2& SetupPage() {
  static const RE2 re(R"(\b[a-z0-9-]+\.(?:com|net)/(?:setup|activate|ijsetup|mytv|myactivate)\b)",
                      RuleOptions());
  return Checked(re);
}

constexpr double kNamedOnly = 0.35;  // a brand's support named, no number offered

}  // namespace

void CheckSupportScam(const Analysis& a, Hits* out) {
  std::string_view m;
  if (Find(a.folded_body, VendorPitch(), &m) || Find(a.folded_body, SetupPage(), &m)) {
    out->push_back({"SUPPORT_SCAM", 1.0, Clip(m)});
    return;
  }
  if (!Find(a.folded_body, BrandSupport(), &m)) return;
  // "email support@vendor.com": the support word is an address's local part,
  // the reader pointed at the vendor's own address.
  const std::string& t = a.folded_body;
  size_t end = static_cast<size_t>(m.data() - t.data()) + m.size();
  if (end < t.size() && t[end] == '@') return;
  bool offered = !a.phones.empty() || Find(a.folded_body, OffersNumber()) ||
                 Find(a.folded_body, Pitch());
  out->push_back({"SUPPORT_SCAM", offered ? 1.0 : kNamedOnly, Clip(m)});
}

}  // namespace tribune::spam::signals
