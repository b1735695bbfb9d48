// Prize claims: the lottery and giveaway lure — "you have won a £900
// prize, call 09061… to claim", "congratulations, you have been selected
// to receive a reward", "txt WIN to 87121". News names winners too ("she
// won the prize in 2019"), so the rule wants the reader addressed as the
// winner or told to claim.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckPrizeClaim(const Analysis& a, Hits* out) {
  static const RE2 kClaim(
      R"(\b((?:you|u)\s+(?:have|'ve|ve|hav)\s+(?:just\s+)?(?:been\s+)?)"
      R"((?:won\b|selected\s+to\s+receive|chosen\s+to\s+receive|awarded\b))"
      R"(|(?:your|ur)\s+(?:mobile\s+)?(?:number|no\.?|phone)\s+(?:has\s+been|was)\s+(?:awarded|selected)\b)"
      R"(|(?:claim|collect|redeem)\s+(?:your|ur|the)\s+(?:\w+\s+){0,2})"
      R"((?:prize|reward|award|cash|gift\s*card|voucher|bonus|winnings))"
      R"(|claim\s+(?:now|code|call)\b|(?:call|text|txt|dial)\s+\+?\d[\d\s-]{3,}\s*(?:now\s+)?to\s+claim)"
      R"(|(?:txt|text|send|reply)\s+(?:\w+\s+)?(?:win|claim|yes|prize)\s+to\s+\d{4,6})"
      // "txt POD to 84128", "send the word ENTER to 84128": a premium short code.
      R"(|(?:txt|text|send|reply)\s+(?:the\s+word\s+|word:\s*)?[a-z]+\s+to\s+(?:no:?\s*)?\d{5}\b)"
      R"(|(?:cash|prize|holiday|reward)\s+(?:\w+\s+){0,2}await(?:s|ing)?\s+(?:your\s+)?collection)"
      // The game-currency lure under videos: "free robux, no human
      // verification", "v-bucks generator".
      R"(|(?:click\s+(?:here\s+)?for|get\s+(?:your|a)\s+free|generate)\s+(?:an?\s+)?)"
      R"((?:itunes|psn|xbox|steam|google\s+play|amazon)\s+(?:gift\s+)?(?:card\s+)?codes?\b)"
      R"(|no\s+human\s+verification|(?:robux|v-?bucks|gems|diamonds|coins|skins)\s+(?:generator|hack|glitch)\b)"
      R"(|free\s+(?:robux|v-?bucks|vbucks|psn\s+codes?|xbox\s+(?:live\s+)?codes?|steam\s+(?:codes?|wallet)|)"
      R"(itunes\s+codes?|google\s+play\s+codes?)\b.{0,60}?(?:https?://|www\.|\.[a-z]{2,}/|\.com\b|link|)"
      R"(verification|generator|click|visit|go\s+to|at\b)))"
      // A sum starts with its currency sign, which no word boundary comes before.
      R"(|((?:[$€£]|\busd\s*)\d[\d,]*\s+(?:cash\s+)?(?:prize|award|reward)\s+(?:guaranteed|waiting|is\s+waiting)))"
      // "Пройди опрос и получи 25 литров топлива в ПОДАРОК! Опрос в профиле"
      // (outside the group: \b is ASCII's word boundary, Cyrillic has none).
      R"(|((?:пройди(?:те)?|пройдя)\s+(?:\pL+\s+){0,1}опрос\s+(?:и\s+)?(?:получи\pL*|выиграй\pL*))"
      R"(|в\s+подарок.{0,40}?(?:в\s+профиле|по\s+ссылке))"
      // "Дарю 500 рублей всем, кто …": a sum handed out to whoever follows.
      R"(|(?:дарю|дарим|раздаю|разда[её]м)\s+(?:по\s+)?\d[\d\s]*\s*(?:руб\pL*|₽|\$|долл\pL*|usdt)\s*,?\s*)"
      R"((?:всем|каждому|кто|первым|первому|за\s+подписку|за\s+регистрацию)))",
      RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kClaim), &m)) out->push_back({"PRIZE_CLAIM", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
