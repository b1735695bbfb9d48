// Editors publish from the web: /newsroom/articles, each role allowed and
// refused, CSRF refused, the effect on the public pages and the audit log.
#include <regex>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

class NewsroomArticles : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TribuneServer>(
        dir_.path(), PostingConfigToml() + "[site]\ncategories = [\"Politics\", \"City Life\"]\n");
    server_->Start();
    for (const char* role : {"editor", "moderator", "admin"}) {
      ProcessResult r = RunTribune({"staff", "add", std::string(role) + "-1", "--role", role,
                                    "--db", server_->db().string()},
                                   dir_.path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
      passwords_[role] = FirstMatch(r.out, R"(password: (\S+))").value_or("");
    }
  }
  void TearDown() override { EXPECT_EQ(server_->Stop(), 0) << server_->Logs(); }

  int port() const { return server_->port(); }

  // Signs in as the member of `role`; the jar holds the session.
  CookieJar SignInAs(const std::string& role, std::string* went = nullptr) {
    Response r = Fetch(port(), {"POST", "/newsroom/sign-in", kForm,
                                FormEncode({{"name", role + "-1"}, {"password", passwords_[role]}})});
    EXPECT_EQ(r.status, 303) << r.body;
    CookieJar jar;
    jar.Store(r);
    if (went) {
      Response home = Get(port(), LocationPath(r.Header("location").value_or("")),
                          {{"Cookie", jar.HeaderValue()}});
      *went = LocationPath(home.Header("location").value_or(""));
    }
    return jar;
  }
  Response GetAs(const CookieJar& jar, const std::string& path) {
    return Get(port(), path, {{"Cookie", jar.HeaderValue()}});
  }
  static std::string TokenOn(const std::string& html) {
    auto t = FirstMatch(html, R"re(<input type="hidden" name="t" value="([^"]*)")re");
    return t ? UnescapeAttribute(*t) : std::string();
  }
  Response PostAs(const CookieJar& jar, const std::string& path, HeaderList fields) {
    HeaderList headers = kForm;
    headers.emplace_back("Cookie", jar.HeaderValue());
    return Fetch(port(), {"POST", path, headers, FormEncode(fields)});
  }
  // The editor's form for a new article, filled and sent with `action`.
  Response SendArticle(const CookieJar& jar, const std::string& path, const std::string& title,
                       const std::string& body, const std::string& action,
                       bool comments_open = true,
                       const std::string& token_page = "/newsroom/articles",
                       const HeaderList& more = {}) {
    std::string token = TokenOn(GetAs(jar, token_page).body);
    EXPECT_FALSE(token.empty()) << "no form token on " << token_page;
    HeaderList f = {{"t", token},       {"title", title}, {"slug", ""},  {"lead", "The lead."},
                    {"body", body},     {"source", "Tribune"}, {"do", action}};
    if (comments_open) f.emplace_back("comments_open", "1");
    f.insert(f.end(), more.begin(), more.end());
    return PostAs(jar, path, f);
  }

  TempDir dir_;
  std::unique_ptr<TribuneServer> server_;
  std::map<std::string, std::string> passwords_;
};

TEST_F(NewsroomArticles, EachRoleGetsItsOwnPagesAndIsRefusedTheOthers) {
  std::string home;
  CookieJar editor = SignInAs("editor", &home);
  EXPECT_EQ(home, "/newsroom/articles");
  EXPECT_EQ(GetAs(editor, "/newsroom/articles").status, 200);
  EXPECT_EQ(GetAs(editor, "/newsroom/articles/new").status, 200);
  EXPECT_EQ(GetAs(editor, "/newsroom/queue").status, 403);
  EXPECT_EQ(GetAs(editor, "/newsroom/bans").status, 403);
  EXPECT_EQ(GetAs(editor, "/newsroom/audit").status, 403);
  std::string nav = GetAs(editor, "/newsroom/articles").body;
  EXPECT_NE(nav.find("href=\"/newsroom/articles\""), std::string::npos);
  EXPECT_EQ(nav.find("href=\"/newsroom/queue\""), std::string::npos);

  CookieJar moderator = SignInAs("moderator", &home);
  EXPECT_EQ(home, "/newsroom/queue");
  EXPECT_EQ(GetAs(moderator, "/newsroom/articles").status, 403);
  // With the session's own token (from a page it may see): refused for the role.
  Response not_theirs = SendArticle(moderator, "/newsroom/articles", "Not mine", "Text.", "publish",
                                    true, "/newsroom/queue");
  EXPECT_EQ(not_theirs.status, 403);
  EXPECT_NE(not_theirs.body.find("Your role (moderator) does not include this"), std::string::npos);
  std::string queue = GetAs(moderator, "/newsroom/queue").body;
  EXPECT_EQ(queue.find("href=\"/newsroom/articles\""), std::string::npos);

  CookieJar admin = SignInAs("admin", &home);
  EXPECT_EQ(GetAs(admin, "/newsroom/articles").status, 200);
  std::string admin_queue = GetAs(admin, "/newsroom/queue").body;
  EXPECT_NE(admin_queue.find("href=\"/newsroom/articles\""), std::string::npos);
  EXPECT_NE(admin_queue.find("href=\"/newsroom/audit\""), std::string::npos);
  // Without a session: the sign-in page, and forms refused.
  EXPECT_EQ(Get(port(), "/newsroom/articles").status, 303);
  EXPECT_EQ(Fetch(port(), {"POST", "/newsroom/articles", kForm, "title=x&body=y"}).status, 403);
}

TEST_F(NewsroomArticles, AnEditorPreviewsPublishesAndChangesAnArticle) {
  CookieJar editor = SignInAs("editor");
  int64_t before = static_cast<int64_t>(ListArticles(server_->db(), dir_.path()).size());
  std::string front_before = Get(port(), "/").body;  // cached now

  // A form without the session's token is refused.
  Response forged = PostAs(editor, "/newsroom/articles",
                           {{"t", "forged"}, {"title", "Forged"}, {"body", "Text."}, {"do", "publish"}});
  EXPECT_EQ(forged.status, 403);

  // As a browser sends a textarea: CRLF line ends.
  Response preview = SendArticle(editor, "/newsroom/articles", "Bridge reopens <after> repairs",
                                 "First paragraph.\r\n\r\nSecond & last paragraph.", "preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("Preview: as readers will see it"), std::string::npos);
  EXPECT_NE(preview.body.find("<p>First paragraph.</p>\n<p>Second &amp; last paragraph.</p>"),
            std::string::npos);
  EXPECT_NE(preview.body.find("Bridge reopens &lt;after&gt; repairs"), std::string::npos);
  EXPECT_EQ(static_cast<int64_t>(ListArticles(server_->db(), dir_.path()).size()), before);

  Response refused = SendArticle(editor, "/newsroom/articles", "", "Kept text.", "publish");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("An article needs a title."), std::string::npos);
  EXPECT_NE(refused.body.find("Kept text."), std::string::npos);

  Response saved = SendArticle(editor, "/newsroom/articles", "Bridge reopens after repairs",
                               "First paragraph.\n\nSecond & last paragraph.", "publish");
  ASSERT_EQ(saved.status, 303) << saved.body;
  std::string where = LocationPath(saved.Header("location").value_or(""));
  auto id = FirstMatch(where, R"(/newsroom/articles/(\d+)\?done=published)");
  ASSERT_TRUE(id.has_value()) << where;
  // On the public site at once: the front page (it was cached) and its own page.
  EXPECT_NE(Get(port(), "/").body.find("Bridge reopens after repairs"), std::string::npos);
  ArticleRow row;
  for (const ArticleRow& a : ListArticles(server_->db(), dir_.path())) {
    if (std::to_string(a.id) == *id) row = a;
  }
  ASSERT_EQ(std::to_string(row.id), *id);
  EXPECT_EQ(row.slug, "bridge-reopens-after-repairs");
  Response page = Get(port(), row.PagePath());
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<p>Second &amp; last paragraph.</p>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"comment-form\""), std::string::npos);

  // Changed: a new title, comments closed.
  Response editor_page = GetAs(editor, "/newsroom/articles/" + *id + "?done=published");
  EXPECT_NE(editor_page.body.find("The article is published."), std::string::npos);
  Response changed = SendArticle(editor, "/newsroom/articles/" + *id, "Bridge reopens, at last",
                                 "First paragraph.", "publish", /*comments_open=*/false);
  ASSERT_EQ(changed.status, 303) << changed.body;
  Response after = Get(port(), row.Base() + ".html");  // the old slug redirects
  EXPECT_EQ(after.status, 301);
  Response renamed = Get(port(), "/news/" + *id + "-bridge-reopens-at-last.html");
  EXPECT_EQ(renamed.status, 200);
  EXPECT_NE(renamed.body.find("Bridge reopens, at last"), std::string::npos);
  EXPECT_EQ(renamed.body.find("id=\"comment-form\""), std::string::npos);  // closed

  // Both in the audit log, with the editor's name and what changed.
  CookieJar admin = SignInAs("admin");
  std::string audit = GetAs(admin, "/newsroom/audit?action=article.").body;
  EXPECT_NE(audit.find("article.add"), std::string::npos);
  EXPECT_NE(audit.find("article.edit"), std::string::npos);
  EXPECT_NE(audit.find("editor-1"), std::string::npos);
  EXPECT_NE(audit.find("Bridge reopens after repairs; published from "), std::string::npos);
  EXPECT_NE(audit.find("comments open"), std::string::npos);
  EXPECT_NE(audit.find("Bridge reopens, at last; published from "), std::string::npos);
  EXPECT_NE(audit.find("comments closed"), std::string::npos);
  EXPECT_EQ(GetAs(editor, "/newsroom/articles/999999").status, 404);
}

// An article's life: a draft readers cannot reach, published into a category
// with a byline and headings, scheduled for later (hidden until its time),
// unpublished (gone from every public page, the API and posting), and each
// step in the audit log.
TEST_F(NewsroomArticles, DraftsScheduleUnpublishCategoriesAndBylines) {
  CookieJar editor = SignInAs("editor");
  Response draft = SendArticle(editor, "/newsroom/articles", "Budget talks stall",
                               "## Where it stands\n\nNo deal yet.", "draft", true,
                               "/newsroom/articles",
                               {{"byline", "Nino Beridze"}, {"category", "Politics"}});
  ASSERT_EQ(draft.status, 303) << draft.body;
  std::string where = LocationPath(draft.Header("location").value_or(""));
  auto id = FirstMatch(where, R"(/newsroom/articles/(\d+)\?done=draft)");
  ASSERT_TRUE(id.has_value()) << where;
  std::string path = "/news/" + *id + "-budget-talks-stall.html";
  EXPECT_EQ(Get(port(), path).status, 404);
  EXPECT_EQ(Get(port(), "/api/v1/articles/" + *id).status, 404);
  EXPECT_EQ(Get(port(), "/").body.find("Budget talks stall"), std::string::npos);
  EXPECT_NE(GetAs(editor, "/newsroom/articles").body.find(">draft<"), std::string::npos);
  ArticleRow row{std::stoll(*id), "budget-talks-stall", "Budget talks stall"};
  std::string comment = FormEncode({{"name", "Early"}, {"body", "Too early to comment."}});
  EXPECT_EQ(Fetch(port(), {"POST", row.PostPath(), kForm, comment}).status, 404);

  // Published: on the front page, its category's page and feed, with byline and heading.
  std::string edit = "/newsroom/articles/" + *id;
  Response published = SendArticle(editor, edit, "Budget talks stall",
                                    "## Where it stands\n\nNo deal yet.", "publish", true, edit,
                                    {{"byline", "Nino Beridze"}, {"category", "Politics"},
                                     {"comments_close_days", "7"}});
  ASSERT_EQ(published.status, 303) << published.body;
  EXPECT_NE(published.Header("location").value_or("").find("done=published"), std::string::npos);
  Response page = Get(port(), path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h2>Where it stands</h2>"), std::string::npos);
  EXPECT_NE(page.body.find("By Nino Beridze"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/category/politics\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"comment-form\""), std::string::npos);  // open for 7 days
  Response section = Get(port(), "/category/politics");
  ASSERT_EQ(section.status, 200);
  EXPECT_NE(section.body.find("Budget talks stall"), std::string::npos);
  EXPECT_NE(section.body.find("<h1 class=\"front-title\">Politics</h1>"), std::string::npos);
  Response other = Get(port(), "/category/city-life");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.body.find("Budget talks stall"), std::string::npos);
  Response feed = Get(port(), "/category/politics/rss.xml");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.body.find("<title>Budget talks stall</title>"), std::string::npos);
  EXPECT_NE(feed.body.find("<dc:creator>Nino Beridze</dc:creator>"), std::string::npos);
  EXPECT_EQ(Get(port(), "/category/sports").status, 404);
  Response api = Get(port(), "/api/v1/articles?category=Politics");
  EXPECT_NE(api.body.find("\"byline\":\"Nino Beridze\""), std::string::npos) << api.body;
  CommentInput input;
  EXPECT_EQ(PostCommentForm(port(), row, input).status, 303);

  // A category the site does not have is refused, the text kept.
  Response wrong = SendArticle(editor, edit, "Budget talks stall", "Kept body.", "publish", true,
                               edit, {{"category", "Sports"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("Kept body."), std::string::npos);

  // Scheduled a day ahead: off the site until then.
  Response scheduled = SendArticle(editor, edit, "Budget talks stall", "No deal yet.", "publish",
                                   true, edit, {{"publish_at", "2099-01-01T08:00"}});
  ASSERT_EQ(scheduled.status, 303) << scheduled.body;
  EXPECT_NE(scheduled.Header("location").value_or("").find("done=scheduled"), std::string::npos);
  EXPECT_EQ(Get(port(), path).status, 404);
  EXPECT_EQ(Get(port(), "/category/politics").body.find("Budget talks stall"), std::string::npos);
  EXPECT_NE(GetAs(editor, edit).body.find("scheduled for 2099-01-01T08:00 UTC"), std::string::npos);
  Response bad_time = SendArticle(editor, edit, "Budget talks stall", "No deal yet.", "publish",
                                  true, edit, {{"publish_at", "next tuesday"}});
  EXPECT_EQ(bad_time.status, 422);

  // Back to now, then unpublished: gone from the site, the API and the feeds.
  ASSERT_EQ(SendArticle(editor, edit, "Budget talks stall", "No deal yet.", "publish", true, edit,
                        {{"publish_at", "2020-01-01T08:00"}})
                .status,
            303);
  EXPECT_EQ(Get(port(), path).status, 200);
  Response unpublished =
      SendArticle(editor, edit, "Budget talks stall", "No deal yet.", "unpublish", true, edit);
  ASSERT_EQ(unpublished.status, 303);
  EXPECT_NE(unpublished.Header("location").value_or("").find("done=unpublished"), std::string::npos);
  EXPECT_EQ(Get(port(), path).status, 404);
  EXPECT_EQ(Get(port(), "/rss.xml").body.find("Budget talks stall"), std::string::npos);
  EXPECT_EQ(Get(port(), "/api/v1/articles/" + *id + "/comments").status, 404);

  CookieJar admin = SignInAs("admin");
  std::string audit = GetAs(admin, "/newsroom/audit?action=article.").body;
  EXPECT_NE(audit.find("article.publish"), std::string::npos);
  EXPECT_NE(audit.find("article.unpublish"), std::string::npos);
  EXPECT_NE(audit.find("in Politics"), std::string::npos);
}

// Comments close by themselves N days after publication.
TEST_F(NewsroomArticles, CommentsCloseByThemselvesAfterTheirDays) {
  CookieJar editor = SignInAs("editor");
  Response old = SendArticle(editor, "/newsroom/articles", "An old story", "Long ago.", "publish",
                             true, "/newsroom/articles",
                             {{"publish_at", "2020-01-01T08:00"}, {"comments_close_days", "3"}});
  ASSERT_EQ(old.status, 303) << old.body;
  auto id = FirstMatch(LocationPath(old.Header("location").value_or("")), R"(/articles/(\d+))");
  ASSERT_TRUE(id.has_value());
  ArticleRow row{std::stoll(*id), "an-old-story", "An old story"};
  Response page = Get(port(), row.PagePath());
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"comment-form\""), std::string::npos);
  Response api = Get(port(), "/api/v1/articles/" + *id);
  EXPECT_NE(api.body.find("\"comments_open\":false"), std::string::npos) << api.body;
  std::string comment = FormEncode({{"name", "Late"}, {"body", "Too late to comment."}});
  Response posted = Fetch(port(), {"POST", row.PostPath(), kForm, comment});
  EXPECT_EQ(posted.status, 403);
  EXPECT_NE(posted.body.find("Too late to comment."), std::string::npos);  // the text kept
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// Admins manage staff from the web: add (a password shown once), a new
// password (sessions end), removal (sessions end); never themselves.
TEST_F(NewsroomArticles, AnAdminManagesStaffFromTheWeb) {
  CookieJar editor = SignInAs("editor");
  EXPECT_EQ(GetAs(editor, "/newsroom/staff").status, 403);
  CookieJar moderator = SignInAs("moderator");
  EXPECT_EQ(GetAs(moderator, "/newsroom/staff").status, 403);
  CookieJar admin = SignInAs("admin");
  Response page = GetAs(admin, "/newsroom/staff");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/newsroom/staff\""), std::string::npos);
  std::string token = TokenOn(page.body);

  Response added = PostAs(admin, "/newsroom/staff", {{"t", token}, {"name", "nino"}, {"role", "editor"}});
  ASSERT_EQ(added.status, 200) << added.body;
  auto password = FirstMatch(added.body, R"re(The password of <b>nino</b> is <code>([^<]+)</code>)re");
  ASSERT_TRUE(password.has_value()) << added.body;
  EXPECT_EQ(PostAs(admin, "/newsroom/staff", {{"t", token}, {"name", "nino"}, {"role", "editor"}})
                .status,
            409);  // taken
  EXPECT_EQ(PostAs(admin, "/newsroom/staff", {{"t", token}, {"name", "x"}, {"role", "boss"}}).status,
            400);
  EXPECT_EQ(PostAs(moderator, "/newsroom/staff",
                   {{"t", TokenOn(GetAs(moderator, "/newsroom/queue").body)},
                    {"name", "mallory"}, {"role", "admin"}})
                .status,
            403);

  // nino signs in with the password shown.
  passwords_["nino"] = *password;
  Response nino_in = Fetch(port(), {"POST", "/newsroom/sign-in", kForm,
                                    FormEncode({{"name", "nino"}, {"password", *password}})});
  ASSERT_EQ(nino_in.status, 303);
  CookieJar nino;
  nino.Store(nino_in);
  EXPECT_EQ(GetAs(nino, "/newsroom/articles").status, 200);

  auto nino_id = FirstMatch(GetAs(admin, "/newsroom/staff").body,
                            R"re(action="/newsroom/staff/(\d+)"><input type="hidden" name="t" value="[^"]*"><button type="submit" name="do" value="password">New password for nino)re");
  ASSERT_TRUE(nino_id.has_value());
  Response renewed = PostAs(admin, "/newsroom/staff/" + *nino_id, {{"t", token}, {"do", "password"}});
  ASSERT_EQ(renewed.status, 200);
  auto second = FirstMatch(renewed.body, R"re(The password of <b>nino</b> is <code>([^<]+)</code>)re");
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(*second, *password);
  EXPECT_EQ(GetAs(nino, "/newsroom/articles").status, 303);  // the old session ended

  Response removed = PostAs(admin, "/newsroom/staff/" + *nino_id, {{"t", token}, {"do", "remove"}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(GetAs(admin, "/newsroom/staff").body.find("New password for nino"), std::string::npos);
  EXPECT_EQ(Fetch(port(), {"POST", "/newsroom/sign-in", kForm,
                           FormEncode({{"name", "nino"}, {"password", *second}})})
                .status,
            401);

  // Not themselves (the page offers no button; a form made by hand is refused).
  // The fixture added editor-1, moderator-1 and admin-1 in that order: ids 1, 2, 3.
  EXPECT_NE(GetAs(admin, "/newsroom/staff").body.find("(you)"), std::string::npos);
  Response self = PostAs(admin, "/newsroom/staff/3", {{"t", token}, {"do", "remove"}});
  EXPECT_EQ(self.status, 409);
  EXPECT_NE(self.body.find("You cannot remove yourself"), std::string::npos);
  std::string audit = GetAs(admin, "/newsroom/audit?action=staff.").body;
  EXPECT_NE(audit.find("staff.create"), std::string::npos);
  EXPECT_NE(audit.find("staff.password"), std::string::npos);
  EXPECT_NE(audit.find("staff.remove"), std::string::npos);
  EXPECT_NE(audit.find("staff nino"), std::string::npos);
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

TEST_F(NewsroomArticles, AModeratorSearchesCommentsOfEveryStatus) {
  ArticleRow article = ListArticles(server_->db(), dir_.path()).front();
  CommentInput spam;
  spam.name = "Lucky Joe";
  spam.email = "joe@spam.example";
  spam.body = "Play at https://casino-search.example/x for a 100% bonus";
  ASSERT_EQ(PostCommentForm(port(), article, spam).status, 303);
  CommentInput ham;
  ham.name = "Nino";
  ham.body = "The bridge is a good idea.";
  ASSERT_EQ(PostCommentForm(port(), article, ham).status, 303);

  CookieJar editor = SignInAs("editor");
  EXPECT_EQ(GetAs(editor, "/newsroom/search?text=bridge").status, 403);
  CookieJar moderator = SignInAs("moderator");
  Response empty = GetAs(moderator, "/newsroom/search");
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body.find("No comment matches"), std::string::npos);  // nothing asked yet
  Response by_text = GetAs(moderator, "/newsroom/search?text=BRIDGE");
  EXPECT_NE(by_text.body.find("The bridge is a good idea."), std::string::npos);
  EXPECT_EQ(by_text.body.find("Lucky Joe"), std::string::npos);
  Response by_domain = GetAs(moderator, "/newsroom/search?domain=casino-search.example");
  EXPECT_NE(by_domain.body.find("Lucky Joe"), std::string::npos);
  EXPECT_NE(by_domain.body.find("1 found"), std::string::npos);
  Response by_address = GetAs(moderator, "/newsroom/search?address=127.0.0.&email=joe%40spam.example");
  EXPECT_NE(by_address.body.find("Lucky Joe"), std::string::npos);
  EXPECT_EQ(by_address.body.find("Nino"), std::string::npos);
  Response none = GetAs(moderator, "/newsroom/search?text=no-such-words-anywhere");
  EXPECT_NE(none.body.find("No comment matches."), std::string::npos);
  Response bad = GetAs(moderator, "/newsroom/search?text=bridge&since=yesterday&status=lost");
  EXPECT_EQ(bad.status, 200);
  EXPECT_NE(bad.body.find("was left out"), std::string::npos);
  EXPECT_NE(bad.body.find("The bridge is a good idea."), std::string::npos);
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

TEST(NewsroomDashboard, ShowsTheDaysTheQueueAndThisWeeksSpamDomains) {
  TempDir dir;
  std::string config = PostingConfigToml();
  config.replace(config.find("[spam]\nenabled = false\n"),
                 std::string("[spam]\nenabled = false\n").size(), "");
  TribuneServer server(dir.path(), config);
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  CommentInput ham;
  ham.body = "A fair point about the council's budget and the new bridge.";
  ASSERT_EQ(PostCommentForm(server.port(), article, ham).status, 303);
  CommentInput spam;
  spam.name = "Casino Bonus";
  spam.body = "Best online casino bonus: https://casino-dash.example/win play now";
  Response posted = PostCommentForm(server.port(), article, spam);
  ASSERT_EQ(posted.status, 303);
  ProcessResult marked = RunTribune({"moderate", "spam", std::to_string(PostedId(posted)), "--db",
                                     server.db().string()},
                                    dir.path());
  ASSERT_EQ(marked.exit_code, 0) << marked.err;
  ProcessResult add = RunTribune({"staff", "add", "mod", "--db", server.db().string()}, dir.path());
  std::string password = FirstMatch(add.out, R"(password: (\S+))").value_or("");
  Response in = Fetch(server.port(), {"POST", "/newsroom/sign-in", kForm,
                                      FormEncode({{"name", "mod"}, {"password", password}})});
  CookieJar jar;
  jar.Store(in);
  Response page = Get(server.port(), "/newsroom/dashboard", {{"Cookie", jar.HeaderValue()}});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(page.body.find("Comments a day, by the filter\u2019s action"), std::string::npos);
  EXPECT_NE(page.body.find("casino-dash.example"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("comments labelled by moderators"), std::string::npos);
  // Today's row counts both comments (whatever the filter made of them).
  std::smatch today;
  std::regex last_row(R"re(<tr><th scope="row">[0-9-]+</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td></tr>\s*</tbody>)re");
  ASSERT_TRUE(std::regex_search(page.body, today, last_row)) << page.body.substr(0, 4000);
  int64_t sum = 0;
  for (int i = 1; i <= 4; ++i) sum += std::stoll(today[i].str());
  EXPECT_EQ(sum, 2);
  EXPECT_EQ(Get(server.port(), "/newsroom/dashboard").status, 303);  // signed out: sign in
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// One decision on many selected comments; one that changed since the page
// was shown is left alone and counted.
TEST(NewsroomBulk, ModeratorsDecideSelectedCommentsAtOnce) {
  TempDir dir;
  std::string config = PostingConfigToml();
  config.replace(config.find("min_seconds = 0\n"), std::string("min_seconds = 0\n").size(),
                 "min_seconds = 0\npremoderation = \"everyone\"\n");
  TribuneServer server(dir.path(), config);
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    CommentInput in;
    in.name = "Reader " + std::to_string(i);
    in.body = "Held comment number " + std::to_string(i) + " for the bulk test.";
    Response r = PostCommentForm(server.port(), article, in);
    ASSERT_EQ(r.status, 303);
    ids.push_back(PostedId(r));
  }
  ProcessResult add = RunTribune({"staff", "add", "mod", "--db", server.db().string()}, dir.path());
  std::string password = FirstMatch(add.out, R"(password: (\S+))").value_or("");
  CookieJar jar;
  jar.Store(Fetch(server.port(), {"POST", "/newsroom/sign-in", kForm,
                                  FormEncode({{"name", "mod"}, {"password", password}})}));
  Response queue = Get(server.port(), "/newsroom/queue", {{"Cookie", jar.HeaderValue()}});
  ASSERT_EQ(queue.status, 200);
  ASSERT_NE(queue.body.find("<form id=\"bulk\""), std::string::npos);
  std::string token =
      UnescapeAttribute(FirstMatch(queue.body, R"re(name="t" value="([^"]*)")re").value_or(""));
  auto value_of = [&](int64_t id) {
    return FirstMatch(queue.body, "value=\"(" + std::to_string(id) + ":held:\\d+)\"").value_or("");
  };
  // Comment 3 is deleted from the command line after the page was shown.
  ASSERT_EQ(RunTribune({"moderate", "delete", std::to_string(ids[3]), "--db", server.db().string()},
                       dir.path()).exit_code, 0);
  HeaderList fields = {{"t", token}, {"show", "held"}, {"decision", "approve"}};
  for (int i : {0, 1, 3}) fields.emplace_back("c", value_of(ids[i]));
  HeaderList headers = kForm;
  headers.emplace_back("Cookie", jar.HeaderValue());
  Response done = Fetch(server.port(), {"POST", "/newsroom/bulk", headers, FormEncode(fields)});
  ASSERT_EQ(done.status, 303) << done.body;
  Response after = Get(server.port(), LocationPath(done.Header("location").value_or("")),
                       {{"Cookie", jar.HeaderValue()}});
  EXPECT_NE(after.body.find("2 comments are published. 1 changed since the page was shown"),
            std::string::npos) << after.body.substr(0, 3000);
  std::string page = Get(server.port(), article.PagePath()).body;
  EXPECT_NE(page.find("Held comment number 0"), std::string::npos);
  EXPECT_NE(page.find("Held comment number 1"), std::string::npos);
  EXPECT_EQ(page.find("Held comment number 2"), std::string::npos);  // not selected
  EXPECT_EQ(page.find("Held comment number 3"), std::string::npos);  // deleted meanwhile
  // A campaign is not a bulk decision; a forged selection is refused.
  fields[2] = {"decision", "campaign"};
  EXPECT_EQ(Fetch(server.port(), {"POST", "/newsroom/bulk", headers, FormEncode(fields)}).status, 400);
  EXPECT_EQ(Fetch(server.port(), {"POST", "/newsroom/bulk", headers,
                                  FormEncode({{"t", token}, {"decision", "spam"}, {"c", "x:y"}})})
                .status,
            400);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
