// Job and earnings offers: "work from home, no experience needed", "we are
// hiring people for remote work", "нужны 2 человека на удалёнку, оплата
// каждый день". Readers talk about jobs too, so the rule wants the offer's
// own words: a recruiter speaking, remote or part-time work, no experience.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

const RE2& EnglishOffer() {
  static const RE2 re(
      R"(((?:\bwork|\bjob|jobs|earn(?:ing)?|income)\s+(?:from|at)\s+home\b)"
      R"(|(?:we\s+are|we're|i\s+am|i'm|currently)\s+(?:hiring|recruiting|looking\s+for\s+(?:people|partners|)"
      R"(assistants|workers|agents|staff|candidates|individuals|someone\s+to\s+work)))"
      R"(|no\s+(?:prior\s+)?experience\s+(?:needed|required|necessary)|part[\s-]time\s+(?:job|work|income|opportunity))"
      R"(|(?:remote|online)\s+(?:job|work|position)s?\s+(?:available|opportunity|with\s+pay)|)"
      R"(flexible\s+(?:hours|schedule)\s+and\s+(?:daily|weekly)\s+pay|(?:daily|weekly)\s+pay(?:ment|out)s?\b))", RuleOptions());
  return Checked(re);
}

const RE2& RussianOffer() {
  static const RE2 re(
      R"(((?:ищу|ищем|нужны|нужен|нужна|требуются|требуется|набираю|набираем|набор|приглашаем|)"
      R"(в\s+поиске)\s+(?:\pL+\s+){0,2}(?:\d+\s+)?(?:людей|люди|человека?|сотрудник\pL*|партн[её]р\pL*|)"
      R"(помощник\pL*|работник\pL*|курьер\pL*|девуш\pL*|ребят|ассистент\pL*|администратор\pL*|)"
      R"(менеджер\pL*|в\s+команду|на\s+удал[её]нк\pL*))"
      R"(|удал[её]нн\pL+\s+(?:работ\pL*|заработ\pL*|подработ\pL*|занятост\pL*)|работа\s+удал[её]нн\pL*|)"
      R"(без\s+опыта|свободный\s+график|)"
      R"(подработ\pL*|(?:заработ\pL*|доход)\s+(?:в\s+интернете|онлайн|на\s+дому|из\s+дома)|)"
      R"(оплата\s+(?:каждый\s+день|ежедневно|сразу|от\s+\d)|)"
      // "есть предложение по заработку", "пассивный доход", "не выходя из
      // дома", "с хорошей прибылью", "удалённая деятельность".
      R"((?:есть|имеется|интересное|выгодное)\s+предложени\pL*\s+(?:по|для)\s+)"
      R"((?:заработ|сотрудничеств|дополнительн)\pL*|пассивн\pL*\s+доход\pL*|не\s+выходя\s+из\s+дома|)"
      R"((?:высок|хорош|достойн|стабильн)\pL*\s+(?:оплат|доходност|прибыл)\pL*|быстр\pL*\s+прибыл\pL*|)"
      R"(финансов\pL*\s+результат|удал[её]нн\pL*\s+(?:деятельност|сфер|формат)\pL*|)"
      R"(зарабатыва\pL*\s+удал[её]нно|)"
      // "дополнительный доход", "частичная занятость", "на удалённой основе":
      // the words of an earnings offer that names no job.
      R"(дополнительн\pL*\s+(?:\pL+\s+)?(?:доход|заработ)\pL*|частичн\pL*\s+занятост\pL*|)"
      R"(на\s+удал[её]нн\pL*\s+основ\pL*|занятост\pL*\s+удал[её]нно|на\s+удал[её]нке))", RuleOptions());
  return Checked(re);
}

// Pay named beside the offer: what turns a request for help ("нужен один
// человек помочь с переездом") into recruiting.
const RE2& Pay() {
  static const RE2 re(
      R"(\$|€|£|₽|\b(?:pay|paid|salary|income|earn\w*|per\s+(?:day|week|hour|month)|daily|weekly)\b|)"
      R"(оплат\pL*|зарплат\pL*|зп|доход\pL*|заработ\pL*|прибыл\pL*|плачу|платим|выплат\pL*|)"
      R"(\d\s*(?:руб|р\.|т\.р|тыс|к(?:[^\pL]|$))|в\s+день|в\s+неделю|в\s+месяц)",
      RuleOptions());
  return Checked(re);
}

// What a scam's offer asks of the reader, beside the pay: only a phone and
// an hour or two a day, an age, no outlay, free training, a private message.
// An employer's advert asks for skills instead.
const RE2& ScamTerms() {
  static const RE2 re(
      R"((?:от|с)\s+18\s*(?:лет|\+)|18\s*\+|\d+\s*(?:-\s*\d+\s*)?час\pL*\s+(?:\pL+\s+){0,2}в\s+день|)"
      R"(свободного\s+времени|(?:нужен|нужно|необходим|понадобится)\s+(?:только\s+|лишь\s+)?(?:телефон|смартфон)|)"
      R"(без\s+вложений|бесплатн\pL*\s+обучени\pL*|обучени\pL*\s+бесплатн\pL*|)"
      R"((?:пиш|ставь|отпиш)\pL*\s*(?:["«“(]\s*)?(?:\+|➕|плюс)|совершеннолетн\pL*|)"
      R"(\bno\s+(?:prior\s+)?experience|\bfrom\s+(?:your|ur)\s+(?:phone|smartphone)|)"
      R"(\d+\s*(?:-\s*\d+\s*)?hours?\s+(?:a|per)\s+day|\b(?:dm|inbox|message)\s+me\b|whats\s?app|telegram)",
      RuleOptions());
  return Checked(re);
}

constexpr double kWithoutPay = 0.5;
// 1.5 x 1.84 = 2.75: pay and a scam's terms together hold by themselves.
constexpr double kScamTerms = 1.84;

}  // namespace

void CheckJobOffer(const Analysis& a, Hits* out) {
  std::string_view m;
  if (Find(a.folded_body, EnglishOffer(), &m) || Find(a.folded_body, RussianOffer(), &m)) {
    bool pay = Find(a.folded_body, Pay());
    double strength = !pay ? kWithoutPay : Find(a.folded_body, ScamTerms()) ? kScamTerms : 1.0;
    out->push_back({"JOB_OFFER", strength, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
