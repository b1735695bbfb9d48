// Service and supplement adverts that forums and blogs get by the thousand:
// "Keto Gummies Reviews: Official Website & Price", "best SEO company in
// Dubai", "online assignment help", "packers and movers in Pune". Readers
// name these things too ("CBD oil helped my back", "I need homework help"),
// so the rule wants the seller's words beside them: an official website, a
// price, buying, a city the business serves.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

const RE2& Offer() {
  static const RE2 re(
      // A supplement with the seller's words: the gummies spam of forums.
      R"(\b((?:keto|cbd|hemp|male\s+enhancement|weight\s+loss|testosterone\s+booster|fat\s+burn\w*|)"
      R"(slimming|nitric\s+oxide|diet)\s+(?:gummies|pills|capsules|supplements?|formula|drops)\b)"
      R"(.{0,80}?\b(?:official\s+(?:website|site|store)|buy\s+now|order\s+now|where\s+to\s+buy|)"
      R"(price|scam\s+or\s+legit|shark\s+tank|click\s+here|special\s+offer|discount)\b)"
      R"(|\b(?:official\s+(?:website|site|store)|buy\s+now|order\s+now|where\s+to\s+buy|shark\s+tank))"
      R"(.{0,80}?\b(?:keto|cbd|hemp|male\s+enhancement|weight\s+loss)\s+)"
      R"((?:gummies|pills|capsules|supplements?|formula|drops)\b)"
      // Coursework written for sale.
      R"(|\b(?:online\s+|cheap\s+|best\s+|professional\s+)(?:essay|assignment|homework|dissertation|thesis))"
      R"(\s+(?:writing\s+)?(?:help|service|services|writers?|experts?)\b)"
      R"(|\b(?:buy|order)\s+(?:an?\s+)?(?:essay|assignment|dissertation|thesis)s?\s+(?:online|cheap|now)\b)"
      R"(|\b(?:custom|cheap|affordable|professional|legit|reliable|top)\s+)"
      R"((?:essay|paper|research\s+paper|term\s+paper|assignment|dissertation|thesis|coursework))"
      R"(\s+writ(?:ing|ers?)\b)"
      R"(|\b(?:essay|research\s+paper|term\s+paper|dissertation|coursework)\s+writing\s+services?\b)"
      R"(|\bwrite\s+my\s+(?:essay|paper|assignment|dissertation|thesis|coursework))"
      R"(\s+(?:for\s+me|cheap|online|service)\b)"
      R"(|\bdo\s+my\s+(?:homework|assignment|essay)\s+(?:cheap|online|service)\b)"
      R"(|\bpay\s+(?:someone|somebody)\s+to\s+(?:write|do|take)\s+my\b)"
      R"(|\btake\s+my\s+online\s+(?:class|course|exam)\s+for\s+me\b)"
      R"(|\b(?:essay|assignment|homework|dissertation|thesis|coursework)\s+help\b.{0,40}?)"
      R"(\b(?:affordable|cheap|discount|rates?|prices?|experts?|writers?|uk|usa|australia)\b)"
      // A business selling in its own voice.
      R"(|\bwe\s+(?:offer|provide|deliver|sell)\s+(?:the\s+)?(?:best|cheap|cheapest|affordable|)"
      R"(professional|quality|high[\s-]quality|top|reliable|certified)\s+(?:[a-z-]+\s+){0,3}?)"
      R"((?:services?|plans?|solutions?|products?|packages?|deals?|prices?|rates?)\b)"
      // "Our company offers SEO services", "we are the leading app
      // development company in USA": a seller's adjective or trade beside it.
      R"(|\bour\s+(?:company|agency|firm)\s+(?:offers|provides|delivers|specializes\s+in)\s+(?:the\s+)?)"
      R"((?:best|affordable|cheap|professional|quality|top|reliable|expert|seo|digital|web|app|mobile|)"
      R"(custom)\b)"
      // "We at Expert Movers offer the best moving services …", "are you
      // searching for the best digital marketing course in Delhi?".
      R"(|\bwe\s+at\s+(?:[a-z&'-]+\s+){1,4}(?:offer|provide|deliver|sell|specialize)\b.{0,40}?)"
      R"(\b(?:services?|solutions?|prices?|rates?|deals?|products?)\b)"
      R"(|\bare\s+you\s+(?:searching|looking)\s+for\s+(?:the\s+|a\s+)?)"
      R"((?:best|top|cheap|cheapest|affordable|reliable|leading)\s+(?:[a-z-]+\s+){0,3}?)"
      R"((?:company|agency|course|services?|institute|academy|firm|provider|consultants?|packers|movers|)"
      R"(clinic|coaching|training)\s+in\s+[a-z]+)"
      // Promotion sold to crypto projects: "need promotion for your crypto
      // project? DM me".
      R"(|\bneed\s+(?:promotion|marketing|exposure|more\s+holders)\s+for\s+your\s+)"
      R"((?:crypto|nft|token|coin|meme\s*coin|project|channel|page)\b)"
      // "we are a Dubai based company offering …", "visit our online store", "at best prices".
      R"(|\bwe\s+are\s+an?\s+(?:[a-z-]+\s+){0,2}based\s+(?:company|agency|firm|business|shop|store)\s+)"
      R"((?:offering|providing|specializing|that\s+(?:offers|provides|specializes))\b)"
      R"(|\bvisit\s+our\s+(?:online\s+)?(?:store|shop)\s+(?:for|to\s+(?:buy|get|shop|order))\b|\bat\s+(?:best|affordable|cheapest)\s+(?:prices?|rates?)\b)"
      R"(|\bwe\s+are\s+(?:the|a|an)\s+(?:leading|best|trusted|renowned|reputed|well-known|premier|)"
      R"(top-rated|award-winning)\s+(?:[a-z-]+\s+){0,4}?(?:company|agency|firm|provider|consultancy)\b)"
      R"(|\b(?:we|i)\s+(?:offer|provide|are\s+offering|are\s+providing)\s+(?:the\s+)?(?:best\s+|affordable\s+|)"
      R"(professional\s+|cheap\s+)?(?:seo|digital\s+marketing|web\s+design(?:ing)?|web\s+development|)"
      R"(app\s+development|link\s+building|social\s+media\s+marketing)\s+services?\b)"
      // A business and the city it serves.
      R"(|\b(?:packers\s+and\s+movers|movers\s+and\s+packers)\b)"
      R"(|\bbest\s+(?:seo|digital\s+marketing|web\s+design(?:ing)?|web\s+development|app\s+development|)"
      R"(software\s+development|social\s+media\s+marketing)\s+(?:company|agency|services?|firm)\s+in\s+[a-z]+))"
      // Outside the group (\b is ASCII's word boundary, Cyrillic has none):
      // loans offered in Russian, "помогу с кредитом", "займ на карту за 5
      // минут"; accounts sold, "продам аккаунты телеграм, опт и розница".
      R"(|(?:помогу|поможем)\s+(?:вам\s+|тебе\s+)?(?:с|в)\s+(?:получени\pL*\s+)?(?:кредит\pL*|займ\pL*))"
      R"(|займ\pL*\s+на\s+карту\s+(?:за\s+\d|без\s|онлайн|круглосуточно|мгновенно|быстро))"
      R"(|(?:продам|продаю|продаём|продаем)\s+(?:\pL+\s+){0,2}аккаунт\pL*.{0,40}?)"
      R"((?:опт|розниц|в\s+наличии|дешев|недорог|пиши(?:те)?\s+(?:мне\s+)?(?:в\s+)?(?:лс|личку|тг|телеграм)))",
      RuleOptions());
  return Checked(re);
}

}  // namespace

void CheckServiceOffer(const Analysis& a, Hits* out) {
  std::string_view m;
  if (Find(a.folded_body, Offer(), &m)) out->push_back({"SERVICE_OFFER", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
