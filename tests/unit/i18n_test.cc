// The interface's languages: catalogs load (a broken one is refused with
// its line), plurals follow each language's rules, dates are formatted for
// the language, a missing or broken translation falls back to English, and
// the reader's choice beats their browser's, which beats the site's default.
#include "i18n/i18n.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tribune::i18n {
namespace {

const std::string kShipped = std::string(TRIBUNE_SOURCE_DIR) + "/data/i18n";
const std::string kComments = "{count, plural, one {# comment} other {# comments}}";

std::shared_ptr<const Languages> Shipped() {
  auto l = Languages::Load(kShipped, {"en", "ka", "ru"});
  EXPECT_TRUE(l.ok()) << l.status().message();
  return l.ok() ? *l : Languages::EnglishOnly();
}

TEST(I18n, PluralsFollowEachLanguagesRules) {
  auto langs = Shipped();
  const Language& ru = langs->Get("ru");
  EXPECT_EQ(ru.F(kComments, {{"count", 1}}), "1 комментарий");
  EXPECT_EQ(ru.F(kComments, {{"count", 3}}), "3 комментария");
  EXPECT_EQ(ru.F(kComments, {{"count", 5}}), "5 комментариев");
  EXPECT_EQ(ru.F(kComments, {{"count", 21}}), "21 комментарий");
  EXPECT_EQ(langs->Get("en").F(kComments, {{"count", 1}}), "1 comment");
  EXPECT_EQ(langs->Get("en").F(kComments, {{"count", 1200}}), "1,200 comments");
  EXPECT_EQ(langs->Get("ka").F(kComments, {{"count", 7}}), "7 კომენტარი");
  EXPECT_EQ(ru.F("By {name}", {}, {{"name", "Нино"}}), "Автор: Нино");
}

TEST(I18n, DatesAreWrittenTheLanguagesWay) {
  auto langs = Shipped();
  const int64_t t = 1796452385;  // 2026-12-05 06:33:05 UTC
  EXPECT_EQ(langs->Get("en").DateTime(t), "5 December 2026 06:33");
  EXPECT_NE(langs->Get("ru").DateTime(t).find("декабря 2026"), std::string::npos)
      << langs->Get("ru").DateTime(t);
  EXPECT_NE(langs->Get("ka").DateTime(t).find("დეკემბერი"), std::string::npos)
      << langs->Get("ka").DateTime(t);
}

TEST(I18n, MissingOrBrokenTranslationsFallBackToEnglish) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "tribune-i18n-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "xx.toml") << "\"Send\" = \"Senden\"\n"
                                    "\"Comments: {title}\" = \"Kommentare: {title\"\n";
  auto langs = Languages::Load(dir.string(), {"xx"});
  ASSERT_TRUE(langs.ok()) << langs.status().message();
  const Language& xx = (*langs)->Default();
  EXPECT_EQ(xx.T("Send"), "Senden");
  EXPECT_EQ(xx.T("Reply"), "Reply");  // not in the catalog
  EXPECT_EQ(xx.F("Comments: {title}", {}, {{"title", "T"}}), "Comments: T");  // broken pattern
  std::ofstream(dir / "yy.toml") << "\"Send\" = \n";
  auto broken = Languages::Load(dir.string(), {"yy"});
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("yy.toml:1"), std::string::npos)
      << broken.status().message();
  std::filesystem::remove_all(dir);
}

TEST(I18n, TheReadersChoiceThenTheirBrowserThenTheSite) {
  auto langs = Shipped();
  EXPECT_EQ(langs->Choose("", "").code(), "en");
  EXPECT_EQ(langs->Choose("", "ka-GE,ka;q=0.9,en;q=0.8").code(), "ka");
  EXPECT_EQ(langs->Choose("", "de-DE, ru;q=0.7, en;q=0.3").code(), "ru");
  EXPECT_EQ(langs->Choose("", "de, fr;q=0.5").code(), "en");
  EXPECT_EQ(langs->Choose("ru", "ka").code(), "ru");
  EXPECT_EQ(langs->Choose("xx", "ka").code(), "ka");  // a cookie for a language not offered
  EXPECT_EQ(langs->Get("ka").name(), "ქართული");
  EXPECT_EQ(langs->Get("ru").name(), "Русский");
}

// Every text the code translates is in every shipped catalog, and every
// translation of a pattern is itself a valid pattern.
TEST(I18n, ShippedCatalogsAreCompleteAndValid) {
  auto langs = Shipped();
  const Language& ka = langs->Get("ka");
  const Language& ru = langs->Get("ru");
  EXPECT_EQ(ka.size(), ru.size());
  EXPECT_GT(ka.size(), 200u);
  for (const std::string& id : {std::string("Add Comments"), std::string("Reply"),
                                std::string("Sign in"), kComments}) {
    EXPECT_TRUE(ka.Has(id)) << id;
    EXPECT_TRUE(ru.Has(id)) << id;
  }
}

}  // namespace
}  // namespace tribune::i18n
