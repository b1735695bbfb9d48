// Illegal goods: counterfeit money, forged documents and drugs offered for
// sale — "ФАЛЬШ РУБЛИ, купюры принимает любой банкомат", "undetectable
// counterfeit notes", "buy a real passport online", "купить меф", and fraud
// services ("пробив по базам", "обнал", "куплю справку"). News about
// a counterfeiting ring names the goods without selling them, so the rule
// wants the seller's words: printing, selling, delivery, a bank machine
// that takes the notes.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckIllegalGoods(const Analysis& a, Hits* out) {
  static const RE2 kOffer(
      R"(((?:undetectable|high\s+quality|grade\s+a)\s+(?:counterfeit|fake)\s+(?:money|bills|notes|banknotes|currency))"
      R"(|(?:buy|order|sell(?:ing)?|we\s+(?:sell|print|produce))\s+(?:high\s+quality\s+|undetectable\s+)?)"
      R"((?:counterfeit|fake)\s+(?:money|bills|notes|banknotes|currency|passports?|id\s+cards?|driver'?s\s+licen[cs]es?))"
      R"(|(?:buy|order)\s+(?:real\s+)?(?:registered\s+)?(?:passports?|driver'?s\s+licen[cs]es?)\s+online)"
      // "фальш" cut short is the sellers' word; news writes "фальшивые".
      R"(|(?:^|[^\pL])фальш\s+(?:рубл\pL*|доллар\pL*|купюр\pL*|деньг\pL*|денег|евро|валют\pL*))"
      R"(|купюры\s+принима\pL*\s+(?:\pL+\s+){0,1}банкомат\pL*)"
      R"(|(?:печатаем|печатаю|продаю|продаем|продаём|магазин\pL*(?:\s+по\s+продаже)?|купить|заказать)\s+)"
      R"((?:\pL+\s+){0,1}(?:фальш\pL*|поддельн\pL*)\s+(?:\pL+\s+){0,1})"
      R"((?:рубл\pL*|доллар\pL*|купюр\pL*|деньг\pL*|денег|документ\pL*|паспорт\pL*|прав))"
      R"(|(?:купить|заказать|закажи)\s+(?:\pL+\s+){0,1}(?:меф|мефедрон|шишки|гашиш|кокс|кокаин|мдма|амф)(?:[^\pL]|$))"
      // Services of fraud: look-ups in leaked databases, cashing out, mules,
      // bought certificates and licences, loans "without refusal".
      R"(|пробив\pL*\s+(?:по\s+(?:базам|номеру|фио|паспорту)|любо\pL*|человека)|(?:делаю|делаем|услуги)\s+пробив\pL*|(?:^|[^\pL])обнал(?:[^\pL]|$)|обналичк\pL*|(?:услуги|делаю|делаем)\s+обнал\pL*)"
      R"(|(?:ищу|нужны|набираю|набор)\s+(?:\pL+\s+){0,1}дропов(?:[^\pL]|$))"
      // "продаю базу клиентов": personal data sold.
      R"(|(?:продаю|продам|продаём|продаем)\s+(?:\pL+\s+){0,1}баз\pL*\s+)"
      R"((?:клиентов|номеров|телефонов|контактов|покупателей))"
      R"(|(?:купить|продам|продаю|сделаем|сделаю|оформлю|оформим)\s+(?:\pL+\s+){0,1})"
      R"((?:справк\pL*|диплом\pL*|права|водительск\pL*\s+прав\pL*|медкнижк\pL*|больничн\pL*))"
      R"(|займ\pL*\s+(?:\pL+\s+){0,2}без\s+(?:отказа|проверки|отказов))"
      // A driving licence sold: "помогу с вод. удостоверением", "поможем с
      // правами не дорого" ("права" alone are rights too: only with the price
      // or the exam skipped).
      R"(|(?:помо\pL*|сделаем|сделаю|оформ\pL*|купить|продам|недорог\pL*|не\s+дорог\pL*)\s+(?:\pL+\s+){0,2})"
      R"((?:водительск\pL*\s+(?:удостов\pL*|прав\pL*)|вод\.?\s*удост\pL*))"
      R"(|(?:права|правами)\s+(?:\pL+\s+){0,1}(?:не\s*дорого|недорого|без\s+(?:экзамен\pL*|сдачи|обучения))))",
      RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kOffer), &m)) out->push_back({"ILLEGAL_GOODS", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
