// Authors editing their comments (screened again on every edit), known good
// commenters during a spam wave, and moderation reaching the pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "site_helpers.h"
#include "tribune_process.h"

namespace tribune::itest {
namespace {

using nlohmann::json;

const std::string kSpamText =
    "I am really inspired together with your writing talents and also with the layout on your "
    "weblog. My web site :: https://best-casino-bonus.example/slots online casino";

std::string EditPath(int64_t id) { return "/comments/" + std::to_string(id) + "/edit"; }

// The comment as the author posted it, with the cookies the post set.
struct Posted {
  int64_t id = -1;
  CookieJar jar;
  Response response;
};

Posted PostAsAuthor(int port, const ArticleRow& article, const CommentInput& input) {
  Posted p;
  p.response = PostCommentForm(port, article, input);
  p.jar.Store(p.response);
  p.id = PostedId(p.response);
  return p;
}

Response SendEdit(int port, int64_t id, const HeaderList& fields, const CookieJar& jar = {}) {
  Request post{"POST", EditPath(id), {{"Content-Type", "application/x-www-form-urlencoded"}},
               FormEncode(fields)};
  if (!jar.HeaderValue().empty()) post.headers.emplace_back("Cookie", jar.HeaderValue());
  return Fetch(port, post);
}

Response GetWith(int port, const std::string& path, const CookieJar& jar) {
  return Get(port, path, {{"Cookie", jar.HeaderValue()}});
}

// The edit key of the edit page's form.
std::string EditKeyOn(const std::string& html) {
  auto k = FirstMatch(html, R"re(<input type="hidden" name="k" value="([^"]*)")re");
  return k ? UnescapeAttribute(*k) : std::string();
}

class CommentEditing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new TribuneServer(dir_->path(), OpenConfig());
    server_->Start();
    article_ = new ArticleRow(ListArticles(server_->db(), dir_->path()).front());
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << server_->Logs();
    delete article_;
    delete server_;
    delete dir_;
  }
  static int port() { return server_->port(); }
  static const ArticleRow& article() { return *article_; }

  static TempDir* dir_;
  static TribuneServer* server_;
  static ArticleRow* article_;
};
TempDir* CommentEditing::dir_ = nullptr;
TribuneServer* CommentEditing::server_ = nullptr;
ArticleRow* CommentEditing::article_ = nullptr;

TEST_F(CommentEditing, TheAuthorFixesATypoAndTheCommentStaysPublished) {
  Posted p = PostAsAuthor(port(), article(),
                          {"Nino", "nino@example.ge", "The new bridge opens in Septmber, I read."});
  ASSERT_EQ(p.response.status, 303);
  ASSERT_TRUE(p.jar.Get("ce" + std::to_string(p.id))) << "no edit key cookie";

  // The notice after posting offers the edit, to the author only.
  std::string landing = LocationPath(*p.response.Header("Location"));
  landing = landing.substr(0, landing.find('#'));  // a browser keeps the fragment to itself
  Response notice = GetWith(port(), landing, p.jar);
  EXPECT_NE(notice.body.find("href=\"" + EditPath(p.id) + "\""), std::string::npos);
  EXPECT_EQ(Get(port(), landing).body.find(EditPath(p.id)), std::string::npos);

  Response page = Get(port(), article().PagePath());
  int64_t count = CommentsCount(page.body);
  int64_t number = CommentNumbers(page.body).front();

  Response form = GetWith(port(), EditPath(p.id), p.jar);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("The new bridge opens in Septmber"), std::string::npos);
  std::string key = EditKeyOn(form.body);
  ASSERT_FALSE(key.empty());

  Response saved =
      SendEdit(port(), p.id, {{"k", key}, {"body", "The new bridge opens in September, I read."}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 400);
  page = Get(port(), article().PagePath());
  EXPECT_NE(page.body.find("opens in September"), std::string::npos);
  EXPECT_EQ(page.body.find("Septmber"), std::string::npos);
  EXPECT_NE(page.body.find("(edited)"), std::string::npos);
  EXPECT_EQ(CommentsCount(page.body), count);
  EXPECT_EQ(CommentNumbers(page.body).front(), number);
  json explained = Explain(*server_, dir_->path(), p.id);
  EXPECT_EQ(explained.value("status", ""), "published");
  EXPECT_TRUE(HasReason(explained, "EDITED")) << explained.dump();
  EXPECT_FALSE(HasReason(explained, "EDIT_NEW_LINKS"));
}

TEST_F(CommentEditing, LinksEditedInLaterAreScreenedAgain) {
  // The seed's pattern: something harmless first, the links once it is up.
  Posted p = PostAsAuthor(port(), article(), {"Maria", "", "Thanks, very interesting read."});
  ASSERT_EQ(p.response.status, 303);
  Response before = Get(port(), article().PagePath());
  auto ids = CommentIds(before.body);
  ASSERT_NE(std::find(ids.begin(), ids.end(), p.id), ids.end())
      << "not published to begin with: " << Explain(*server_, dir_->path(), p.id).dump();

  Response form = GetWith(port(), EditPath(p.id), p.jar);
  Response saved = SendEdit(port(), p.id, {{"k", EditKeyOn(form.body)}, {"body", kSpamText}});
  ASSERT_EQ(saved.status, 303);
  Response after = Get(port(), article().PagePath());
  ids = CommentIds(after.body);
  EXPECT_EQ(std::find(ids.begin(), ids.end(), p.id), ids.end()) << "the edited spam is shown";
  EXPECT_EQ(CommentsCount(after.body), CommentsCount(before.body) - 1);
  EXPECT_EQ(after.body.find("best-casino-bonus"), std::string::npos);
  json explained = Explain(*server_, dir_->path(), p.id);
  EXPECT_NE(explained.value("status", ""), "published");
  EXPECT_TRUE(HasReason(explained, "EDIT_NEW_LINKS")) << explained.dump();

  // Taken down, it cannot be edited back up: an edit never publishes.
  Response again = SendEdit(port(), p.id, {{"k", EditKeyOn(form.body)},
                                           {"body", "Thanks, a very interesting read."}});
  if (again.status == 303) {
    EXPECT_NE(Explain(*server_, dir_->path(), p.id).value("status", ""), "published");
  } else {
    EXPECT_EQ(again.status, 403);  // marked spam: no longer editable at all
  }
  ids = CommentIds(Get(port(), article().PagePath()).body);
  EXPECT_EQ(std::find(ids.begin(), ids.end(), p.id), ids.end());
}

TEST_F(CommentEditing, NobodyButTheAuthorCanEdit) {
  Posted p = PostAsAuthor(port(), article(), {"Levan", "", "Parking should be free on Sundays."});
  ASSERT_EQ(p.response.status, 303);
  Response anon = Get(port(), EditPath(p.id));
  EXPECT_EQ(anon.status, 403);
  EXPECT_EQ(anon.body.find("Parking should be free"), std::string::npos);

  Response forged = SendEdit(port(), p.id, {{"k", std::string(32, 'a')}, {"body", kSpamText}});
  EXPECT_EQ(forged.status, 403);
  // Another comment's key does not fit this one.
  Posted other = PostAsAuthor(port(), article(), {"Other", "", "Buses should run later too."});
  std::string other_key = *other.jar.Get("ce" + std::to_string(other.id));
  EXPECT_EQ(SendEdit(port(), p.id, {{"k", other_key}, {"body", kSpamText}}).status, 403);
  EXPECT_EQ(Get(port(), EditPath(999999)).status, 404);
  EXPECT_EQ(Fetch(port(), {"DELETE", EditPath(p.id), {}, ""}).status, 405);
  EXPECT_NE(Get(port(), article().PagePath()).body.find("Parking should be free on Sundays."),
            std::string::npos);
}

TEST_F(CommentEditing, CopyingSomeonesTextDoesNotHandOverTheirKeys) {
  const std::string text = "The ferry timetable changes on Monday, check before you travel.";
  auto api_post = [&](const json& extra) {
    json challenge = json::parse(
        Get(port(), "/api/v1/challenge?article=" + std::to_string(article().id)).body);
    json post = {{"author", "Ketevan"}, {"email", "keti@example.ge"}, {"body", text},
                 {"token", challenge["token"]}, {"code", challenge["code"]}};
    post.update(extra);
    return Fetch(port(), {"POST", "/api/v1/articles/" + std::to_string(article().id) + "/comments",
                          {{"Content-Type", "application/json"}}, post.dump()});
  };
  Response victim = api_post(json::object());
  ASSERT_EQ(victim.status, 201) << victim.body;
  ASSERT_TRUE(json::parse(victim.body).contains("edit_key"));
  int64_t id = json::parse(victim.body)["id"];

  // The same name and text, with a valid form: the earlier comment, but no key.
  Response copy = api_post({{"email", "attacker@example.com"}});
  json c = json::parse(copy.body);
  EXPECT_EQ(c.value("id", int64_t{0}), id);
  EXPECT_FALSE(c.contains("edit_key")) << copy.body;
  // With a forged token: stored apart (and discarded), not answered with theirs.
  Response forged = api_post({{"token", "t2.1.2.3.4.5.h.-.bad"}});
  EXPECT_NE(json::parse(forged.body).value("id", int64_t{0}), id) << forged.body;
  EXPECT_FALSE(json::parse(forged.body).contains("edit_key"));
  // Through the page's form: no edit cookie and no known-commenter pass.
  Posted form_copy = PostAsAuthor(port(), article(), {"Ketevan", "keti@example.ge", text});
  ASSERT_EQ(form_copy.response.status, 303);
  EXPECT_EQ(form_copy.id, id);
  EXPECT_FALSE(form_copy.jar.Get("ce" + std::to_string(id)));
  EXPECT_FALSE(form_copy.jar.Get("tc"));
}

TEST_F(CommentEditing, TheEditFormNeedsItsKeyNotJustTheCookie) {
  // A form on another site could make the browser send the cookie, not the key.
  Posted p = PostAsAuthor(port(), article(), {"Ia", "", "Please repaint the zebra crossing."});
  ASSERT_EQ(p.response.status, 303);
  Response r = SendEdit(port(), p.id, {{"body", kSpamText}}, p.jar);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(Get(port(), article().PagePath()).body.find("Please repaint the zebra crossing."),
            std::string::npos);
}

TEST_F(CommentEditing, AnInvalidEditComesBackWithTheText) {
  Posted p = PostAsAuthor(port(), article(), {"Tamar", "", "Short and sweet."});
  ASSERT_EQ(p.response.status, 303);
  std::string key = EditKeyOn(GetWith(port(), EditPath(p.id), p.jar).body);
  std::string long_text = "A very long thought about the budget. ";
  while (long_text.size() < 6000) long_text += long_text;
  Response r = SendEdit(port(), p.id, {{"k", key}, {"body", long_text}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find(long_text.substr(0, 200)), std::string::npos) << "the text is lost";
  EXPECT_NE(r.body.find("form-errors"), std::string::npos);
  EXPECT_EQ(EditKeyOn(r.body), key) << "the form cannot be sent again";
  EXPECT_EQ(SendEdit(port(), p.id, {{"k", key}, {"body", "   "}}).status, 422);
  EXPECT_NE(Get(port(), article().PagePath()).body.find("Short and sweet."), std::string::npos);
}

TEST_F(CommentEditing, TheApiGivesThePosterAKeyAndScreensTheEdit) {
  json challenge =
      json::parse(Get(port(), "/api/v1/challenge?article=" + std::to_string(article().id)).body);
  json post = {{"author", "Api Reader"},
               {"body", "Clear explanation of the tram timetable, thanks."},
               {"token", challenge["token"]},
               {"code", challenge["code"]}};
  Response created =
      Fetch(port(), {"POST", "/api/v1/articles/" + std::to_string(article().id) + "/comments",
                     {{"Content-Type", "application/json"}}, post.dump()});
  ASSERT_EQ(created.status, 201) << created.body;
  json c = json::parse(created.body);
  ASSERT_TRUE(c.contains("edit_key"));
  ASSERT_TRUE(c.contains("editable_until"));
  std::string path = "/api/v1/comments/" + std::to_string(c["id"].get<int64_t>());
  auto edit = [&](const std::string& method, const json& body) {
    return Fetch(port(), {method, path, {{"Content-Type", "application/json"}}, body.dump()});
  };

  Response wrong = edit("PUT", {{"body", "x"}, {"edit_key", "nope"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.Header("content-type").value_or(""), "application/problem+json");
  EXPECT_EQ(Fetch(port(), {"PUT", path, {{"Content-Type", "text/plain"}}, "x"}).status, 415);
  EXPECT_EQ(edit("PUT", {{"body", 5}, {"edit_key", c["edit_key"]}}).status, 400);
  EXPECT_EQ(edit("PUT", {{"body", ""}, {"edit_key", c["edit_key"]}}).status, 422);

  Response fixed =
      edit("PATCH", {{"body", "Clear explanation of the tram timetable, thank you."},
                     {"edit_key", c["edit_key"]}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(json::parse(fixed.body).value("status", ""), "published");
  EXPECT_NE(Get(port(), path).body.find("thank you."), std::string::npos);

  Response spam = edit("PUT", {{"body", kSpamText}, {"edit_key", c["edit_key"]}});
  ASSERT_EQ(spam.status, 200) << spam.body;
  EXPECT_NE(json::parse(spam.body).value("status", ""), "published");
  EXPECT_EQ(Get(port(), path).status, 404);
}

TEST_F(CommentEditing, AModeratorsDecisionReachesThePageAtOnce) {
  Posted p = PostAsAuthor(port(), article(), {"Giorgi", "", "Street lights on Rustaveli are out."});
  ASSERT_EQ(p.response.status, 303);
  ASSERT_NE(Get(port(), article().PagePath()).body.find("Street lights on Rustaveli"),
            std::string::npos);
  ProcessResult decided = RunTribune(
      {"moderate", "spam", std::to_string(p.id), "--db", server_->db().string()}, dir_->path());
  ASSERT_EQ(decided.exit_code, 0) << decided.err;
  bool gone = false;
  for (int i = 0; i < 40 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    gone = Get(port(), article().PagePath()).body.find("Street lights on Rustaveli") ==
           std::string::npos;
  }
  EXPECT_TRUE(gone) << "the cached page still shows a comment a moderator marked spam";
}

TEST_F(CommentEditing, AModeratorTakesDownAWholeCampaignAtOnce) {
  const std::vector<std::string> spun = {
      "What a wonderful article about the new riverside park, thank you for writing it. I will "
      "share it with all my friends and neighbours today.",
      "What a wonderful article about the new riverside park, thanks for writing it! I will share "
      "it with all of my friends and neighbours today.",
      "Such a wonderful article about the new riverside park, thank you for writing it. I shall "
      "share it with all my friends and neighbours today."};
  std::vector<int64_t> ids;
  for (size_t i = 0; i < spun.size(); ++i) {
    Posted p = PostAsAuthor(port(), article(), {"Fan " + std::to_string(i), "", spun[i]});
    ASSERT_EQ(p.response.status, 303);
    ids.push_back(p.id);
  }
  Posted other = PostAsAuthor(port(), article(),
                              {"Neighbour", "", "Will the park have a playground for toddlers?"});
  // The filter may hold one of them already (it is stock praise); the rest
  // are published, and the campaign decision takes down both kinds.
  ASSERT_GE(CountOf(Get(port(), article().PagePath()).body, "riverside park, than"), 2u)
      << "the campaign was not published to begin with";
  ProcessResult r = RunTribune({"moderate", "spam", std::to_string(ids[0]), "--campaign", "--db",
                                server_->db().string()},
                               dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (int64_t id : ids) {
    EXPECT_EQ(Explain(*server_, dir_->path(), id).value("status", ""), "spam") << r.out;
    EXPECT_NE(r.out.find(std::to_string(id) + "\tspam"), std::string::npos) << r.out;
  }
  EXPECT_EQ(Explain(*server_, dir_->path(), other.id).value("status", ""), "published");
  bool gone = false;
  for (int i = 0; i < 40 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    gone = Get(port(), article().PagePath()).body.find("riverside park, than") == std::string::npos;
  }
  EXPECT_TRUE(gone) << "campaign comments still on the page";
}

TEST(CommentEditingWindow, ClosesAfterTheConfiguredTime) {
  TempDir dir;
  // Two seconds: with one, a post whose reply is built in the next second
  // would find its window already shut and set no edit cookie. A form opened
  // in time may still be sent for as long again (the grace, at most a
  // minute), so the edit is late after more than four whole seconds.
  TribuneServer server(dir.path(), OpenConfig("edit_window_s = 2\n"));
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Posted p = PostAsAuthor(server.port(), article, {"Slow", "", "I will think about this one."});
  ASSERT_EQ(p.response.status, 303);
  auto cookie = p.jar.Get("ce" + std::to_string(p.id));
  ASSERT_TRUE(cookie.has_value()) << "no edit cookie for a fresh comment";
  std::string key = *cookie;
  std::this_thread::sleep_for(std::chrono::milliseconds(5500));
  Response page = GetWith(server.port(), EditPath(p.id), p.jar);
  EXPECT_EQ(page.status, 403);
  EXPECT_NE(page.body.find("time has passed"), std::string::npos);
  Response late = SendEdit(server.port(), p.id, {{"k", key}, {"body", "My second thoughts."}});
  EXPECT_EQ(late.status, 403);
  EXPECT_NE(late.body.find("My second thoughts."), std::string::npos) << "the late text is lost";
  EXPECT_NE(Get(server.port(), article.PagePath()).body.find("I will think about this one."),
            std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(CommentEditingWindow, ZeroTurnsEditingOff) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig("edit_window_s = 0\n"));
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Posted p = PostAsAuthor(server.port(), article, {"Final", "", "No second thoughts here."});
  ASSERT_EQ(p.response.status, 303);
  EXPECT_FALSE(p.jar.Get("ce" + std::to_string(p.id)));
  EXPECT_EQ(Get(server.port(), EditPath(p.id)).status, 403);
  EXPECT_EQ(server.Stop(), 0);
}

int PowBits(const std::string& html) {
  auto bits = FirstMatch(html, R"re(data-pow-bits="(\d+)")re");
  return bits ? std::stoi(*bits) : -1;
}

TEST(KnownCommenters, ASpamWaveRaisesTheWorkForNewcomersOnly) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Posted known = PostAsAuthor(server.port(), article,
                              {"Nino", "nino@example.ge", "The library's new hours are great."});
  ASSERT_EQ(known.response.status, 303);
  ASSERT_TRUE(known.jar.Get("tc")) << "a published commenter gets no pass";
  EXPECT_EQ(PowBits(Get(server.port(), article.PagePath()).body),
            PowBits(GetWith(server.port(), article.PagePath(), known.jar).body));

  // API clients: a published post returns a pass, which the challenge honours.
  json posted;
  {
    Response ch = Get(server.port(), "/api/v1/challenge?article=" + std::to_string(article.id));
    json c = json::parse(ch.body);
    json req = {{"author", "Lasha"}, {"email", "lasha@example.ge"},
                {"body", "The bus timetable on the app is finally right."},
                {"token", c["token"]}, {"code", c["code"]}};
    Response r = Fetch(server.port(), {"POST", "/api/v1/articles/" + std::to_string(article.id) +
                                                   "/comments",
                                       {{"Content-Type", "application/json"}}, req.dump()});
    ASSERT_EQ(r.status, 201) << r.body;
    posted = json::parse(r.body);
  }
  // A wave: a bot floods the form (its honeypot filled: discarded every time).
  Response page = Get(server.port(), article.PagePath());
  auto honeypot = FirstMatch(page.body, R"re(<p class="hp"[^>]*><label>[^<]*<input name="([^"]+)")re");
  ASSERT_TRUE(honeypot);
  for (int i = 0; i < 26; ++i) {
    HeaderList fields = {{"name", "Bot " + std::to_string(i)},
                         {"body", "Cheap pills " + std::to_string(i)},
                         {*honeypot, "x"}};
    Response r = Fetch(server.port(), {"POST", article.PostPath(),
                                       {{"Content-Type", "application/x-www-form-urlencoded"}},
                                       FormEncode(fields)});
    ASSERT_EQ(r.status, 303);
  }
  Response newcomer = Get(server.port(), article.PagePath());
  Response regular = GetWith(server.port(), article.PagePath(), known.jar);
  EXPECT_EQ(PowBits(regular.body) + 2, PowBits(newcomer.body));

  // The spared form works for the commenter it was made for, and no one else.
  HeaderList fields = BrowserFormFields(regular.body);
  fields.emplace_back("code", *ChallengeCode(regular.body));
  Response other = PostForm(server.port(), article, fields,
                            {"Nino", "someone@example.com", "Borrowed pass, new address."},
                            known.jar);
  EXPECT_EQ(other.status, 422);
  EXPECT_NE(other.body.find("known commenter"), std::string::npos);
  EXPECT_NE(other.body.find("Borrowed pass, new address."), std::string::npos);
  Response own = PostForm(server.port(), article, fields,
                          {"Nino", "NINO@example.ge", "And the reading room is quiet."},
                          known.jar);
  EXPECT_EQ(own.status, 303) << own.body.substr(0, 400);
  // The code a script can read off the page: during the wave a newcomer who
  // types it waits for a moderator; the known commenter does not.
  Response typed = PostForm(server.port(), article, FreshFormFields(server.port(), article),
                            {"Newcomer", "", "The reading room should open earlier."});
  EXPECT_EQ(typed.status, 303);
  std::string after = Get(server.port(), article.PagePath()).body;
  EXPECT_NE(after.find("And the reading room is quiet."), std::string::npos);
  EXPECT_EQ(after.find("The reading room should open earlier."), std::string::npos);

  // The API client's pass, earned before the wave, spares it too.
  ASSERT_TRUE(posted.contains("commenter_pass")) << posted.dump();
  auto api_bits = [&](const std::string& pass) {
    HeaderList headers;
    if (!pass.empty()) headers.emplace_back("X-Commenter-Pass", pass);
    Response ch = Get(server.port(), "/api/v1/challenge?article=" + std::to_string(article.id),
                      headers);
    return json::parse(ch.body)["pow"]["bits"].get<int>();
  };
  EXPECT_EQ(api_bits(posted["commenter_pass"].get<std::string>()) + 2, api_bits(""));
  EXPECT_EQ(api_bits("0123456789abcdef-9999999999-" + std::string(32, '0')), api_bits(""));

  // A forged pass spares nothing.
  CookieJar forged;
  Response fake_set;
  fake_set.headers.emplace_back("Set-Cookie", "tc=0123456789abcdef-9999999999-" +
                                                  std::string(32, '0'));
  forged.Store(fake_set);
  EXPECT_EQ(PowBits(GetWith(server.port(), article.PagePath(), forged).body),
            PowBits(Get(server.port(), article.PagePath()).body));
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
