#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "spam/engine.h"
#include "spam/symbols.h"
#include "spam/text/code.h"
#include "spam/text/phones.h"

namespace tribune::spam {
namespace {

TEST(SpamSymbols, EveryRuleAndRequestCheckHasAGroupAndAScore) {
  const SymbolTable& t = SymbolTable::Defaults();
  for (const char* name : {"LINK_PRESENT", "PHONE_NUMBER", "CONTACT_MESSENGER", "MONEY_CLAIM",
                           "MODEL", "CAMPAIGN_SPAM", "TOKEN_FORGED", "HONEYPOT", "CODE_TYPED",
                           "POW_SOLVED", "EDIT_NEW_LINKS", "TRUSTED_AUTHOR"}) {
    const Symbol* s = t.Find(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_FALSE(s->group.empty()) << name;
  }
  EXPECT_EQ(t.Group("STYLED_LETTERS"), "disguise");
  EXPECT_GT(t.Score("CODE_TYPED"), t.Score("POW_SOLVED"));
  EXPECT_EQ(t.Score("NO_SUCH_SYMBOL", 7.0), 7.0);
  ASSERT_FALSE(t.composites().empty());
  std::vector<std::string> composites;
  for (const Symbol* c : t.composites()) composites.push_back(c->name);
  EXPECT_NE(std::find(composites.begin(), composites.end(), "OFFER_WITH_CONTACT"),
            composites.end());
  EXPECT_NE(std::find(composites.begin(), composites.end(), "DISGUISED_OFFER"), composites.end());
}

TEST(SpamSymbols, ASiteChangesScoresAndGroupsButNotTheRules) {
  const SymbolTable& t = SymbolTable::Defaults();
  auto changed = t.With({{"PHONE_NUMBER", {.score = 3.0}}, {"JOB_OFFER", {.group = "contact"}}});
  ASSERT_TRUE(changed.ok()) << changed.status().message();
  EXPECT_EQ(changed->Score("PHONE_NUMBER"), 3.0);
  EXPECT_EQ(changed->Group("JOB_OFFER"), "contact");
  EXPECT_EQ(t.Score("PHONE_NUMBER"), 1.5) << "the defaults stay as they are";
  auto unknown = t.With({{"PHONE_NUMBRE", {.score = 1.0}}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("PHONE_NUMBRE"), std::string::npos);
  // The typed code can be read off the page by a script: it must score
  // above the proof of work that a script has to do.
  EXPECT_FALSE(t.With({{"CODE_TYPED", {.score = 0.0}}}).ok());
  EXPECT_FALSE(t.With({{"POW_SOLVED", {.score = 1.0}}}).ok());
}

TEST(SpamSymbols, ATableThatDoesNotParseSaysWhere) {
  EXPECT_FALSE(SymbolTable::Parse("[A]\ngroup = \"x\"\n").ok());  // no score
  EXPECT_FALSE(SymbolTable::Parse("[A]\ngroup = \"x\"\nscore = 1\nwhat = 2\n").ok());
  auto ok = SymbolTable::Parse("[A]\ngroup = \"x\"\nscore = 1.5\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->Score("A"), 1.5);
}

TEST(SpamSymbols, TheEngineRefusesAnUnknownSymbol) {
  EngineOptions opts;
  opts.symbols["NOT_A_SYMBOL"] = {.score = 1.0};
  EXPECT_FALSE(Engine::Create({.key = 1, .bits = 12}, opts).ok());
}

TEST(SpamComposite, AnOfferWithAContactScoresMoreThanEither) {
  auto e = Engine::Create({.key = 1, .bits = 12}, {});
  ASSERT_TRUE(e.ok());
  Verdict both = (*e)->Check({.body = "We are hiring people for remote work, pay $500 weekly, "
                                      "message me on whatsapp +1 (213) 555-0123"});
  bool composite = false;
  for (const Reason& r : both.reasons) composite |= r.symbol == "OFFER_WITH_CONTACT";
  EXPECT_TRUE(composite);
}

TEST(SpamComposite, AnOfferInDisguisedLettersScoresMoreThanEither) {
  auto e = Engine::Create({.key = 1, .bits = 12}, {});
  ASSERT_TRUE(e.ok());
  auto has = [](const Verdict& v, std::string_view symbol) {
    for (const Reason& r : v.reasons) {
      if (r.symbol == symbol) return true;
    }
    return false;
  };
  // A job offer with Latin look-alikes in its Cyrillic words.
  Verdict hidden = (*e)->Check({.body = "Tpeбуeтcя coтpудник, нужeн тeлeфoн и двa чaca в дeнь, "
                                        "oплaтa eжeднeвнo, пишитe в лс"});
  EXPECT_TRUE(has(hidden, "MIXED_SCRIPT_WORD"));
  EXPECT_TRUE(has(hidden, "DISGUISED_OFFER")) << hidden.reasons.size();
  // The same offer in plain letters, and a disguise with no offer: neither.
  Verdict plain = (*e)->Check({.body = "Требуется сотрудник, нужен телефон и два часа в день, "
                                       "оплата ежедневно, пишите в лс"});
  EXPECT_FALSE(has(plain, "DISGUISED_OFFER"));
  Verdict fancy = (*e)->Check({.body = "\U0001D407\U0001D41A\U0001D429\U0001D429\U0001D432 "
                                       "birthday to my sister"});
  EXPECT_TRUE(has(fancy, "STYLED_LETTERS"));
  EXPECT_FALSE(has(fancy, "DISGUISED_OFFER"));
  EXPECT_FALSE(has(fancy, "DISGUISED_CONTACT"));
}

TEST(SpamPhones, FindsDisguisedNumbersAndNotOtherDigits) {
  auto found = text::FindPhones("call 1-888-2O3-966l now");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].e164, "+18882039661");
  EXPECT_TRUE(found[0].toll_free);
  EXPECT_TRUE(found[0].disguised);
  EXPECT_TRUE(text::FindPhones("on 2023-01-15 10:30, at 192.168.100.200, v1.2.3.4567").empty());
  EXPECT_TRUE(text::FindPhones("issue 2147483648 and 4105425184").empty());
  EXPECT_EQ(text::FindPhones("whatsapp 2135550123").size(), 1u)
      << "a bare run counts after a word that asks to call";
}

TEST(SpamCode, CodeIsSetApartAndProseKept) {
  text::CodeSplit s = text::SplitCode(
      "My build fails:\n```\nfoo.cc:12:3: error: expected ';'\n  return x\n```\nWhat now?");
  EXPECT_EQ(s.code_lines, 4);
  EXPECT_EQ(s.prose.find("error"), std::string::npos);
  EXPECT_NE(s.prose.find("What now?"), std::string::npos);
  text::CodeSplit prose = text::SplitCode("[code]Buy cheap watches today, best prices[/code]");
  EXPECT_EQ(prose.code_lines, 0) << "markup alone does not make a line code";
}

}  // namespace
}  // namespace tribune::spam
