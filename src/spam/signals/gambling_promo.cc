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
      R"(sportsbook|betting\s+tips?|free\s+spins|bookmaker|1xbet|mostbet|melbet|pin-?up)\b)"
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

}  // namespace

void CheckGamblingPromo(const Analysis& a, Hits* out) {
  std::string_view m;
  if (!Find(a.folded_body, GamblingWords(), &m) || !Find(a.folded_body, Offer())) return;
  out->push_back({"GAMBLING_PROMO", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
