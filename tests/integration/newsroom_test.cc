// The newsroom: staff sign in (accounts from `tribune staff`), see each held
// comment with the filter's reasons, and decide, one comment or a whole
// campaign at once, teaching the filter as they go.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "site_helpers.h"
#include "tribune_process.h"

namespace tribune::itest {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

class Newsroom : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new TribuneServer(dir_->path(), OpenConfig());
    server_->Start();
    article_ = new ArticleRow(ListArticles(server_->db(), dir_->path()).front());
    password_ = new std::string(AddStaff("maria"));
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << server_->Logs();
    delete password_;
    delete article_;
    delete server_;
    delete dir_;
  }

  // `tribune staff add NAME` on the server's database.
  static std::string AddStaff(const std::string& name) {
    return itest::AddStaff(server_->db(), dir_->path(), name);
  }

  static Response SignIn(const std::string& name, const std::string& password) {
    return Fetch(port(), {"POST", "/newsroom/sign-in", kForm,
                          FormEncode({{"name", name}, {"password", password}})});
  }

  // A signed-in moderator's cookies.
  static CookieJar SignedIn() {
    CookieJar jar;
    Response r = SignIn("maria", *password_);
    EXPECT_EQ(r.status, 303) << r.body;
    jar.Store(r);
    return jar;
  }

  static Response GetAs(const CookieJar& jar, const std::string& path) {
    return Get(port(), path, {{"Cookie", jar.HeaderValue()}});
  }

  // The form token on a newsroom page.
  static std::string TokenOn(const std::string& html) {
    auto t = FirstMatch(html, R"re(<input type="hidden" name="t" value="([^"]*)")re");
    return t ? UnescapeAttribute(*t) : std::string();
  }

  // The queue item of comment `id` on a newsroom page ("" when absent).
  static std::string ItemOn(const std::string& page, int64_t id) {
    size_t at = page.find("id=\"q" + std::to_string(id) + "\"");
    if (at == std::string::npos) return {};
    return page.substr(at, page.find("</article>", at) - at);
  }

  // Posts a decision as the item's form on `page` would: its token, and what
  // the page showed of the comment.
  static Response Decide(const CookieJar& jar, const std::string& page, int64_t id,
                         const std::string& decision, const std::string& show = "held") {
    std::string item = ItemOn(page, id);
    EXPECT_FALSE(item.empty()) << "comment " << id << " is not on the page";
    HeaderList headers = kForm;
    headers.emplace_back("Cookie", jar.HeaderValue());
    return Fetch(port(),
                 {"POST", "/newsroom/comments/" + std::to_string(id), headers,
                  FormEncode({{"t", TokenOn(page)},
                              {"decision", decision},
                              {"show", show},
                              {"seen", FirstMatch(item, R"re(name="seen" value="([^"]*)")re")
                                           .value_or("")},
                              {"seen_edit",
                               FirstMatch(item, R"re(name="seen_edit" value="([^"]*)")re")
                                   .value_or("")}})});
  }

  // The same with every field given, for refused requests.
  static Response RawDecide(const CookieJar& jar, int64_t id, const HeaderList& fields) {
    HeaderList headers = kForm;
    headers.emplace_back("Cookie", jar.HeaderValue());
    return Fetch(port(), {"POST", "/newsroom/comments/" + std::to_string(id), headers,
                          FormEncode(fields)});
  }

  static int64_t Post(const std::string& name, const std::string& body) {
    Response r = PostCommentForm(port(), *article_, {name, "", body});
    EXPECT_EQ(r.status, 303) << r.body;
    return PostedId(r);
  }

  static std::string StatusOf(int64_t id) {
    return Explain(*server_, dir_->path(), id).value("status", "");
  }

  static int port() { return server_->port(); }

  static TempDir* dir_;
  static TribuneServer* server_;
  static ArticleRow* article_;
  static std::string* password_;
};

TempDir* Newsroom::dir_ = nullptr;
TribuneServer* Newsroom::server_ = nullptr;
ArticleRow* Newsroom::article_ = nullptr;
std::string* Newsroom::password_ = nullptr;

TEST_F(Newsroom, PagesNeedASignedInMember) {
  Response queue = Get(port(), "/newsroom/queue");
  EXPECT_EQ(queue.status, 303);
  EXPECT_EQ(LocationPath(queue.Header("location").value_or("")), "/newsroom/sign-in");
  Response page = Get(port(), "/newsroom/sign-in");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"password\" type=\"password\""), std::string::npos);
  EXPECT_EQ(page.Header("cache-control").value_or(""), "no-store");
  EXPECT_NE(page.Header("x-robots-tag").value_or("").find("noindex"), std::string::npos);
  EXPECT_EQ(page.Header("x-frame-options").value_or(""), "DENY");
  // A forged session is no session.
  Response forged = Get(port(), "/newsroom/queue", {{"Cookie", "tn=1.9999999999.00112233"}});
  EXPECT_EQ(forged.status, 303);
  EXPECT_EQ(Fetch(port(), {"DELETE", "/newsroom/queue", {}, ""}).status, 405);
  EXPECT_EQ(Get(port(), "/newsroom/nothing-here").status, 404);
}

TEST_F(Newsroom, AWrongPasswordIsRefusedAndTheNameKept) {
  Response wrong = SignIn("maria", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("Wrong name or password."), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"maria\""), std::string::npos);
  EXPECT_FALSE(wrong.Header("set-cookie").has_value());
  // An unknown name gets the same answer.
  EXPECT_EQ(SignIn("nobody", "whatever-it-is").status, 401);
  Response ok = SignIn("maria", *password_);
  ASSERT_EQ(ok.status, 303) << ok.body;
  std::string cookie = ok.Header("set-cookie").value_or("");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/newsroom"), std::string::npos);
}

TEST_F(Newsroom, AModeratorSeesWhyAHeldCommentWasHeldAndApprovesIt) {
  int64_t id = Post("First Poster", "First! http://short-example.top/x");
  ASSERT_EQ(StatusOf(id), "held") << "the fixture comment should be held";
  CookieJar jar = SignedIn();
  Response queue = GetAs(jar, "/newsroom/queue");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_EQ(queue.Header("cache-control").value_or(""), "no-store");
  std::string html = ItemOn(queue.body, id);
  ASSERT_FALSE(html.empty()) << "the held comment is not in the queue";
  // The verdict, every reason with its evidence, and the text as written.
  EXPECT_NE(html.find("<strong class=\"verdict-hold\">hold</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<code>LINK_SUSPICIOUS_TLD</code>"), std::string::npos) << html;
  EXPECT_NE(html.find("short-example.top"), std::string::npos) << html;
  EXPECT_NE(html.find("<code>MODEL</code>"), std::string::npos) << html;
  EXPECT_NE(html.find(article_->title.substr(0, 20)), std::string::npos) << html;
  // A held comment offers approve, spam, campaign and delete; not restore.
  EXPECT_NE(html.find("value=\"approve\""), std::string::npos);
  EXPECT_EQ(html.find("value=\"restore\""), std::string::npos);
  std::string token = TokenOn(queue.body);
  ASSERT_FALSE(token.empty());
  const HeaderList good = {{"t", token}, {"decision", "approve"}, {"seen", "held"},
                           {"seen_edit", "0"}};

  // Without the page's token (a form on another site), nothing happens.
  HeaderList forged = good;
  forged[0].second = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(RawDecide(jar, id, forged).status, 403);
  EXPECT_EQ(StatusOf(id), "held");
  // Nor without the session, nor by GET.
  EXPECT_EQ(RawDecide(CookieJar(), id, good).status, 403);
  EXPECT_EQ(GetAs(jar, "/newsroom/comments/" + std::to_string(id)).status, 405);
  HeaderList unknown = good;
  unknown[1].second = "promote";
  EXPECT_EQ(RawDecide(jar, id, unknown).status, 400);
  HeaderList restore = good;
  restore[1].second = "restore";  // not a decision for a held comment
  EXPECT_EQ(RawDecide(jar, id, restore).status, 400);
  EXPECT_EQ(RawDecide(jar, 999999, good).status, 404);
  EXPECT_EQ(StatusOf(id), "held");

  Response approved = Decide(jar, queue.body, id, "approve");
  ASSERT_EQ(approved.status, 303) << approved.body;
  std::string back = LocationPath(approved.Header("location").value_or(""));
  EXPECT_EQ(StatusOf(id), "published");
  Response after = GetAs(jar, back);
  EXPECT_NE(after.body.find("Comment " + std::to_string(id) + " is published."), std::string::npos)
      << back;
  EXPECT_TRUE(ItemOn(after.body, id).empty());
  // What the filter did, and that a moderator overruled it here.
  EXPECT_NE(after.body.find("The filter, last 7 days"), std::string::npos);
  auto approved_holds = FirstMatch(after.body, R"((\d+) held comments approved)");
  ASSERT_TRUE(approved_holds.has_value()) << after.body;
  EXPECT_GE(std::stoi(*approved_holds), 1);
  EXPECT_NE(after.body.find("<code>LINK_SUSPICIOUS_TLD</code>"), std::string::npos)
      << "the reason that held it is among the frequent ones";
  // The reader sees it at once: the article's cached page was dropped.
  EXPECT_NE(Get(port(), article_->PagePath()).body.find("short-example.top"), std::string::npos);

  // A second moderator's page still shows it held: their click changes nothing.
  Response stale = Decide(jar, queue.body, id, "spam");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_NE(stale.body.find("has changed since your page showed it"), std::string::npos);
  EXPECT_EQ(StatusOf(id), "published");
}

// Every staff action is in the audit log: who, what, on what, when, from
// where, before and after; from the web and the command line alike.
TEST_F(Newsroom, TheAuditLogShowsWhoDidWhatFromWhere) {
  int64_t id = Post("Audit Poster", "Cheap pills http://pills-example.top/buy now");
  ASSERT_EQ(StatusOf(id), "held");
  CookieJar jar = SignedIn();
  Response queue = GetAs(jar, "/newsroom/queue");
  ASSERT_EQ(Decide(jar, queue.body, id, "spam").status, 303);
  ProcessResult cli = RunTribune(
      {"moderate", "restore", std::to_string(id), "--db", server_->db().string()}, dir_->path());
  ASSERT_EQ(cli.exit_code, 0) << cli.err;

  std::string target = "comment " + std::to_string(id);
  Response log = GetAs(jar, "/newsroom/audit?target=" + FormEncode({{"", target}}).substr(1));
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.Header("cache-control").value_or(""), "no-store");
  // Newest first: the command line's restore, then the moderator's spam.
  size_t restore = log.body.find("<td>comment.restore</td>");
  size_t spam = log.body.find("<td>comment.spam</td>");
  ASSERT_NE(restore, std::string::npos) << log.body;
  ASSERT_NE(spam, std::string::npos) << log.body;
  EXPECT_LT(restore, spam);
  std::string web_row = log.body.substr(log.body.rfind("<tr>", spam), 400);
  EXPECT_NE(web_row.find("<td>maria</td>"), std::string::npos) << web_row;
  EXPECT_NE(web_row.find("<td>127.0.0.1</td>"), std::string::npos) << web_row;
  EXPECT_NE(web_row.find("<td>held</td><td>spam</td>"), std::string::npos) << web_row;
  std::string cli_row = log.body.substr(log.body.rfind("<tr>", restore), 400);
  EXPECT_NE(cli_row.find("<td>cli:"), std::string::npos) << cli_row;
  EXPECT_NE(cli_row.find("<td>spam</td><td>published</td>"), std::string::npos) << cli_row;

  // Filters: by who, by a kind of action; a bad date is named, not guessed.
  Response mine = GetAs(jar, "/newsroom/audit?actor=maria&action=staff.");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("<td>staff.sign_in</td>"), std::string::npos);
  EXPECT_EQ(mine.body.find("<td>comment."), std::string::npos);
  Response bad = GetAs(jar, "/newsroom/audit?since=yesterday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("is not a date"), std::string::npos);
  EXPECT_EQ(GetAs(jar, "/newsroom/audit?since=2020-01-01&until=2020-01-31").body.find("<tbody>"),
            std::string::npos)
      << "nothing happened in January 2020";
  // Only for staff.
  EXPECT_EQ(Get(port(), "/newsroom/audit").status, 303);
}

// A ban on an e-mail domain: its posts get the ordinary answer and land in
// spam with the ban as their reason; lifting it ends that; both are audited.
TEST_F(Newsroom, ABannedSendersPostsGoQuietlyToSpam) {
  CookieJar jar = SignedIn();
  Response page = GetAs(jar, "/newsroom/bans");
  ASSERT_EQ(page.status, 200) << page.body;
  HeaderList headers = kForm;
  headers.emplace_back("Cookie", jar.HeaderValue());
  auto add = [&](const HeaderList& fields) {
    return Fetch(port(), {"POST", "/newsroom/bans", headers, FormEncode(fields)});
  };
  // A pattern that is not of its kind is refused, named, and the form kept.
  Response wrong = add({{"t", TokenOn(page.body)}, {"kind", "address"},
                        {"pattern", "banned.example"}, {"reason", "spam"}, {"days", "30"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("An address ban is an IPv4 or IPv6 address"), std::string::npos)
      << wrong.body;
  EXPECT_NE(wrong.body.find("value=\"banned.example\""), std::string::npos);
  // Without the page's token nothing happens.
  EXPECT_EQ(add({{"t", "forged"}, {"kind", "email"}, {"pattern", "@banned.example"}}).status,
            403);
  Response added = add({{"t", TokenOn(page.body)}, {"kind", "email"},
                        {"pattern", "@banned.example"}, {"reason", "casino links"}, {"days", "30"}});
  ASSERT_EQ(added.status, 303) << added.body;

  Response banned_post = PostCommentForm(
      port(), *article_, {"Quiet Sender", "promo@BANNED.example", "A calm remark on the budget."});
  ASSERT_EQ(banned_post.status, 303) << "the sender gets the ordinary answer";
  int64_t id = PostedId(banned_post);
  nlohmann::json why = Explain(*server_, dir_->path(), id);
  EXPECT_EQ(why.value("status", ""), "spam");
  EXPECT_NE(why.dump().find("BANNED"), std::string::npos) << why.dump();
  EXPECT_NE(why.dump().find("casino links"), std::string::npos) << why.dump();
  int64_t other = Post("Free Reader", "A calm remark on the budget, from elsewhere.");
  EXPECT_EQ(StatusOf(other), "published");

  // Lifting it: the next post from there is judged as any other.
  Response listed = GetAs(jar, "/newsroom/bans");
  auto ban_id = FirstMatch(listed.body, R"re(action="/newsroom/bans/(\d+)")re");
  ASSERT_TRUE(ban_id.has_value()) << listed.body;
  EXPECT_NE(listed.body.find("@banned.example"), std::string::npos);
  Response lifted = Fetch(port(), {"POST", "/newsroom/bans/" + *ban_id, headers,
                                   FormEncode({{"t", TokenOn(listed.body)}})});
  ASSERT_EQ(lifted.status, 303) << lifted.body;
  Response again = PostCommentForm(
      port(), *article_, {"Quiet Sender", "promo@banned.example", "Another calm remark today."});
  ASSERT_EQ(again.status, 303);
  EXPECT_EQ(StatusOf(PostedId(again)), "published");

  Response audit = GetAs(jar, "/newsroom/audit?action=ban.");
  EXPECT_NE(audit.body.find("<td>ban.add</td>"), std::string::npos) << audit.body;
  EXPECT_NE(audit.body.find("<td>ban.remove</td>"), std::string::npos) << audit.body;
  EXPECT_NE(audit.body.find("email @banned.example (casino links)"), std::string::npos);
}

TEST_F(Newsroom, HostileTextIsShownAsTextOnTheQueue) {
  int64_t id = Post("<script>alert(1)</script>",
                    "First! \"><img src=x onerror=alert(2)> http://short-example.top/y");
  ASSERT_EQ(StatusOf(id), "held");
  CookieJar jar = SignedIn();
  std::string html = ItemOn(GetAs(jar, "/newsroom/queue").body, id);
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos) << html;
  // A name typed at sign-in comes back as text too.
  Response r = SignIn("\"><b>x</b>", "nothing");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body.find("<b>x</b>"), std::string::npos);
}

TEST_F(Newsroom, DeletedAndRestoredFromTheirTabs) {
  int64_t id = Post("Second Poster", "Second! http://short-example.top/z");
  ASSERT_EQ(StatusOf(id), "held");
  CookieJar jar = SignedIn();
  Response deleted = Decide(jar, GetAs(jar, "/newsroom/queue").body, id, "delete");
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(StatusOf(id), "deleted");
  Response tab = GetAs(jar, "/newsroom/queue?show=deleted");
  ASSERT_FALSE(ItemOn(tab.body, id).empty()) << "the deleted comment is not in its tab";
  Response restored = Decide(jar, tab.body, id, "restore", "deleted");
  ASSERT_EQ(restored.status, 303) << restored.body;
  EXPECT_EQ(StatusOf(id), "published");
}

TEST_F(Newsroom, AModeratorTakesDownACampaignFromThePublishedList) {
  const std::vector<std::string> spun = {
      "What a lovely piece about the new library opening, thank you for writing it. I will "
      "tell all my colleagues and relatives about it today.",
      "What a lovely piece about the new library opening, thanks for writing it! I will tell "
      "all of my colleagues and relatives about it today.",
      "Such a lovely piece about the new library opening, thank you for writing it. I shall "
      "tell all my colleagues and relatives about it today."};
  std::vector<int64_t> ids;
  for (size_t i = 0; i < spun.size(); ++i) ids.push_back(Post("Admirer " + std::to_string(i), spun[i]));
  int64_t other = Post("Patron", "Will the library keep its Sunday opening hours in winter?");
  for (int64_t id : ids) ASSERT_EQ(StatusOf(id), "published");

  CookieJar jar = SignedIn();
  Response list = GetAs(jar, "/newsroom/queue?show=published");
  ASSERT_EQ(list.status, 200);
  ASSERT_NE(list.body.find("id=\"q" + std::to_string(ids[0]) + "\""), std::string::npos);
  EXPECT_NE(list.body.find("aria-current=\"page\">Published"), std::string::npos);
  // The queue links to what the decision would take down; looking changes nothing.
  auto link = FirstMatch(ItemOn(list.body, ids[0]),
                         R"re(href="(/newsroom/comments/\d+/campaign[^"]*)")re");
  ASSERT_TRUE(link.has_value()) << ItemOn(list.body, ids[0]);
  Response preview = GetAs(jar, UnescapeAttribute(*link));
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("2 more comments would be marked spam"), std::string::npos)
      << preview.body;
  for (int64_t id : ids) {
    EXPECT_NE(preview.body.find("<b>Comment " + std::to_string(id) + "</b>"), std::string::npos);
    EXPECT_EQ(StatusOf(id), "published");
  }
  EXPECT_EQ(preview.body.find("<b>Comment " + std::to_string(other) + "</b>"), std::string::npos);
  // The moderator confirms on the preview page.
  HeaderList headers = kForm;
  headers.emplace_back("Cookie", jar.HeaderValue());
  Response r = Fetch(
      port(), {"POST", "/newsroom/comments/" + std::to_string(ids[0]), headers,
               FormEncode({{"t", TokenOn(preview.body)},
                           {"decision", "campaign"},
                           {"show", "published"},
                           {"seen", FirstMatch(preview.body, R"re(name="seen" value="([^"]*)")re")
                                        .value_or("")},
                           {"seen_edit",
                            FirstMatch(preview.body, R"re(name="seen_edit" value="([^"]*)")re")
                                .value_or("")}})});
  ASSERT_EQ(r.status, 303) << r.body;
  for (int64_t id : ids) EXPECT_EQ(StatusOf(id), "spam") << id;
  EXPECT_EQ(StatusOf(other), "published");
  Response after = GetAs(jar, LocationPath(r.Header("location").value_or("")));
  EXPECT_NE(after.body.find("with 2 more that join a spam campaign"), std::string::npos);
  Response spam = GetAs(jar, "/newsroom/queue?show=spam");
  for (int64_t id : ids) {
    EXPECT_NE(spam.body.find("id=\"q" + std::to_string(id) + "\""), std::string::npos) << id;
  }
  EXPECT_NE(spam.body.find("value=\"restore\""), std::string::npos);
  // The filter learned the campaign: the next copy is caught on arrival.
  int64_t again = Post("Admirer 4",
                       "What a lovely piece about the new library opening, thank you so much for "
                       "writing it. I will tell all my colleagues and relatives about it today.");
  EXPECT_NE(StatusOf(again), "published");
  EXPECT_TRUE(HasReason(Explain(*server_, dir_->path(), again), "CAMPAIGN_SPAM"))
      << Explain(*server_, dir_->path(), again).dump() << server_->Logs(3000);
}

TEST_F(Newsroom, SigningOutAndANewPasswordEndSessions) {
  CookieJar jar = SignedIn();
  Response queue = GetAs(jar, "/newsroom/queue");
  ASSERT_EQ(queue.status, 200);
  HeaderList headers = kForm;
  headers.emplace_back("Cookie", jar.HeaderValue());
  Response out = Fetch(port(), {"POST", "/newsroom/sign-out", headers,
                                FormEncode({{"t", TokenOn(queue.body)}})});
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.Header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);
  // The old cookie, kept by someone who copied it, no longer works either.
  EXPECT_EQ(GetAs(jar, "/newsroom/queue").status, 303);

  std::string pw = AddStaff("tamar");
  CookieJar tamar;
  Response in = SignIn("tamar", pw);
  ASSERT_EQ(in.status, 303);
  tamar.Store(in);
  ASSERT_EQ(GetAs(tamar, "/newsroom/queue").status, 200);
  ProcessResult reset = RunTribune({"staff", "password", "tamar", "--db", server_->db().string()},
                                   dir_->path());
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_EQ(GetAs(tamar, "/newsroom/queue").status, 303) << "the old session still works";
  EXPECT_EQ(SignIn("tamar", pw).status, 401);
  ProcessResult removed = RunTribune({"staff", "remove", "tamar", "--db", server_->db().string()},
                                     dir_->path());
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(RunTribune({"staff", "remove", "tamar", "--db", server_->db().string()}, dir_->path())
                .exit_code,
            1);
}

// Failed sign-ins, on a server of their own so that the limits they trip
// touch no other test.
// Pre-moderation of newcomers: a first comment under an e-mail waits for a
// moderator, with the reason shown; once one is approved, the next publishes.
// A reader reports a comment: the form, its refusal when no reason is given
// (the details kept), the thanks; the report reaches the moderators' queue.
TEST_F(Newsroom, AReadersReportReachesTheQueue) {
  int64_t id = Post("Loud Poster", "Everyone who disagrees with me is a fool.");
  ASSERT_EQ(StatusOf(id), "published");
  std::string form_path = "/comments/" + std::to_string(id) + "/report";
  Response form = Get(port(), form_path);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("Everyone who disagrees"), std::string::npos);
  EXPECT_NE(Get(port(), article_->PagePath()).body.find("href=\"" + form_path + "\""),
            std::string::npos)
      << "every comment links to its report form";
  Response none = Fetch(port(), {"POST", form_path, kForm,
                                 FormEncode({{"details", "insults readers"}})});
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("insults readers"), std::string::npos) << "the details are kept";
  Response sent = Fetch(port(), {"POST", form_path, kForm,
                                 FormEncode({{"reason", "abuse"}, {"details", "insults readers"}})});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_NE(Get(port(), LocationPath(sent.Header("location").value_or(""))).body.find("Thank you"),
            std::string::npos);
  EXPECT_EQ(StatusOf(id), "published") << "one reader does not hold it";
  CookieJar jar = SignedIn();
  std::string item = ItemOn(GetAs(jar, "/newsroom/queue?show=published").body, id);
  EXPECT_NE(item.find("Reported by 1 reader"), std::string::npos) << item;
  EXPECT_NE(item.find("abuse: insults readers"), std::string::npos) << item;
  EXPECT_EQ(Get(port(), "/comments/999999/report").status, 404);
  // /newsroom/reports: reported comments of any status, decided from there.
  std::string reports = GetAs(jar, "/newsroom/reports").body;
  EXPECT_NE(reports.find("href=\"/newsroom/reports\" aria-current=\"page\""), std::string::npos);
  std::string reported = ItemOn(reports, id);
  EXPECT_NE(reported.find("abuse: insults readers"), std::string::npos) << reports.substr(0, 3000);
  EXPECT_NE(reported.find("<span class=\"status\">published</span>"), std::string::npos);
  Response decided = Decide(jar, reports, id, "delete", "reported");
  ASSERT_EQ(decided.status, 303) << decided.body;
  EXPECT_EQ(LocationPath(decided.Header("location").value_or("")).rfind("/newsroom/reports?", 0), 0u);
  EXPECT_EQ(StatusOf(id), "deleted");
}

// Enough readers' reports hold a comment ([comments] reports_to_hold).
TEST(Reports, EnoughReportsHoldAComment) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig("reports_to_hold = 1\n"));
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response posted = PostCommentForm(server.port(), article,
                                    {"Reported Reader", "", "A comment that will be reported."});
  ASSERT_EQ(posted.status, 303);
  int64_t id = PostedId(posted);
  ASSERT_NE(Get(server.port(), article.PagePath()).body.find("will be reported"),
            std::string::npos);
  Response sent = Fetch(server.port(), {"POST", "/comments/" + std::to_string(id) + "/report",
                                        kForm, FormEncode({{"reason", "spam"}})});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(Explain(server, dir.path(), id).value("status", ""), "held");
  EXPECT_EQ(Get(server.port(), article.PagePath()).body.find("will be reported"),
            std::string::npos)
      << "the article's cached page was refreshed";
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

TEST(Premoderation, NewcomersWaitForAModeratorOnce) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig("premoderation = \"newcomers\"\n"));
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  Response first = PostCommentForm(server.port(), article,
                                   {"New Reader", "new@reader.example", "Thanks for the report."});
  ASSERT_EQ(first.status, 303) << first.body;
  int64_t id = PostedId(first);
  nlohmann::json why = Explain(server, dir.path(), id);
  EXPECT_EQ(why.value("status", ""), "held");
  EXPECT_NE(why.dump().find("PREMODERATED"), std::string::npos) << why.dump();
  ProcessResult approved = RunTribune(
      {"moderate", "approve", std::to_string(id), "--db", server.db().string()}, dir.path());
  ASSERT_EQ(approved.exit_code, 0) << approved.err;
  Response second = PostCommentForm(server.port(), article,
                                    {"New Reader", "new@reader.example", "And one more thought."});
  ASSERT_EQ(second.status, 303);
  EXPECT_EQ(Explain(server, dir.path(), PostedId(second)).value("status", ""), "published");
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

TEST(NewsroomLimits, WrongPasswordsAreSlowedPerNameAndNetworkWithoutLockingTheNameOut) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  std::string pw = AddStaff(server.db(), dir.path(), "guessed");
  AddStaff(server.db(), dir.path(), "other");
  // The test server trusts no forwarding header, so every request comes from
  // 127.0.0.1: one network.
  auto sign_in = [&](const std::string& name, const std::string& password) {
    return Fetch(server.port(), {"POST", "/newsroom/sign-in", kForm,
                                 FormEncode({{"name", name}, {"password", password}})})
        .status;
  };
  // Five wrong guesses at one name from one network: the sixth is refused,
  // even with the right password, from that network.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in("guessed", "guess-" + std::to_string(i)), 401);
  EXPECT_EQ(sign_in("guessed", pw), 429);
  // Another name from the same network is still tried...
  EXPECT_EQ(sign_in("other", "wrong-one"), 401);
  // ...until the network as a whole has failed ten times.
  for (int i = 0; i < 3; ++i) sign_in("other", "wrong-" + std::to_string(i));
  EXPECT_EQ(sign_in("nobody-" + std::string(200, 'x'), "x"), 401);  // an absurd name: just wrong
  EXPECT_EQ(sign_in("other", "wrong-9"), 429);
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

// Sign-in attempts from 40 networks at once (one IPv6 /56 holds 256 /64s;
// here, 40 /24s of 127.0.0.0/8) keep the sign-in queue full, so a browser the
// server does not know is turned away with 503. A moderator whose browser
// signed in before still gets in, within seconds.
TEST(NewsroomFlood, AKnownDeviceSignsInWithinSecondsWhileFortyNetworksFlood) {
  using Clock = std::chrono::steady_clock;
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  std::string pw = AddStaff(server.db(), dir.path(), "maria");
  auto sign_in = [&](const std::string& cookie) {
    HeaderList headers = kForm;
    if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
    return Fetch(server.port(), {"POST", "/newsroom/sign-in", headers,
                                 FormEncode({{"name", "maria"}, {"password", pw}})});
  };
  // An earlier day at her desk: the browser becomes a known device.
  Response earlier = sign_in("");
  ASSERT_EQ(earlier.status, 303) << earlier.body;
  CookieJar jar;
  jar.Store(earlier);
  std::optional<std::string> device = jar.Get("td");
  ASSERT_TRUE(device) << "no known-device cookie was set at sign-in";

  std::atomic<bool> stop{false};
  std::atomic<int> attempts{0}, turned_away{0};
  std::vector<std::thread> flood;
  for (int network = 1; network <= 40; ++network) {
    flood.emplace_back([&, network] {
      std::string from = "127.0." + std::to_string(network) + ".1";
      while (!stop) {
        try {
          HttpConnection conn(server.port(), std::chrono::seconds(10), from);
          while (!stop) {
            int n = attempts++;
            Response r = conn.Send({"POST", "/newsroom/sign-in", kForm,
                                    FormEncode({{"name", "user" + std::to_string(n % 7)},
                                                {"password", "guess-" + std::to_string(n)}})});
            if (r.status == 503) ++turned_away;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
        } catch (const std::exception&) {
          // The connection ended; the flood goes on with another.
        }
      }
    });
  }
  auto deadline = Clock::now() + std::chrono::seconds(15);
  while (turned_away < 40 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  int stranger = sign_in("").status;  // a browser the server does not know
  auto started = Clock::now();
  Response known = sign_in("td=" + *device);
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  stop = true;
  for (auto& t : flood) t.join();
  EXPECT_GE(turned_away.load(), 40) << "the flood never filled the sign-in queue ("
                                    << attempts.load() << " attempts)";
  RecordProperty("flood_attempts", attempts.load());
  RecordProperty("flood_turned_away", turned_away.load());
  RecordProperty("unknown_browser_status", stranger);
  ASSERT_EQ(known.status, 303) << known.body;
  EXPECT_LT(seconds, 5.0);
  CookieJar session;
  session.Store(known);
  EXPECT_EQ(Get(server.port(), "/newsroom/queue", {{"Cookie", session.HeaderValue()}}).status,
            200);
  EXPECT_EQ(server.Stop(), 0) << server.Logs();
}

}  // namespace
}  // namespace tribune::itest
