// Guessing a Latin-script comment's language from its function words.
#include <gtest/gtest.h>

#include "spam/text/language.h"

namespace tribune::spam::text {
namespace {

struct Case {
  const char* text;
  const char* code;  // "" = unsure
};

TEST(Language, TellsCommonLanguagesApart) {
  const Case cases[] = {
      {"i think the council should have asked the people who live there before they voted", "en"},
      {"creo que el ayuntamiento debería haber preguntado a los vecinos antes de votar", "es"},
      {"je pense que le conseil aurait dû demander aux habitants avant de voter sur ce projet",
       "fr"},
      {"ich finde, der rat hätte die leute fragen sollen, die dort wohnen, bevor er abstimmt",
       "de"},
      {"penso che il consiglio avrebbe dovuto chiedere alla gente che ci vive prima di votare",
       "it"},
      {"eu acho que a câmara devia ter perguntado aos moradores antes de votar isso", "pt"},
      {"ik denk dat de raad het aan de mensen had moeten vragen die er wonen", "nl"},
      {"saya rasa dewan harus bertanya kepada warga yang tinggal di sana sebelum memilih itu",
       "id"},
      {"bence belediye oy vermeden önce orada yaşayan insanlara sormalıydı ve bu çok önemli",
       "tr"},
      {"myślę, że rada powinna zapytać ludzi, którzy tam mieszkają, zanim zagłosuje, ale nie", "pl"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(GuessLanguage(c.text).code, c.code) << c.text;
  }
}

TEST(Language, IsUnsureRatherThanWrong) {
  EXPECT_EQ(GuessLanguage("").code, "");
  EXPECT_EQ(GuessLanguage("great article").code, "");             // too few function words
  EXPECT_EQ(GuessLanguage("ha ha ha ha ha ha ha ha ha").code, "");  // one word, repeated
  EXPECT_EQ(GuessLanguage("do as i say, not as i do").code, "");    // en and pt words mixed
  EXPECT_EQ(GuessLanguage("slot gacor maxwin hari ini 88").code, "");
}

TEST(Language, CountsWordsAndHits) {
  LanguageGuess g = GuessLanguage("the cat and the dog are in the garden");
  EXPECT_EQ(g.code, "en");
  EXPECT_EQ(g.words, 9);
  EXPECT_GE(g.hits, 3.0);
}

}  // namespace
}  // namespace tribune::spam::text
