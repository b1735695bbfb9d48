#include <gtest/gtest.h>

#include "spam/text/normalize.h"

namespace tribune::spam::text {
namespace {

TEST(SpamNormalize, FoldsStyledLetters) {
  NormalizedText n = Normalize("Main di 𝐌𝐎𝐍𝐀 𝟒𝐃 sekarang");
  EXPECT_EQ(n.text, "main di mona 4d sekarang");
  EXPECT_EQ(n.styled_chars, 6);
  EXPECT_EQ(n.styled_example, "𝐌𝐎𝐍𝐀 𝟒𝐃");
}

TEST(SpamNormalize, LettersDressedWithMarksAreStyledAndRead) {
  // Underlines, arrows below and the millions sign on every letter.
  for (const char* dressed : {"ke P\u034EU\u034EL\u034EA\u034EU\u034EW\u034EI\u034EN\u034E aja",
                              "ke P\u035F\u035FU\u035F\u035FL\u035F\u035FA\u035F\u035FU\u035F\u035F"
                              "W\u035F\u035FI\u035F\u035FN\u035F\u035F aja",
                              "ke P\u0489U\u0489L\u0489A\u0489U\u0489W\u0489I\u0489N\u0489 aja"}) {
    NormalizedText n = Normalize(dressed);
    EXPECT_EQ(n.text, "ke pulauwin aja") << dressed;
    EXPECT_EQ(n.styled_chars, 8) << dressed;
    EXPECT_EQ(n.styled_example, "PULAUWIN") << dressed;
  }
  // Dingbat circled digits read as digits.
  NormalizedText digits = Normalize("Menyala \U0001D401\U0001D413\U0001D415\u2776\u277B\u277D Ku");
  EXPECT_EQ(digits.text, "menyala btv168 ku");
  EXPECT_EQ(digits.styled_chars, 6);
}

TEST(SpamNormalize, AccentsOfRealLanguagesAndKeycapsAreNotStyling) {
  // Decomposed accents (Vietnamese, a Russian stress mark) and keycap digits.
  NormalizedText n =
      Normalize("Vie\u0323\u0302t Nam, cha\u0301y, 1\uFE0F\u20E3 2\uFE0F\u20E3 3\uFE0F\u20E3");
  EXPECT_EQ(n.styled_chars, 0);
  EXPECT_EQ(n.text.find("1 2 3") != std::string::npos, true) << n.text;
}

TEST(SpamNormalize, StripsInvisibleCharactersInsideWords) {
  NormalizedText n = Normalize("ca\u200Bsi\u200Dno bonus\u202E");
  EXPECT_EQ(n.text, "casino bonus");
  EXPECT_EQ(n.invisible_in_word, 2);
}

TEST(SpamNormalize, TrailingByteOrderMarkIsNotInsideAWord) {
  NormalizedText n = Normalize("nice song\uFEFF");
  EXPECT_EQ(n.text, "nice song");
  EXPECT_EQ(n.invisible_in_word, 0);
}

TEST(SpamNormalize, JoinsSpacedLetters) {
  NormalizedText n = Normalize("pake ⭐ A L E X I S 1 7 ⭐ aja");
  EXPECT_EQ(n.text, "pake alexis17 aja");
  EXPECT_EQ(n.spaced_runs, 1);
  EXPECT_EQ(n.spaced_example, "alexis17");
}

TEST(SpamNormalize, JoinsLettersBoxedOrStrungWithDecorations) {
  NormalizedText boxed = Normalize(
      "tanya \u3010H\u3011\u3010o\u3011\u3010k\u3011\u3010i\u3011\u30107\u3011\u30107\u3011 itu");
  EXPECT_EQ(boxed.text, "tanya hoki77 itu");
  EXPECT_EQ(boxed.spaced_runs, 1);
  NormalizedText shaded =
      Normalize("tau \u2591P\u2591 \u2591U\u2591 \u2591L\u2591 \u2591A\u2591 \u2591U\u2591 belum");
  EXPECT_EQ(shaded.text, "tau pulau belum");
  // Words strung with a decoration are not single letters; a list keeps its commas.
  EXPECT_EQ(Normalize("I \u2605 love \u2605 this \u2605 song").spaced_runs, 0);
  EXPECT_EQ(Normalize("pilih a, b, c, d atau e").spaced_runs, 0);
}

TEST(SpamNormalize, ShortLetterSequencesStayApart) {
  NormalizedText n = Normalize("Plan B is a U S idea");
  EXPECT_EQ(n.spaced_runs, 0);
  NormalizedText ascii = Normalize("c a s i n o");
  EXPECT_EQ(ascii.text, "casino");
}

TEST(SpamNormalize, SizesAndCountsAreNotSpelledOutWords) {
  // Joined like any run, but fewer than three letters spell nothing out.
  NormalizedText size = Normalize("enough to print a 4 x 6 photo");
  EXPECT_EQ(size.spaced_runs, 0);
  EXPECT_EQ(Normalize("count 1 2 3 4 5 now").spaced_runs, 0);
  EXPECT_EQ(Normalize("a 2×2 grid of 4 x 4 tiles").spaced_runs, 0);
  EXPECT_EQ(Normalize("mainkan S L O T 8 8 sekarang").spaced_runs, 1);
  EXPECT_EQ(Normalize("з а р а б о ток").spaced_runs, 1);
}

TEST(SpamNormalize, FoldsLookalikeLettersInMixedScriptWords) {
  NormalizedText n = Normalize("Log in to p\u0430ypal now");  // Cyrillic а
  EXPECT_EQ(n.mixed_script_words, 1);
  EXPECT_EQ(n.text, "log in to paypal now");
}

TEST(SpamNormalize, FoldsLookalikesFromRarerScripts) {
  NormalizedText n = Normalize("a goo\u146F day");  // Canadian syllabic that imitates d
  EXPECT_EQ(n.mixed_script_words, 1);
  EXPECT_EQ(n.text, "a good day");
}

TEST(SpamNormalize, LatinGluedToHangulIsNotALookalike) {
  NormalizedText n = Normalize("kpop\uB178\uB798 최고");
  EXPECT_EQ(n.mixed_script_words, 0);
}

TEST(SpamNormalize, WholeCyrillicWordsAreNotMixed) {
  NormalizedText n = Normalize("Привет world");
  EXPECT_EQ(n.mixed_script_words, 0);
  EXPECT_EQ(n.scripts.letters[static_cast<int>(Script::kCyrillic)], 6);
  EXPECT_EQ(n.scripts.letters[static_cast<int>(Script::kLatin)], 5);
}

TEST(SpamNormalize, SmallCapitalsReadAsTheirLetters) {
  EXPECT_EQ(
      Normalize("\u0262\u0280\u1D0F\u1D21 \u1D00 \u029C\u1D07\u1D00\u029F\u1D1B\u029C\u028F").text,
      "grow a healthy");  // ɢʀᴏᴡ ᴀ ʜᴇᴀʟᴛʜʏ
  // ᴨᴩиниʍᴀᴇᴛ: Greek small capitals and an IPA letter in a Russian word.
  EXPECT_EQ(FoldForMatching("\u1D28\u1D29\u0438\u043D\u0438\u028D\u1D00\u1D07\u1D1B"), "принимает");
  // The same IPA letter in a Latin word stays as it is.
  EXPECT_EQ(FoldForMatching("\u028Dow"), "\u028Dow");
}

TEST(SpamNormalize, MixedWordsFoldToTheTextsOwnScript) {
  // A Russian text: look-alikes and a lone Latin "b" read as Russian.
  EXPECT_EQ(FoldForMatching("Пиши b лс, дoxoд oт 500$ в нeдeлю"),
            "пиши в лс, доход от 500$ в неделю");
  EXPECT_EQ(Normalize("Пиши b лс, дoxoд oт 500$").text, "пиши в лс доход от 500");
  // English written with Cyrillic look-alikes reads as English.
  EXPECT_EQ(FoldForMatching("M\u0435ss\u0430g\u0435 m\u0435 \u043En whatsapp"),
            "message me on whatsapp");
  EXPECT_EQ(Normalize("\u0415\u0430rn m\u043En\u0435y f\u0430st").text, "earn money fast");
}

TEST(SpamNormalize, HandlesDoNotDecideTheTextsScript) {
  // Latin, Greek and Cyrillic letters mixed in a Russian advert that ends in
  // a Latin handle: the handle does not outvote the words.
  const char* advert =
      "Πpивeт. Κοму интep"
      "ecнa, οстaвлю вaм "
      "κοнтaκт: @ivan_smlv1";
  EXPECT_EQ(FoldForMatching(advert),
            "привет. кому интересна, оставлю вам контакт: @ivan_smlv1");
  EXPECT_EQ(Normalize(advert).text, "привет кому интересна оставлю вам контакт ivan smlv1");
}

TEST(SpamNormalize, CurlyApostrophesMatchAsStraightOnes) {
  EXPECT_EQ(FoldForMatching("I\u2019ve made it"), "i've made it");
}

TEST(SpamNormalize, LeetspeakGivesAVariant) {
  NormalizedText n = Normalize("best c4s1n0 here");
  ASSERT_EQ(n.variants.size(), 1u);
  EXPECT_EQ(n.variants[0], "casino");
  EXPECT_EQ(n.words[1], "c4s1n0");
}

TEST(SpamNormalize, AsciiAndUnicodePathsAgree) {
  EXPECT_EQ(Normalize("Hello, World! It's 2024.").text,
            Normalize("Hello, World! It's 2024.\u00A0").text);
}

TEST(SpamNormalize, InvalidUtf8DoesNotCrash) {
  NormalizedText n = Normalize(std::string("ab\xff\xfe cd"));
  EXPECT_FALSE(n.text.empty());
}

}  // namespace
}  // namespace tribune::spam::text
