#include "spam/signals/signal.h"

#include "spam/symbols.h"

#include <cstdio>
#include <cstdlib>

namespace tribune::spam::signals {

void RunAll(const Analysis& a, Hits* out) {
  PrefilterScope scope(a.folded_body);
  CheckLinkCount(a, out);
  CheckLinkDomains(a, out);
  CheckObfuscatedLinks(a, out);
  CheckLinkTargets(a, out);
  CheckLinkMoneyHost(a, out);
  CheckAuthorLinks(a, out);
  CheckRawHtml(a, out);
  CheckKeywordAnchor(a, out);
  CheckReferencesBlock(a, out);
  CheckEmptyBody(a, out);
  CheckMixedScripts(a, out);
  CheckDisguisedLetters(a, out);
  CheckScriptMismatch(a, out);
  CheckLanguageMismatch(a, out);
  CheckSelfPromotion(a, out);
  CheckLikeBait(a, out);
  CheckRelevance(a, out);
  CheckDisposableEmail(a, out);
  CheckModeratorPatterns(a, out);
  CheckPhoneNumbers(a, out);
  CheckContactHandoff(a, out);
  CheckMoneyClaim(a, out);
  CheckSupportScam(a, out);
  CheckAuthorKeyword(a, out);
  CheckGenericPraise(a, out);
  CheckSpunTemplate(a, out);
  CheckCrypto(a, out);
  CheckJobOffer(a, out);
  CheckAdultOffer(a, out);
  CheckIllegalGoods(a, out);
  CheckPharmaOffer(a, out);
  CheckServiceOffer(a, out);
  CheckPrizeClaim(a, out);
  CheckCodeText(a, out);
  CheckListed(a, out);
  CheckGamblingPromo(a, out);
  CheckGamblingBrand(a, out);
  CheckCallToAction(a, out);
  CheckRecoveryScam(a, out);
}

bool IsDisguise(std::string_view symbol) {
  return SymbolTable::Defaults().Group(symbol) == "disguise";
}

bool IsModelFeature(std::string_view symbol) {
  if (symbol.rfind("LINK", 0) == 0) return false;
  std::string_view group = SymbolTable::Defaults().Group(symbol);
  return group != "disguise" && group != "topic" && group != "name";
}

const RE2::Options& RuleOptions() {
  static const RE2::Options options = [] {
    RE2::Options o;
    o.set_max_mem(64 << 20);
    return o;
  }();
  return options;
}

const RE2& Checked(const RE2& re) {
  if (!re.ok()) {
    std::fprintf(stderr, "spam rule pattern does not compile: %s\n", re.error().c_str());
    std::abort();
  }
  return re;
}

std::string ClipTail(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = s.size() - max;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return "…" + std::string(s.substr(n));
}

bool Find(std::string_view text, const RE2& re, std::string_view* match) {
  if (!MayMatch(text, re)) return false;
  re2::StringPiece whole;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                &whole, 1)) {
    return false;
  }
  if (match) *match = std::string_view(whole.data(), whole.size());
  return true;
}

std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

}  // namespace tribune::spam::signals
