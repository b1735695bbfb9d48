// The site in the reader's language over HTTP: Accept-Language chooses it,
// the switch (/prefs/lang) sets a cookie that wins from then on, <html lang>
// says which, cached pages are kept apart per language (and say Vary), dates
// and plurals follow the language, and a language the site does not offer is
// refused.
#include "server_fixture.h"

namespace tribune::itest {
namespace {

class Languages : public SharedServerTest<Languages> {
 public:
  static std::string ConfigToml() { return PostingConfigToml(); }
};

std::string HtmlLang(const std::string& html) {
  return FirstMatch(html, R"re(<html lang="([^"]*)")re").value_or("");
}

TEST_F(Languages, AcceptLanguageChoosesAndCachedPagesStayApart) {
  const ArticleRow& a = articles_.front();
  Response en = Get(port(), a.PagePath());
  ASSERT_EQ(en.status, 200);
  EXPECT_EQ(HtmlLang(en.body), "en");
  EXPECT_NE(en.body.find("Add Comments"), std::string::npos);
  EXPECT_NE(en.Header("Vary").value_or("").find("Accept-Language"), std::string::npos);

  Response ka = Get(port(), a.PagePath(), {{"Accept-Language", "ka-GE,ka;q=0.9,en;q=0.5"}});
  ASSERT_EQ(ka.status, 200);
  EXPECT_EQ(HtmlLang(ka.body), "ka");
  EXPECT_NE(ka.body.find("კომენტარის დამატება"), std::string::npos);  // Add Comments
  EXPECT_NE(ka.body.find("<h2 class=\"comments-count\">კომენტარები:"), std::string::npos);
  EXPECT_NE(ka.body.find(">პასუხი</a>"), std::string::npos);  // Reply
  EXPECT_EQ(ka.body.find("Add Comments"), std::string::npos);
  // The editor's labels come from the catalog too.
  EXPECT_NE(ka.body.find("data-labels=\""), std::string::npos);
  EXPECT_NE(ka.body.find("უსაფრთხო ბმული"), std::string::npos);  // Safe link

  Response ru = Get(port(), a.PagePath(), {{"Accept-Language", "ru"}});
  EXPECT_EQ(HtmlLang(ru.body), "ru");
  EXPECT_NE(ru.body.find("Добавить комментарий"), std::string::npos);
  EXPECT_NE(ru.body.find("декабря"), std::string::npos) << "a Russian date";
  // The cached English page was not replaced by either.
  Response again = Get(port(), a.PagePath());
  EXPECT_EQ(HtmlLang(again.body), "en");
  EXPECT_NE(again.body.find("Add Comments"), std::string::npos);
  // The front page's counts are plurals of the language.
  Response front = Get(port(), "/", {{"Accept-Language", "ru"}});
  EXPECT_TRUE(front.body.find(" комментариев</a>") != std::string::npos ||
              front.body.find(" комментария</a>") != std::string::npos ||
              front.body.find(" комментарий</a>") != std::string::npos)
      << front.body.substr(0, 3000);
}

TEST_F(Languages, TheSwitchSticksAndWinsOverTheBrowser) {
  const ArticleRow& a = articles_.front();
  Response page = Get(port(), a.PagePath());
  auto link = FirstMatch(page.body, R"re(<a href="(/prefs/lang\?l=ka[^"]*)")re");
  ASSERT_TRUE(link.has_value());
  Response chosen = Get(port(), UnescapeAttribute(*link));
  ASSERT_EQ(chosen.status, 303);
  EXPECT_EQ(LocationPath(*chosen.Header("Location")), a.PagePath());
  CookieJar jar;
  jar.Store(chosen);
  ASSERT_EQ(jar.Get("lang").value_or(""), "ka");
  // The choice holds on every page, whatever the browser prefers.
  HeaderList headers = {{"Cookie", jar.HeaderValue()}, {"Accept-Language", "ru"}};
  for (const std::string& path : {a.PagePath(), std::string("/"), std::string("/privacy"),
                                  std::string("/account/sign-up")}) {
    Response r = Get(port(), path, headers);
    EXPECT_EQ(HtmlLang(r.body), "ka") << path;
  }
  Response signup = Get(port(), "/account/sign-up", headers);
  EXPECT_NE(signup.body.find("რეგისტრაცია"), std::string::npos);  // Sign up
  // Form errors come back in the language too, with the reader's text kept.
  HeaderList form = headers;
  form.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  Response refused = Fetch(port(), {"POST", "/account/sign-up", form,
                                    FormEncode({{"name", "Nino"}, {"email", "bad"}})});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("მიუთითეთ ელფოსტის მისამართი"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Nino\""), std::string::npos);
  // Error pages too.
  Response missing = Get(port(), "/news/999999-none.html", headers);
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("ასეთი სტატია არ არსებობს."), std::string::npos);
  EXPECT_EQ(Get(port(), "/prefs/lang?l=xx&back=/").status, 400);
  // Back to English.
  Response english = Get(port(), "/prefs/lang?l=en&back=/");
  CookieJar en;
  en.Store(english);
  EXPECT_EQ(HtmlLang(Get(port(), "/", {{"Cookie", en.HeaderValue()}}).body), "en");
}

TEST_F(Languages, PostingInALanguageAnswersInIt) {
  const ArticleRow& a = articles_.front();
  HeaderList fields = FreshFormFields(port(), a);
  fields.emplace_back("name", "Тамара");
  fields.emplace_back("email", "");
  fields.emplace_back("body", "Хорошая новость для района.");
  Request post{"POST", a.PostPath(),
               {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept-Language", "ru"}},
               FormEncode(fields)};
  Response posted = Fetch(port(), post);
  ASSERT_EQ(posted.status, 303) << posted.body;
  std::string location = LocationPath(*posted.Header("Location"));
  location = location.substr(0, location.find('#'));
  Response notice = Get(port(), location, {{"Accept-Language", "ru"}});
  EXPECT_NE(notice.body.find("Спасибо: ваш комментарий №"), std::string::npos) << notice.body;
}

// The newsroom speaks the member's language as the site does: the switch's
// cookie or the browser's; its pages, navigation, notices and refusals.
TEST_F(Languages, TheNewsroomSpeaksTheMembersLanguage) {
  ProcessResult added = RunTribune(
      {"staff", "add", "tamar", "--role", "admin", "--db", server_->db().string()}, dir_->path());
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::string password = FirstMatch(added.out, R"(password: (\S+))").value_or("");
  HeaderList form = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept-Language", "ka"}};
  // A wrong password is refused in the language, the name kept.
  Response wrong = Fetch(port(), {"POST", "/newsroom/sign-in", form,
                                  FormEncode({{"name", "tamar"}, {"password", "nope"}})});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(HtmlLang(wrong.body), "ka");
  EXPECT_NE(wrong.body.find("სახელი ან პაროლი არასწორია."), std::string::npos) << wrong.body;
  EXPECT_NE(wrong.body.find("value=\"tamar\""), std::string::npos);
  Response in = Fetch(port(), {"POST", "/newsroom/sign-in", form,
                               FormEncode({{"name", "tamar"}, {"password", password}})});
  ASSERT_EQ(in.status, 303) << in.body;
  CookieJar jar;
  jar.Store(in);

  // Georgian by the browser: the queue, its navigation and the filter's summary.
  HeaderList ka = {{"Cookie", jar.HeaderValue()}, {"Accept-Language", "ka"}};
  Response queue = Get(port(), "/newsroom/queue", ka);
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(HtmlLang(queue.body), "ka");
  EXPECT_NE(queue.body.find(">მოდერაცია</a>"), std::string::npos);  // Moderation
  EXPECT_NE(queue.body.find(">სტატიები</a>"), std::string::npos);   // Articles
  EXPECT_NE(queue.body.find(">გასვლა</button>"), std::string::npos);  // Sign out
  EXPECT_NE(queue.body.find("შესული ხართ როგორც tamar"), std::string::npos);
  EXPECT_EQ(queue.body.find("Held for moderation"), std::string::npos);
  EXPECT_EQ(queue.body.find("Sign out"), std::string::npos);
  Response dashboard = Get(port(), "/newsroom/dashboard", ka);
  ASSERT_EQ(dashboard.status, 200);
  EXPECT_NE(dashboard.body.find("კომენტარები დღეში, ფილტრის მოქმედების მიხედვით"),
            std::string::npos);
  Response editor = Get(port(), "/newsroom/articles/new", ka);
  ASSERT_EQ(editor.status, 200);
  EXPECT_EQ(editor.body.find("Readers may comment"), std::string::npos);
  EXPECT_EQ(editor.body.find("Save as draft"), std::string::npos);

  // Russian by the switch's cookie, whatever the browser says: notices use
  // the language's plurals (one, few, many).
  HeaderList ru = {{"Cookie", jar.HeaderValue() + "; lang=ru"}, {"Accept-Language", "ka"}};
  Response three = Get(port(), "/newsroom/queue?show=held&done=bulk-approve&n=3&skipped=1", ru);
  ASSERT_EQ(three.status, 200);
  EXPECT_EQ(HtmlLang(three.body), "ru");
  EXPECT_NE(three.body.find("3 комментария опубликованы."), std::string::npos) << three.body;
  EXPECT_NE(three.body.find("1 комментарий изменился после показа страницы"), std::string::npos);
  Response five = Get(port(), "/newsroom/queue?show=held&done=bulk-approve&n=5", ru);
  EXPECT_NE(five.body.find("5 комментариев опубликованы."), std::string::npos);
  Response articles = Get(port(), "/newsroom/articles", ru);
  EXPECT_NE(articles.body.find(">Написать статью</a>"), std::string::npos);
  // A refusal is a Russian error page.
  Response bulk = Fetch(port(), {"POST", "/newsroom/bulk", ru, ""});
  EXPECT_EQ(bulk.status, 403);
  EXPECT_EQ(HtmlLang(bulk.body), "ru") << bulk.body;

  // English stays the default.
  Response en = Get(port(), "/newsroom/queue", {{"Cookie", jar.HeaderValue()}});
  EXPECT_EQ(HtmlLang(en.body), "en");
  EXPECT_NE(en.body.find("Held for moderation"), std::string::npos);
}

}  // namespace
}  // namespace tribune::itest
