// Gambling and betting promotion: casino and slot adverts, "gacor"/"maxwin"
// slot brands, betting tips with a channel to join ("ставим строго на
// тотал: t.me/…"). Readers discuss gambling too ("stop judi online", a
// casino licence in the news), so the words need an offer beside them: a
// link or handle, a bonus, a deposit, a win to cash, a tip to bet on.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

const RE2& GamblingWords() {
  static const RE2 re(
      R"(\b(casinos?|slots?\s+(?:online|gacor|games?)|slot\s*gacor|gacor|maxwin|jackpot|togel|judi|)"
      R"(sportsbook|betting\s+tips?|free\s+spins|bookmaker|1xbet|mostbet|melbet|pin-?up|)"
      R"(satta(?:\s*king)?|matka|teen\s+patti)\b)"
      R"(|(казино|слоты|ставим|ставки\s+на\s+спорт|точн\pL*\s+ставк\pL*|букмекер\pL*|беттинг|фриспин\pL*))", RuleOptions());
  return Checked(re);
}

const RE2& Offer() {
  static const RE2 re(
      R"(https?://|www\.|\.(?:com|net|bet|io|top|xyz|site|online|vip)\b|t\.me/|@[a-z0-9_]{4,}|)"
      R"(\b(?:bonus|deposit|depo|withdraw|wd|register|sign\s*up|join|daftar|link|promo\s*code|)"
      R"(guaranteed|sure\s+win|win\s+big|cash\s*out)\b|бонус|депозит|регистр|промокод|переход|)"
      R"(подпис|канал|точн\pL*\s+ставк|экспресс)", RuleOptions());
  return Checked(re);
}

// A betting site's name: letters and digits with a gambling morpheme in it
// (pstoto99, jptogel77, wiraspin88, win11bet, 138vegas) or letters before
// "4d" (the four-digit lottery: ton4d, kyt4d). Such brands are what judi
// online spam names; a reader's "Win11" or "4D film" has no morpheme.
const RE2& BrandShape() {
  static const RE2 re(
      R"(^(?:.*(?:toto|togel|slot|spin|bet|hoki|gacor|vegas|casino|judi|poker|jackpot|jekpot).*)"
      R"(|[a-z]{2,}4d)$)",
      RuleOptions());
  return Checked(re);
}

// Letters before a gambling house's lucky number ("vamos88", "berkah99",
// "squad777", "raja138"), written as a word of the text, not an @mention
// or part of an address: readers' handles carry such numbers too
// ("@randall77"), and are mentioned with the sign.
const RE2& LuckyNumberBrand() {
  static const RE2 re(
      R"((?:^|[^a-z0-9@_./#-])([a-z]{4,}(?:88|77|99|777|888|999|138|168|303|69|55))(?:$|[^a-z0-9_@]))",
      RuleOptions());
  return Checked(re);
}

// `word` (folded: lower-case ASCII and digits) with the digits that stand
// for letters read as letters ("t0gel62" -> "togel62"); empty when it has
// no digit or fewer than two letters.
std::string BrandCandidate(const std::string& word) {
  int letters = 0, digits = 0;
  for (char c : word) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c >= 'a' && c <= 'z') ++letters;
    else return {};
  }
  // Two digits at least, or "4d": "judi2" is Indonesian for "gambling of all kinds".
  bool lottery = word.size() >= 3 && word.compare(word.size() - 2, 2, "4d") == 0;
  if (letters < 2 || (digits < 2 && !lottery) || word.size() > 30) return {};
  std::string read = word;
  for (size_t i = 0; i < read.size(); ++i) {
    bool between = i > 0 && i + 1 < read.size() && read[i - 1] >= 'a' && read[i + 1] >= 'a';
    if (!between) continue;  // "togel62" keeps its number, "t0gel" reads "togel"
    if (read[i] == '0') read[i] = 'o';
    if (read[i] == '1') read[i] = 'i';
    if (read[i] == '3') read[i] = 'e';
  }
  return read;
}

}  // namespace

void CheckGamblingBrand(const Analysis& a, Hits* out) {
  for (const std::string& word : a.body.words) {
    // An event's hashtag ("#UFCVegas113") is not a house's name.
    if (a.folded_body.find("#" + word) != std::string::npos) continue;
    std::string read = BrandCandidate(word);
    if (!read.empty() && RE2::FullMatch(read, BrandShape())) {
      out->push_back({"GAMBLING_BRAND", 1.0, Clip(word)});
      return;
    }
  }
  std::string brand;
  if (MayMatch(a.folded_body, LuckyNumberBrand()) &&
      RE2::PartialMatch(a.folded_body, LuckyNumberBrand(), &brand)) {
    out->push_back({"GAMBLING_BRAND", 1.0, Clip(brand)});
  }
}

void CheckGamblingPromo(const Analysis& a, Hits* out) {
  std::string_view m;
  if (!Find(a.folded_body, GamblingWords(), &m) || !Find(a.folded_body, Offer())) return;
  out->push_back({"GAMBLING_PROMO", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
