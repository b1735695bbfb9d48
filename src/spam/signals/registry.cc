#include "spam/signals/signal.h"

namespace tribune::spam::signals {

const std::vector<SymbolInfo>& BuiltinSymbols() {
  static const std::vector<SymbolInfo> kSymbols = {
      {"LINK_PRESENT", 0.5, "the body contains a link or bare domain"},
      {"LINKS_MANY", 2.0, "three or more links"},
      {"LINK_DENSE", 1.5, "links with hardly any text around them"},
      {"LINK_SHORTENER", 1.5, "a link through a URL shortener (shorteners.txt)"},
      {"LINK_BAD_DOMAIN", 8.0, "a link to a domain moderators listed (bad_domains.txt)"},
      {"LINK_SUSPICIOUS_TLD", 2.0, "a link in a heavily abused TLD (suspicious_tlds.txt)"},
      {"LINK_OBFUSCATED", 2.0, "a disguised link: hxxp, [.], \"dot com\""},
      {"LINK_REFERRAL", 1.5, "a link carrying a referral or affiliate code"},
      {"LINK_PROFILE", 1.0,
       "a link to a person's own page on a social platform (profile_hosts.txt)"},
      {"LINK_MONEY_HOST", 1.0,
       "a link to crowdfunding, a print-on-demand shop, a paid-click or rewards site "
       "(money_hosts.txt)"},
      {"AUTHOR_HAS_LINK", 4.0, "a link or domain in the author name"},
      {"RAW_HTML_LINK", 2.5, "an HTML <a> or BBCode [url] link typed into the comment"},
      {"RAW_HTML", 1.0, "other HTML tags typed into the comment"},
      {"KEYWORD_ANCHOR", 5.0, "a closing \"my web site :: keyword\" line"},
      {"REFERENCES_BLOCK", 4.0, "a \"References:\" block with a link"},
      {"EMPTY_BODY", 4.0, "no text at all"},
      {"MIXED_SCRIPT_WORD", 1.5,
       "Latin and Cyrillic/Greek letters inside one word (per word, up to 3)"},
      {"MIXED_SCRIPT_TEXT", 1.0, "Latin and Cyrillic words interleaved in one text"},
      {"STYLED_LETTERS", 1.5, "mathematical, enclosed or fullwidth letters"},
      {"INVISIBLE_IN_WORD", 1.5, "invisible characters inside words"},
      {"SPACED_LETTERS", 1.5, "words spelled out letter by letter"},
      {"SELF_PROMOTION", 1.0,
       "asks readers to visit or subscribe to the writer's own channel or page"},
      {"LIKE_BAIT", 1.0, "asks for likes: \"like this comment if\", \"thumbs up if\""},
      {"SCRIPT_MISMATCH", 1.5, "written in another script than the article"},
      {"LANGUAGE_MISMATCH", 1.0,
       "a Latin-script comment in another language than the article (or the site)"},
      {"OFF_TOPIC", 1.0, "a longer text sharing no terms with the article"},
      {"ON_TOPIC", -1.0, "shares several terms with the article"},
      {"DISPOSABLE_EMAIL", 2.0, "a throwaway e-mail domain (disposable_domains.txt)"},
      {"MODERATOR_PATTERN", 1.0, "a moderator pattern matched (patterns.txt gives the score)"},
      {"CAMPAIGN_SPAM", 8.0, "a near-duplicate of comments moderators marked spam"},
      {"MODEL", 1.0, "the learned model's log-odds (scaled by this score)"},
  };
  return kSymbols;
}

void RunAll(const Analysis& a, Hits* out) {
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
}

bool IsDisguise(std::string_view symbol) {
  return symbol == "STYLED_LETTERS" || symbol == "MIXED_SCRIPT_WORD" ||
         symbol == "MIXED_SCRIPT_TEXT" || symbol == "INVISIBLE_IN_WORD" ||
         symbol == "SPACED_LETTERS";
}

std::string Clip(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

}  // namespace tribune::spam::signals
