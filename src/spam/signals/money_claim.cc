// Money claims: investment and earnings scams promise or testify to returns
// — "I invested $1,000 and got $9,500 back", "made over $72k in 5 days",
// "earn $8114 a month from home", "доход от 25000$/мес". Readers talk about
// money too ("I make $15 an hour", "Apple made $90 billion this quarter"),
// so a claim needs a first-person quick return, an investment that paid
// back, or an earnings rate together with the words of a scheme.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

#define TRIBUNE_AMOUNT                                                                      \
  R"((?:[$€£₹₦]\s?\d[\d,.]*\s?(?:k\b|m\b|grand\b)?|\d[\d,.]*\s?(?:k\s?)?)"           \
  R"((?:usdt?\b|dollars?\b|bucks\b|euros?\b|pounds?\b|btc\b|bitcoins?\b|eth\b|\$|€|£)|)" \
  R"(\d{2,3}(?:[.,]\d)?k\b))"

// "i invested $500 and now i earn $5,000": an outlay and a return.
const RE2& InvestedAndReturned() {
  static const RE2 re(
      R"((?:invest(?:ed|ing)?|deposit(?:ed|ing)?|put\s+in|start(?:ed)?\s+with|started\s+trading\s+with|)"
      R"(trad(?:ed|ing)\s+with)\s+(?:[a-z]+\s+){0,3})" TRIBUNE_AMOUNT
      R"(.{0,80}?(?:made|earn(?:ed)?|got|get|receiv(?:ed|e|ing)|profit(?:ed)?|returns?|returned|)"
      R"(withdr[ae]w|cash(?:ed)?\s*out|now\s+(?:have|earn|make)|turned\s+(?:it\s+)?into)\s+)"
      R"((?:[a-z]+\s+){0,3})" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "received $13,400 after investing $1000": the return told first.
const RE2& ReturnedAfterInvesting() {
  static const RE2 re(
      R"((?:receiv(?:ed|e|ing)|got|made|earn(?:ed)?|withdr[ae]w|profit(?:s)?\s+of|payment\s+of)\s+)"
      R"((?:[a-z]+\s+){0,3})" TRIBUNE_AMOUNT
      R"(.{0,40}?(?:after|from|with|by)\s+(?:an?\s+)?(?:investing|investment|deposit(?:ing)?|trading|putting\s+in|)"
      R"(trial|capital)\s+(?:of\s+)?(?:[a-z]+\s+){0,2})" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "just received my profits $32500", "able to earn $31,200 while sitting
// at home": a payout or earning testified to in the first person.
const RE2& TestifiedPayout() {
  static const RE2 re(
      R"(\b(?:i|i've|i\s+have|i\s+just|just)\s+(?:[a-z]+\s+){0,3})"
      R"((?:receiv(?:ed|e)|withdr[ae]w|cashed\s+out|earned|made)\s+(?:my\s+)?(?:first\s+)?)"
      R"((?:profits?|payouts?|returns?|payment|earnings|withdrawal)?\s*(?:of\s+)?)" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "i made $72k in 5 days": a quick return, told in the first person.
const RE2& QuickReturn() {
  static const RE2 re(
      R"(\b(?:i|i've|ive|i\s+have|we|we've|she|he|my\s+\w+)\s+(?:[a-z]+\s+){0,3})"
      R"((?:made|make|earn(?:ed)?|got|receiv(?:ed|e)|profit(?:ed)?(?:\s+of)?|withdr[ae]w|cash(?:ed)?\s*out))"
      R"(\s+(?:(?:over|about|up\s+to|more\s+than|a\s+total\s+of|nearly|almost|a\s+profit\s+of)\s+)?)" TRIBUNE_AMOUNT
      R"(\s+(?:[a-z]+\s+){0,3}(?:in|within|after|just\s+in)\s+(?:just\s+|only\s+|less\s+than\s+)?)"
      R"((?:\d+|one|two|three|four|five|six|seven|a|few)\s+(?:days?|hours?|weeks?|months?))",
      RuleOptions());
  return Checked(re);
}

// "earn $8114 a month": a rate of earnings.
const RE2& EarningsRate() {
  static const RE2 re(
      R"((?:earn(?:s|ed|ing)?|mak(?:e|es|ing)|income|profits?|paid|pays?|payouts?)\s+(?:of\s+)?)"
      R"((?:(?:up\s+to|over|from|at\s+least|around|about|extra)\s+)?)" TRIBUNE_AMOUNT
      R"(\s*(?:/|per|a|an|each|every)\s*(?:day|daily|week|weekly|month|monthly|mo)\b)",
      RuleOptions());
  return Checked(re);
}

// Words of a scheme, which an earnings rate needs beside it.
const RE2& SchemeWords() {
  static const RE2 re(
      R"(invest|trading|\btrade|crypto|bitcoin|\bbtc\b|forex|platform|from\s+home|online|mentor|)"
      R"(broker|account\s+manager|binary|passive\s+income|no\s+experience|part[\s-]time|)"
      R"(work\s+from|remote|whatsapp|telegram|\bdm\b|@[a-z0-9_]{3,}|#[a-z0-9]*_[a-z0-9_]*|https?://|)"
      R"(withdraw|payout|testimon|legit|help\s+of|thanks\s+to|grateful|god\s+bless|\bsignals?\b|)"
      R"(from\s+(?:my|your|ur)\s+(?:phone|smartphone|laptop)|ask\s+me\s+how)",
      RuleOptions());
  return Checked(re);
}

// The stricter words of a scheme, for claims that a reader's own money
// story could also make ("the bank paid 11% monthly interest, I opened mine
// online"): investing, trading, a mentor or a bot, a way to write to someone.
const RE2& StrictSchemeWords() {
  static const RE2 re(
      R"(invest|trading|\btrade|crypto|bitcoin|\bbtc\b|forex|mentor|broker|account\s+manager|)"
      R"(\bsignals?\b|\bbot\b|legit|god\s+bless|testimon|never\s+believed|whatsapp|telegram|\bdm\b|)"
      R"(@[a-z0-9_]{3,}|guaranteed)",
      RuleOptions());
  return Checked(re);
}

// "от 25000$/мес", "доход от 3000 руб в день".
const RE2& RussianEarnings() {
  static const RE2 re(
      R"((?:от|до)\s*\d[\d\s.,]*(?:[-–]\s*\d[\d\s.,]*)?\s*(?:\$|₽|руб(?:лей|\.)?|р\.|т\.?р\.?|тыс\.?|к|usd|долл\pL*|зел\pL*|бакс\pL*)\s*)"
      R"((?:/|в|за)\s*(?:день|сутки|неделю|нед\.?|мес(?:яц)?\.?|час))"
      R"(|(?:доход|заработ(?:ок|ка|ать|аешь|аете|ай)|прибыль)\s+(?:от|до|в)\s*\d[\d\s.,]*[^\s,.;!?]*)"
      R"(|(?:зарабатыва\pL*|получа\pL*|доход\pL*)\s+(?:\pL+\s+){0,3}\d[\d\s.,]*\s*(?:\$|₽|руб|р\.|т\.р|тыс|к)\S{0,12}\s*)"
      R"((?:/|в|за)\s*(?:день|сутки|неделю|нед|мес|месяц))"
      // "можем вам помочь заработать", "научу зарабатывать": earning taught or
      // helped to, as offered.
      R"(|(?:помо(?:жем|гу|чь)|научу|научим|обучим|покажу|покажем)\s+(?:\pL+\s+){0,2}зараб\pL*)"
      // "доходность 30% в месяц": a yield by the month or day (a bank's is by the year).
      R"(|доходност\pL*\s+(?:от\s+|до\s+)?\d{2,3}(?:[.,]\d+)?\s*%\s*(?:в|за|/)\s*(?:день|сутки|неделю|нед\.?|мес(?:яц)?\.?))",
      RuleOptions());
  return Checked(re);
}

// A large sum: a thousand or more, or written with k ("$40k", "$12,560",
// "20000 usd").
#define TRIBUNE_LARGE_AMOUNT                                                     \
  R"((?:[$€£]\s?(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d+(?:\.\d+)?\s?(?:k|grand)\b))" \
  R"(|(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d+(?:\.\d+)?\s?k)\s?(?:usdt?|dollars?|\$|€|£)))"

// "i made over $78,000", "just secured $20000 in a week", "got my
// withdrawals of $40k": a large gain testified to in the first person.
// Readers tell of money they made too, so this needs the words of a scheme
// beside it, and a wage ("i was making $87,000 a year") is not a gain.
const RE2& FirstPersonGain() {
  static const RE2 re(
      R"(\b(?:i|i've|ive|i'm|im|i\s+have|i\s+just|just|we|we've)\s+(?:[a-z']+\s+){0,3})"
      R"((?:made|earn(?:ed)?|secured|got|gotten|receiv(?:ed|e|ing)|withdr(?:[ae]w|awing|awn)|)"
      R"(cash(?:ed|ing)?\s*out|profited|pulled\s+out)\s+(?:with\s+)?(?:my\s+|the\s+|a\s+)?)"
      R"((?:(?:over|about|up\s+to|more\s+than|a\s+total\s+of|nearly|almost|close\s+to|)"
      R"((?:a\s+)?(?:huge\s+|massive\s+|total\s+)?(?:profits?|returns?|payouts?|withdrawals?|earnings)\s+of)\s+)?)" TRIBUNE_LARGE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "huge payout of $100,000 just 4 weeks", "a return of $12,560": the size of
// a payout, which a first-person testimony around it makes a claim.
const RE2& PayoutOf() {
  static const RE2 re(
      R"((?:payouts?|returns?|profits?|withdrawals?|earnings)\s+of\s+(?:over\s+|about\s+)?)" TRIBUNE_LARGE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "I turned $800 into $11,000 following his signals", "his bot made me
// $3,400": a gain credited to a scheme's helper or made in days.
const RE2& TurnedInto() {
  static const RE2 re(
      R"(\b(?:i|we|he|she)\s+(?:\w+\s+){0,2}turned\s+(?:my\s+|a\s+|just\s+|only\s+)?)" TRIBUNE_AMOUNT
      R"(\s+into\s+(?:over\s+|about\s+|nearly\s+)?)" TRIBUNE_AMOUNT
      R"(.{0,40}?\b(?:signals?|bot|mentor|strategy|account\s+manager|broker|in\s+(?:\d+|a|one|two|three|few)\s+)"
      R"((?:days?|weeks?|hours?)))"
      // "my mentor's bot still made me $3,400 this week".
      R"(|\b(?:bot|mentor|strategy|signals|system|platform|trader|broker|account\s+manager)\s+)"
      R"((?:\w+\s+){0,2}(?:made|earned|got)\s+me\s+(?:over\s+|about\s+|nearly\s+)?)" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "an investment of $350 ... after withdrawing $3500", "with a start up
// capital of $2,000": an outlay named as such, then a return.
const RE2& OutlayThenReturn() {
  static const RE2 re(
      R"((?:investment|deposit|capital|start[\s-]?up)\s+(?:of\s+)?)" TRIBUNE_AMOUNT
      R"(.{0,80}?(?:made|earn(?:ed|ing)?|got|receiv(?:ed|e|ing)|profit(?:ed)?|returns?|)"
      R"(withdr(?:[ae]w|awing|awn)|cash(?:ed)?\s*out)\s+(?:[a-z]+\s+){0,3})" TRIBUNE_AMOUNT
      R"(|(?:made|earn(?:ed|ing)?|got|receiv(?:ed|e|ing)|profit(?:ed)?|withdr(?:[ae]w|awing|awn))\s+)"
      R"((?:[a-z]+\s+){0,3})" TRIBUNE_AMOUNT
      R"(.{0,60}?(?:with|from)\s+(?:an?\s+|my\s+)?(?:(?:little|small|start[\s-]?up|initial)\s+)?)"
      R"((?:investment|deposit|capital)\s+(?:of\s+)?(?:only\s+|just\s+)?)" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "my $2000 has become $11780": a sum that grew, in the first person.
const RE2& SumBecame() {
  static const RE2 re(
      R"(\bmy\s+(?:little\s+|small\s+|initial\s+)?)" TRIBUNE_AMOUNT
      R"(\s+(?:\w+\s+)?(?:has\s+|have\s+)?(?:become|became|turned\s+into|grown\s+to|grew\s+to|is\s+now|)"
      R"(multiplied\s+(?:in)?to)\s+)" TRIBUNE_AMOUNT,
      RuleOptions());
  return Checked(re);
}

// "grew my portfolio from $3k to $27k in 2 weeks", "my account went from $500
// to $8,000 in 3 days": a sum that grew, told as a path between two amounts.
const RE2& GrewFromTo() {
  static const RE2 re(
      // "went from" only of an account: "eggs went from $3 to $7" is a price.
      R"(\b(?:grow|grew|grown|growing|turn(?:ed)?|took|increas\w*|flip(?:ped)?|doubl\w*|multipl\w*|)"
      R"((?:portfolio|account|investment|capital|savings|balance)\s+(?:went|has\s+gone|had\s+gone))\s+)"
      R"((?:(?:my|his|her|our|their|the)\s+(?:\w+\s+)?)"
      R"((?:portfolio|account|investment|capital|savings|balance|money|deposit)\s+)?from\s+)"
      R"((?:[$€£]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?k?\s?(?:usdt?|dollars?))\s+to\s+(?:over\s+)?)"
      R"((?:[$€£]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?k?\s?(?:usdt?|dollars?)))"
      // In days or weeks: a saver's twenty years are not a scheme's.
      R"(\s+(?:in|within)\s+(?:just\s+|only\s+|less\s+than\s+)?)"
      R"((?:\d+|one|two|three|four|five|six|seven|a|few)\s+(?:days?|hours?|weeks?))"
      // "5k turn 41k with @…": thousands that became more thousands.
      R"(|\b[$€£]?\d+(?:\.\d+)?\s?k\s+(?:turn(?:ed|s)?|became|become|grew)\s+(?:in)?(?:to\s+)?)"
      R"([$€£]?\d+(?:\.\d+)?\s?k\b)",
      RuleOptions());
  return Checked(re);
}

// "investing with Mrs Jessica Williams", "trading under expert Lee",
// "thanks to my account manager Wendy": returns credited to a titled
// person, the manager whom the scam's next comment tells readers to reach.
// Readers credit "my financial advisor" too, but not by name and title
// beside their investing.
const RE2& CreditedManager() {
  static const RE2 re(
      R"(\b(?:invest(?:ed|ing|ment)?|trad(?:ed|ing)|earning|profits?|mining)\s+(?:\w+\s+){0,2})"
      R"((?:with|under|through|via)\s+(?:the\s+help\s+of\s+)?(?:my\s+|our\s+)?)"
      // "Mr" and "Dr" with a first name and a surname: "investing with Mr
      // Buffett" is a reader's quip, "with Mr Thomas Andrew" the scam's.
      R"((?:(?:mrs|ms|miss|madam|expert|coach|mentor|account\s+manager|)"
      R"((?:financial|investment)\s+(?:advisor|adviser|manager|expert|coach))\.?\s+[a-z]{2,}\b)"
      R"(|(?:mr|dr|sir)\.?\s+[a-z]{2,}\s+[a-z]{2,}(?:\s+(?:is|has|was|who|on|via)\b|\s*[,.!]|$)))"
      R"(|\b(?:thanks\s+to|help\s+of|grateful\s+to|credit\s+to|shout\s*out\s+to)\s+(?:my\s+|our\s+)?)"
      R"((?:mrs|ms|miss|madam|expert|coach|mentor|broker|trader|account\s+manager|)"
      R"((?:financial|investment)\s+(?:advisor|adviser|manager|expert|coach))\.?\s+[a-z]{2,}\b)"
      // The shill's question that opens such a thread: "anyone here familiar
      // with expert Christopher Lee?"
      R"(|\b(?:familiar\s+with|heard\s+(?:of|about)|traded\s+with|invested\s+with)\s+)"
      R"((?:expert|coach|mentor|broker|account\s+manager|)"
      R"((?:financial|investment)\s+(?:advisor|adviser|manager|expert|coach))\.?\s+[a-z]{2,}\b)",
      RuleOptions());
  return Checked(re);
}

// "thank you Stephanie for the 25k payout, I never believed …": a payout
// credited to the person the scam wants readers to write to, with a
// scheme's own words beside it. ("Thanks Congress for the $1,400 payment"
// and "thanks Equifax for the $125 payout" are readers'.)
const RE2& ThankedForPayout() {
  static const RE2 re(
      R"(\bthank(?:s|\s+you)\b.{0,40}?\bfor\s+(?:the|my|this|a|another)\s+)"
      R"((?:(?:huge|massive|great|amazing|recent|weekly|latest|first|second|third)\s+)?)"
      R"((?:)" TRIBUNE_AMOUNT R"(\s+(?:payout|profit|withdrawal|earnings)\b)"
      R"(|(?:payout|profit|withdrawal|earnings)\s+of\s+)" TRIBUNE_AMOUNT R"())",
      RuleOptions());
  return Checked(re);
}

// "30% weekly returns", "a profit of 20% every day": a return rate no
// saver's account pays, which the words of a scheme beside it make a claim.
const RE2& PercentReturn() {
  static const RE2 re(
      R"(\b\d{2,3}(?:\.\d+)?\s*%\s+(?:daily|weekly|monthly|(?:per|a|an|each|every)\s+(?:day|week|month))\s+)"
      R"((?:returns?|profits?|roi|interest|gains?|income)\b)"
      R"(|\b(?:returns?|profits?|roi|gains?|income)\s+of\s+(?:up\s+to\s+)?\d{2,3}(?:\.\d+)?\s*%\s+)"
      R"((?:daily|weekly|monthly|(?:per|a|an|each|every)\s+(?:day|week|month))\b)",
      RuleOptions());
  return Checked(re);
}

// "I just received my third payout from her", "God bless Mr Kelvin for his
// good work, I now earn weekly": a payout credited to the person the thread
// sends readers to, with no sum named.
const RE2& PayoutFromPerson() {
  static const RE2 re(
      R"(\b(?:received|got|collected|cashed\s+out)\s+my\s+(?:first|second|third|fourth|fifth|latest|)"
      R"(weekly|monthly|\d+(?:st|nd|rd|th))\s+(?:payout|withdrawal|profits?|returns?)\b.{0,30}?)"
      R"(\b(?:from|with|through|thanks\s+to)\s+(?:her|him|mr|mrs|ms|miss|madam|dr|expert|@))"
      R"(|\b(?:god\s+bless|thank\s+god\s+for)\s+(?:mr|mrs|ms|miss|madam|dr|expert|coach|mentor)\.?\s+)"
      R"([a-z]{2,}\b.{0,80}?\b(?:payouts?|withdrawals?|profits?|earn\w*\s+(?:weekly|daily|every))\b)",
      RuleOptions());
  return Checked(re);
}

// "you can earn up to $12,000 in seven working days": a quick return
// promised to the reader.
const RE2& PromisedQuickReturn() {
  static const RE2 re(
      R"(\b(?:you|anyone|everyone)\s+(?:can|could|will)\s+(?:now\s+|also\s+|still\s+|easily\s+)?)"
      R"((?:earn|make|receive|get|withdraw)\s+(?:(?:over|about|up\s+to|more\s+than|at\s+least)\s+)?)" TRIBUNE_AMOUNT
      R"(\s+(?:[a-z]+\s+){0,2}(?:in|within|after)\s+(?:just\s+|only\s+)?)"
      R"((?:\d+|one|two|three|four|five|six|seven|a|few)\s+(?:working\s+|business\s+)?(?:days?|hours?|weeks?))",
      RuleOptions());
  return Checked(re);
}

// Who says so: the first person.
const RE2& FirstPerson() {
  static const RE2 re(R"(\b(?:i|i'm|im|i've|ive|my|me)\b)", RuleOptions());
  return Checked(re);
}

#undef TRIBUNE_LARGE_AMOUNT
#undef TRIBUNE_AMOUNT

constexpr double kRateStrength = 0.8;  // a rate is less certain than a testimony

}  // namespace

// Russian earning schemes named as such: arbitrage of crypto or traffic,
// P2P "links" (связки) between exchanges, earning without outlay.
const RE2& RussianScheme() {
  static const RE2 re(
      R"((?:p2p|р2р)[\s-]*(?:арбитраж\pL*|связк\pL*)|арбитраж\pL*\s+(?:крипт\pL*|трафика|на\s+p2p))"
      R"(|связк\pL*\s+(?:на|для|по)\s+(?:арбитраж\pL*|p2p|р2р|крипт\pL*|бирж\pL*))"
      R"(|(?:заработ\pL*|доход\pL*|зарабатыва\pL*)\s+(?:\pL+\s+){0,2}без\s+вложений)"
      // "рабочий способ стабильно зарабатывать"; crypto courses "given away"
      // ("отдам курсы по крипте", "разыгрываю обучение заработку на крипте").
      R"(|(?:рабоч\pL*|проверенн\pL*|прост\pL*|лёгк\pL*|легк\pL*)\s+способ\s+(?:\pL+\s+){0,1}зараб\pL*)"
      R"(|отда(?:м|ю|ть|ём|ем)\s+(?:\pL+\s+){0,3}курс\pL*\s+(?:по\s+)?(?:крипт\pL*|трейдинг\pL*|арбитраж\pL*|заработ\pL*))"
      R"(|(?:разыгрыва\pL*|дарю|отдаю)\s+(?:\pL+\s+){0,2}(?:обучени\pL*|курс\pL*)\s+(?:\pL+\s+){0,1})"
      R"((?:заработ\pL*|крипт\pL*|трейдинг\pL*))"
      R"(|(?:крипт\pL*|цифров\pL*\s+актив\pL*|трейдинг\pL*).{0,120}?отда(?:м|ю|ть)\s+(?:\pL+\s+){0,2}курс\pL*)"
      // "зарабатываю на ставках, вывожу каждый день": earnings told as an advert.
      R"(|(?:^|[.!?,;:]\s*|я\s+|мы\s+|уже\s+|сам\s+))"
      R"(зарабатыва(?:ю|ем)\s+на\s+(?:ставк\pL*|крипт\pL*|арбитраж\pL*|трейдинг\pL*|бинарн\pL*|p2p))"
      R"(|вывож(?:у|им)\s+(?:(?:деньги|средства|прибыль|на\s+карту)\s+)?(?:каждый\s+день|ежедневно))"
      // "вложил 10к, через неделю вывел 50к": an outlay, then a withdrawal.
      R"(|(?:вложил\pL*|вкинул\pL*|закинул\pL*|инвестировал\pL*|внес(?:л[аи]?)?|внёс)\s+(?:\pL+\s+){0,2}\d[\d\s.,]*)"
      R"(.{0,30}?через\s+(?:\pL+\s+){0,1}(?:день|дня|неделю|недели|\d+\s+(?:дн\pL*|час\pL*|недел\pL*)))"
      R"(.{0,20}?(?:вывел\pL*|вывела|вывели)\s+(?:уже\s+)?\d)",
      RuleOptions());
  return Checked(re);
}

void CheckMoneyClaim(const Analysis& a, Hits* out) {
  const std::string& t = a.folded_body;
  std::string_view scheme;
  if (Find(t, RussianScheme(), &scheme)) {
    out->push_back({"MONEY_CLAIM", kRateStrength, Clip(scheme)});
    return;
  }
  std::string_view m;
  if (Find(t, CreditedManager(), &m) || Find(t, PayoutFromPerson(), &m)) {
    out->push_back({"MONEY_CLAIM", 1.0, Clip(m)});
    return;
  }
  // Every other claim names an amount: no digit, no claim.
  if (t.find_first_of("0123456789") == std::string::npos) return;
  if (Find(t, InvestedAndReturned(), &m) || Find(t, ReturnedAfterInvesting(), &m) ||
      Find(t, QuickReturn(), &m) || Find(t, TestifiedPayout(), &m) ||
      Find(t, OutlayThenReturn(), &m) || Find(t, SumBecame(), &m) ||
      Find(t, GrewFromTo(), &m) || Find(t, PromisedQuickReturn(), &m) ||
      ((Find(t, ThankedForPayout(), &m) || Find(t, TurnedInto(), &m)) &&
       Find(t, StrictSchemeWords()))) {
    out->push_back({"MONEY_CLAIM", 1.0, Clip(m)});
  } else if ((Find(t, FirstPersonGain(), &m) ||
              (Find(t, PayoutOf(), &m) && Find(t, FirstPerson()))) &&
             Find(t, SchemeWords())) {
    out->push_back({"MONEY_CLAIM", 1.0, Clip(m)});
  } else if ((Find(t, EarningsRate(), &m) && Find(t, SchemeWords())) ||
             (Find(t, PercentReturn(), &m) && Find(t, StrictSchemeWords())) ||
             Find(t, RussianEarnings(), &m)) {
    out->push_back({"MONEY_CLAIM", kRateStrength, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
