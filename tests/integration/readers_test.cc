// Readers over HTTP against a real `tribune serve` and real local receivers
// (tests/tools/sink.py: an SMTP server and a webhook endpoint): sign-up and
// confirmation by e-mailed link, sign-in by password and by one-time link,
// sessions ended everywhere, reserved names, [hide] for members, replies
// linked both ways, notifications only for published comments and
// unsubscribing, webhooks signed and retried, a mail server that is down,
// and readers' data: export and erasure, for members and guests.
#include <openssl/hmac.h>

#include <thread>

#include "mail_sink.h"
#include "server_fixture.h"

namespace tribune::itest {
namespace {

using namespace std::chrono_literals;

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};
constexpr const char* kHookSecret = "hook-secret-for-tests-0123456789";

std::string ReadersConfig(int smtp_port, int http_port, const std::string& comments_extra = "") {
  std::string out =
      "[comments]\nmin_seconds = 0\n" + comments_extra +
      "[limits]\nper_prefix_per_minute = 1e9\nper_email_per_minute = 1e9\n"
      "per_name_per_minute = 1e9\nper_article_per_minute = 1e9\n"
      "[spam]\nenabled = false\n"
      "[mail]\nsmtp_url = \"smtp://127.0.0.1:" + std::to_string(smtp_port) + "\"\n"
      "retry_s = 1\nstaff_alerts = [\"desk@example.org\"]\n"
      "[retention]\naddresses_days = 30\n";
  if (http_port) {
    out += "[webhooks]\nurls = [\"http://127.0.0.1:" + std::to_string(http_port) +
           "/hook\"]\nsecret = \"" + kHookSecret + "\"\n";
  }
  return out;
}

Response PostWith(int port, const std::string& path, const HeaderList& fields,
                  const CookieJar* jar = nullptr) {
  Request r{"POST", path, kForm, FormEncode(fields)};
  if (jar && !jar->HeaderValue().empty()) r.headers.emplace_back("Cookie", jar->HeaderValue());
  return Fetch(port, r);
}

Response GetWith(int port, const std::string& path, const CookieJar& jar) {
  return Get(port, path, {{"Cookie", jar.HeaderValue()}});
}

// The path and query of an absolute link from a mail.
std::string PathOf(const std::string& url) { return LocationPath(url); }

std::string QueryParam(const std::string& url, const std::string& name) {
  auto v = FirstMatch(url, "[?&]" + name + "=([^&#]*)");
  return v.value_or("");
}

// The profile page's form token (rt).
std::string ReaderFormToken(int port, const CookieJar& jar) {
  Response page = GetWith(port, "/account", jar);
  auto t = FirstMatch(page.body, R"re(name="rt" value="([^"]*)")re");
  return t ? UnescapeAttribute(*t) : "";
}

// Signs up, follows the e-mailed link and returns the signed-in browser's cookies.
CookieJar SignUp(int port, MailSink& sink, const std::string& name, const std::string& email,
                 const std::string& password = "") {
  CookieJar jar;
  Response made = PostWith(port, "/account/sign-up",
                           {{"name", name}, {"email", email}, {"password", password}});
  EXPECT_EQ(made.status, 200) << made.body;
  auto mail = sink.WaitFor(email, [](const ReceivedMail& m) {
    return m.subject.find("Confirm your address") != std::string::npos;
  });
  EXPECT_TRUE(mail.has_value()) << "no confirmation mail to " << email;
  if (!mail) return jar;
  auto link = mail->Link("/account/confirm");
  EXPECT_TRUE(link.has_value()) << mail->text;
  if (!link) return jar;
  Response page = Get(port, PathOf(*link));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Confirm and sign in"), std::string::npos);  // a click, not the GET
  Response done = PostWith(port, "/account/confirm", {{"t", QueryParam(*link, "t")}});
  EXPECT_EQ(done.status, 303) << done.body;
  jar.Store(done);
  return jar;
}

// A signed-in reader's comment: no name, address or challenge on their form.
Response ReaderPost(int port, const CookieJar& jar, const ArticleRow& a, const std::string& body,
                    HeaderList extra = {}) {
  extra.emplace_back("body", body);
  return PostWith(port, a.PostPath(), extra, &jar);
}

// A guest's comment through the page's form, with extra fields (reply_to, notify_*).
Response GuestPost(int port, const ArticleRow& a, const CommentInput& in, HeaderList extra = {}) {
  HeaderList fields = FreshFormFields(port, a);
  for (auto& f : extra) fields.push_back(f);
  return PostForm(port, a, fields, in);
}

std::string Hmac(const std::string& key, const std::string& message) {
  unsigned char mac[32];
  unsigned len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len);
  std::string out = "sha256=";
  char hex[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", mac[i]);
    out += hex;
  }
  return out;
}

// One server and one pair of receivers for the suite.
template <typename Suite>
class ReadersSuite : public ::testing::Test {
 public:
  static std::string CommentsExtra() { return ""; }
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    try {
      sink_ = std::make_unique<MailSink>(dir_->path() / "sink");
      server_ = std::make_unique<TribuneServer>(
          dir_->path(), ReadersConfig(sink_->smtp_port(), sink_->http_port(), Suite::CommentsExtra()));
      server_->Start();
      articles_ = ListArticles(server_->db(), dir_->path());
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }
  static void TearDownTestSuite() {
    if (server_ && server_->running()) EXPECT_EQ(server_->Stop(), 0) << server_->Logs();
    server_.reset();
    sink_.reset();
    dir_.reset();
    error_.clear();
  }

 protected:
  void SetUp() override {
    if (!error_.empty()) GTEST_FAIL() << "start-up failed: " << error_;
  }
  void TearDown() override {
    if (HasFailure() && server_) std::cerr << server_->Logs();
  }
  static int port() { return server_->port(); }
  static MailSink& sink() { return *sink_; }
  static TribuneServer& server() { return *server_; }
  static const std::filesystem::path& work_dir() { return dir_->path(); }
  // A fresh article (comments open, none yet).
  static ArticleRow NewArticle(const std::string& title, const std::string& body = "Body text.") {
    return AddArticle(server_->db(), dir_->path(), title, body);
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<MailSink> sink_;
  static inline std::unique_ptr<TribuneServer> server_;
  static inline std::vector<ArticleRow> articles_;
  static inline std::string error_;
};

class ReaderAccounts : public ReadersSuite<ReaderAccounts> {};

TEST_F(ReaderAccounts, SignUpConfirmByLinkThenSignInBothWays) {
  Response form = Get(port(), "/account/sign-up");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"email\""), std::string::npos);
  // Every page links to the account pages.
  EXPECT_NE(Get(port(), articles_.front().PagePath()).body.find("href=\"/account\""),
            std::string::npos);

  Response bad = PostWith(port(), "/account/sign-up",
                          {{"name", "Tamar"}, {"email", "not-an-address"}, {"password", "short"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"Tamar\""), std::string::npos);  // kept
  EXPECT_NE(bad.body.find("at least 10 characters"), std::string::npos);

  CookieJar jar = SignUp(port(), sink(), "Tamar Beridze", "tamar@example.org", "a long password 1");
  ASSERT_TRUE(jar.Get("tr").has_value());
  Response profile = GetWith(port(), "/account", jar);
  ASSERT_EQ(profile.status, 200);
  EXPECT_NE(profile.body.find("Tamar Beridze"), std::string::npos);
  EXPECT_EQ(Get(port(), "/account").status, 303);  // not signed in: to the sign-in page

  // The same address again: the answer gives nothing away; its owner gets a sign-in link.
  Response again = PostWith(port(), "/account/sign-up",
                            {{"name", "Someone Else"}, {"email", "TAMAR@example.org"}});
  EXPECT_EQ(again.status, 200);
  auto link_mail = sink().WaitFor("tamar@example.org", nullptr);
  ASSERT_TRUE(link_mail.has_value());
  EXPECT_NE(link_mail->subject.find("sign-in link"), std::string::npos) << link_mail->subject;

  Response wrong = PostWith(port(), "/account/sign-in",
                            {{"email", "tamar@example.org"}, {"password", "not the password"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("value=\"tamar@example.org\""), std::string::npos);
  Response right = PostWith(port(), "/account/sign-in",
                            {{"email", "tamar@example.org"}, {"password", "a long password 1"},
                             {"back", "/privacy"}});
  ASSERT_EQ(right.status, 303);
  EXPECT_EQ(LocationPath(*right.Header("Location")), "/privacy");
  CookieJar second;
  second.Store(right);

  // A one-time link: works once.
  ASSERT_EQ(PostWith(port(), "/account/sign-in-link", {{"email", "tamar@example.org"}}).status, 200);
  auto mail = sink().WaitFor("tamar@example.org", [](const ReceivedMail& m) {
    return m.subject.find("sign-in link") != std::string::npos;
  });
  ASSERT_TRUE(mail.has_value());
  std::string token = QueryParam(*mail->Link("/account/link"), "t");
  Response used = PostWith(port(), "/account/link", {{"t", token}});
  ASSERT_EQ(used.status, 303);
  CookieJar third;
  third.Store(used);
  EXPECT_EQ(PostWith(port(), "/account/link", {{"t", token}}).status, 422);  // spent
  // So is the link sent before it (each use moves the epoch on).
  EXPECT_EQ(PostWith(port(), "/account/link",
                     {{"t", QueryParam(*link_mail->Link("/account/link"), "t")}})
                .status,
            422);
  // An address with no account: the same answer, and no mail.
  ASSERT_EQ(PostWith(port(), "/account/sign-in-link", {{"email", "nobody@example.org"}}).status, 200);

  // Sign out everywhere: every session ends.
  EXPECT_EQ(GetWith(port(), "/account", second).status, 200);
  std::string rt = ReaderFormToken(port(), third);
  EXPECT_EQ(PostWith(port(), "/account/sign-out", {{"rt", "forged"}, {"everywhere", "1"}}, &third)
                .status,
            403);
  Response out = PostWith(port(), "/account/sign-out", {{"rt", rt}, {"everywhere", "1"}}, &third);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(GetWith(port(), "/account", second).status, 303);
  EXPECT_EQ(GetWith(port(), "/account", jar).status, 303);
  EXPECT_TRUE(sink().MailsTo("nobody@example.org").empty());
}

TEST_F(ReaderAccounts, NamesAreReservedAndMembersReadHiddenText) {
  CookieJar jar = SignUp(port(), sink(), "Nino Reader", "nino.reader@example.org");
  ArticleRow a = NewArticle("Members and guests");
  // A guest may not post under a member's name, nor under a look-alike of it.
  for (std::string name : {"Nino Reader", "NINO  reader", "N\u0456no Reader"}) {
    Response refused = GuestPost(port(), a, {name, "", "Pretending to be someone."});
    EXPECT_EQ(refused.status, 422) << name;
    EXPECT_NE(refused.body.find("belongs to a registered reader"), std::string::npos);
    EXPECT_NE(refused.body.find("Pretending to be someone."), std::string::npos);  // kept
  }
  // The member posts without a challenge, under their name whatever the form says.
  Response mine = ReaderPost(port(), jar, a, "Public words [hide]for members only[/hide]",
                             {{"name", "Somebody Else"}});
  ASSERT_EQ(mine.status, 303) << mine.body;
  Response guest_view = Get(port(), a.PagePath());
  EXPECT_NE(guest_view.body.find("Nino Reader"), std::string::npos);
  EXPECT_EQ(guest_view.body.find("Somebody Else"), std::string::npos);
  EXPECT_EQ(guest_view.body.find("for members only"), std::string::npos);
  EXPECT_NE(guest_view.body.find("hidden-text-locked"), std::string::npos);
  Response member_view = GetWith(port(), a.PagePath(), jar);
  EXPECT_NE(member_view.body.find("for members only"), std::string::npos);
  EXPECT_NE(member_view.body.find("Commenting as <strong>Nino Reader</strong>"), std::string::npos);
  EXPECT_EQ(member_view.Header("Cache-Control").value_or(""), "no-store");
  // Their comments and what became of them, on their profile.
  Response profile = GetWith(port(), "/account", jar);
  EXPECT_NE(profile.body.find("Public words"), std::string::npos);
  EXPECT_NE(profile.body.find("Published"), std::string::npos);
  // The guest's view is still the shared one: members' text never leaks into it.
  EXPECT_EQ(Get(port(), a.PagePath()).body.find("for members only"), std::string::npos);
}

class Replies : public ReadersSuite<Replies> {};

TEST_F(Replies, AReplyLinksToItsCommentAndBackOnWhateverPageEachIs) {
  ArticleRow a = NewArticle("A long thread");
  Response first = GuestPost(port(), a, {"Giorgi", "", "The first comment."});
  int64_t first_id = PostedId(first);
  ASSERT_GT(first_id, 0);
  // Without JavaScript: the reply link opens the form set to answer it.
  Response answering = Get(port(), a.PagePath() + "?reply=" + std::to_string(first_id));
  ASSERT_EQ(answering.status, 200);
  EXPECT_NE(answering.body.find("name=\"reply_to\" id=\"cf-reply-to\" value=\"" +
                                std::to_string(first_id) + "\""),
            std::string::npos);
  EXPECT_NE(answering.body.find("Replying to"), std::string::npos);
  Response reply = GuestPost(port(), a, {"Ana", "", "I answer the first."},
                             {{"reply_to", std::to_string(first_id)}});
  int64_t reply_id = PostedId(reply);
  ASSERT_GT(reply_id, 0);
  Response page = Get(port(), a.PagePath());
  EXPECT_NE(page.body.find("href=\"#c" + std::to_string(first_id) + "\">in reply to #1</a>"),
            std::string::npos);
  EXPECT_NE(page.body.find("Replies: <a href=\"#c" + std::to_string(reply_id) + "\">#2</a>"),
            std::string::npos);
  // 25 more: the first comment goes to page 2, and the links follow it there.
  for (int i = 0; i < 25; ++i) {
    ASSERT_EQ(GuestPost(port(), a, {"Filler", "", "Comment " + std::to_string(i)}).status, 303);
  }
  Response late = GuestPost(port(), a, {"Late", "", "Answering the very first, much later."},
                            {{"reply_to", std::to_string(first_id)}});
  int64_t late_id = PostedId(late);
  Response top = Get(port(), a.PagePath());
  EXPECT_NE(top.body.find("href=\"/comments/" + std::to_string(first_id) + "\">in reply to #1"),
            std::string::npos);
  Response go = Get(port(), "/comments/" + std::to_string(first_id));
  ASSERT_EQ(go.status, 302);
  EXPECT_EQ(LocationPath(*go.Header("Location")),
            a.CommentsPath(2) + "#c" + std::to_string(first_id));
  Response second = Get(port(), a.CommentsPath(2));
  EXPECT_NE(second.body.find("<a href=\"/comments/" + std::to_string(late_id) + "\">#28</a>"),
            std::string::npos);
  // A reply to what is not a published comment of this article keeps the text.
  Response orphan = GuestPost(port(), a, {"Ana", "", "Answer to nothing."}, {{"reply_to", "999999"}});
  EXPECT_EQ(orphan.status, 422);
  EXPECT_NE(orphan.body.find("Answer to nothing."), std::string::npos);
  EXPECT_EQ(Get(port(), "/comments/999999").status, 404);
}

class ReaderNotifications : public ReadersSuite<ReaderNotifications> {
 public:
  // Newcomers wait for a moderator: replies can be held, then approved.
  static std::string CommentsExtra() { return "premoderation = \"newcomers\"\n"; }
};

void Approve(TribuneServer& server, const std::filesystem::path& dir, int64_t id) {
  ProcessResult r = RunTribune({"moderate", "approve", std::to_string(id), "--db",
                                server.db().string()},
                               dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ReaderNotifications, RepliesAreMailedOnlyOncePublishedAndUnsubscribeWorks) {
  ArticleRow a = NewArticle("Notified thread");
  CookieJar jar = SignUp(port(), sink(), "Levan", "levan@example.org");
  Response mine = ReaderPost(port(), jar, a, "Tell me when someone answers.",
                             {{"notify_replies", "1"}});
  int64_t mine_id = PostedId(mine);
  ASSERT_GT(mine_id, 0);
  // A newcomer's first comment is held; a staff address hears of it.
  EXPECT_TRUE(sink().WaitFor("desk@example.org", [](const ReceivedMail& m) {
    return m.subject.find("waits for a moderator") != std::string::npos;
  }).has_value());
  Approve(server(), work_dir(), mine_id);

  // A guest follows the whole thread: confirmed by a link first.
  Response follower = GuestPost(port(), a, {"Eka", "eka@example.org", "I follow this."},
                                {{"notify_thread", "1"}});
  ASSERT_EQ(follower.status, 303);
  auto confirm = sink().WaitFor("eka@example.org", nullptr);
  ASSERT_TRUE(confirm.has_value());
  auto confirm_link = confirm->Link("/notifications/confirm");
  ASSERT_TRUE(confirm_link.has_value()) << confirm->text;
  EXPECT_EQ(Get(port(), PathOf(*confirm_link)).status, 200);
  EXPECT_EQ(Fetch(port(), {"POST", PathOf(*confirm_link), kForm, ""}).status, 200);
  Approve(server(), work_dir(), PostedId(follower));

  // A reply held for a moderator: nobody is told.
  Response reply = GuestPost(port(), a, {"Dato", "dato@example.org", "Here is your answer."},
                             {{"reply_to", std::to_string(mine_id)}});
  int64_t reply_id = PostedId(reply);
  ASSERT_GT(reply_id, 0);
  std::this_thread::sleep_for(3s);
  for (const ReceivedMail& m : sink().MailsTo("levan@example.org")) {
    EXPECT_EQ(m.subject.find("replied"), std::string::npos) << "told of a held reply";
  }
  // Published: the reply reaches its addressee, and the thread's follower.
  Approve(server(), work_dir(), reply_id);
  auto told = sink().WaitFor("levan@example.org", [](const ReceivedMail& m) {
    return m.subject.find("Dato replied to your comment") != std::string::npos;
  });
  ASSERT_TRUE(told.has_value());
  EXPECT_NE(told->text.find("Here is your answer."), std::string::npos);
  EXPECT_NE(told->text.find("/comments/" + std::to_string(reply_id)), std::string::npos);
  auto unsubscribe = told->Header("List-Unsubscribe");
  ASSERT_TRUE(unsubscribe.has_value());
  EXPECT_EQ(told->Header("List-Unsubscribe-Post").value_or(""), "List-Unsubscribe=One-Click");
  EXPECT_TRUE(sink().WaitFor("eka@example.org", [](const ReceivedMail& m) {
    return m.subject.find("New comment on") != std::string::npos;
  }).has_value());

  // One-click unsubscribe (RFC 8058): a POST to the header's URL.
  std::string url = unsubscribe->substr(1, unsubscribe->size() - 2);
  Response gone = Fetch(port(), {"POST", PathOf(url), kForm, "List-Unsubscribe=One-Click"});
  EXPECT_EQ(gone.status, 200) << gone.body;
  Response forged = Fetch(port(), {"POST", "/notifications/unsubscribe?s=1&t=00", kForm, ""});
  EXPECT_EQ(forged.status, 400);
  Response more = GuestPost(port(), a, {"Dato", "dato@example.org", "Another answer."},
                            {{"reply_to", std::to_string(mine_id)}});
  // Dato has a published comment now: no longer a newcomer, published at once.
  ASSERT_EQ(Explain(server(), work_dir(), PostedId(more)).value("status", ""), "published");
  ASSERT_TRUE(sink().WaitFor("eka@example.org", [](const ReceivedMail& m) {
    return m.text.find("Another answer.") != std::string::npos;
  }).has_value());
  for (const ReceivedMail& m : sink().MailsTo("levan@example.org")) {
    EXPECT_EQ(m.text.find("Another answer."), std::string::npos) << "mailed after unsubscribing";
  }
}

TEST_F(ReaderNotifications, WebhooksAreSignedAndRetriedUntilTheReceiverAnswers) {
  ArticleRow a = NewArticle("Hooked");
  size_t before = sink().Hooks().size();
  sink().SetHttpStatus(503);
  Response held = GuestPost(port(), a, {"Webhook Guest", "hook@example.org", "Watched words."});
  int64_t id = PostedId(held);
  ASSERT_GT(id, 0);
  std::this_thread::sleep_for(2s);
  EXPECT_EQ(sink().Hooks().size(), before);  // refused so far
  sink().SetHttpStatus(200);
  Approve(server(), work_dir(), id);
  std::vector<ReceivedHook> hooks;
  for (int i = 0; i < 100; ++i) {
    hooks = sink().Hooks();
    int seen = 0;
    for (const auto& h : hooks) {
      if (h.body.find("\"id\":" + std::to_string(id) + ",") == std::string::npos) continue;
      seen |= h.event == "comment.held" ? 1 : h.event == "comment.published" ? 2 : 4;
    }
    if (seen == 7) break;
    std::this_thread::sleep_for(200ms);
  }
  std::vector<std::string> events;
  for (const ReceivedHook& h : hooks) {
    if (h.body.find("\"id\":" + std::to_string(id) + ",") == std::string::npos) continue;
    events.push_back(h.event);
    EXPECT_EQ(h.signature, Hmac(kHookSecret, h.timestamp + "." + h.body)) << h.body;
    nlohmann::json body = nlohmann::json::parse(h.body);
    EXPECT_EQ(body["comment"]["text"], "Watched words.");
    EXPECT_FALSE(body["comment"].contains("email"));  // no personal data beyond the comment
  }
  // Held (delivered after the receiver came back), then decided and published.
  EXPECT_NE(std::find(events.begin(), events.end(), "comment.held"), events.end());
  EXPECT_NE(std::find(events.begin(), events.end(), "comment.decided"), events.end());
  EXPECT_NE(std::find(events.begin(), events.end(), "comment.published"), events.end());
}

TEST(ReaderMailServer, MailWaitsInTheOutboxWhileTheServerIsDown) {
  TempDir dir;
  int smtp_port = PickFreePort();
  TribuneServer server(dir.path(), ReadersConfig(smtp_port, 0));
  server.Start();
  Response made = PostWith(server.port(), "/account/sign-up",
                           {{"name", "Patient"}, {"email", "patient@example.org"}});
  ASSERT_EQ(made.status, 200);
  std::this_thread::sleep_for(2500ms);  // tried, refused, scheduled again
  MailSink sink(dir.path() / "sink", false, smtp_port);
  auto mail = sink.WaitFor("patient@example.org", nullptr, 20s);
  ASSERT_TRUE(mail.has_value()) << server.Logs();
  EXPECT_NE(mail->subject.find("Confirm your address"), std::string::npos);
  Response metrics = Get(server.port(), "/metrics");
  EXPECT_NE(metrics.body.find("tribune_outbox_retries_total"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ReaderMailLanguage, MailAndFeedsSpeakTheSitesLanguage) {
  TempDir dir;
  MailSink sink(dir.path() / "sink", false);
  TribuneServer server(dir.path(),
                       "[site]\nlanguage = \"ru\"\n" + ReadersConfig(sink.smtp_port(), 0));
  server.Start();
  // The reader's browser asks for English: the mail is still the site's.
  Request r{"POST", "/account/sign-up",
            {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept-Language", "en"}},
            FormEncode({{"name", "Тамара"}, {"email", "tamara@example.org"}})};
  ASSERT_EQ(Fetch(server.port(), r).status, 200);
  auto mail = sink.WaitFor("tamara@example.org", nullptr);
  ASSERT_TRUE(mail.has_value()) << server.Logs();
  EXPECT_NE(mail->subject.find("Подтвердите адрес"), std::string::npos) << mail->subject;
  EXPECT_NE(mail->text.find("Здравствуйте, Тамара!"), std::string::npos) << mail->text;
  EXPECT_NE(mail->text.find("30 минут"), std::string::npos) << mail->text;
  Response feed = Get(server.port(), "/rss.xml", {{"Accept-Language", "en"}});
  EXPECT_NE(feed.body.find("<language>ru</language>"), std::string::npos);
  EXPECT_NE(feed.body.find("Свежие новости"), std::string::npos);
  // A page without a choice is the site's language; the reader's browser still wins.
  EXPECT_NE(Get(server.port(), "/").body.find("<html lang=\"ru\">"), std::string::npos);
  EXPECT_NE(Get(server.port(), "/", {{"Accept-Language", "en"}}).body.find("<html lang=\"en\">"),
            std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

class ReaderData : public ReadersSuite<ReaderData> {};

TEST_F(ReaderData, MembersAndGuestsExportAndEraseWhatIsKept) {
  ArticleRow a = NewArticle("Data rights");
  CookieJar jar = SignUp(port(), sink(), "Mariam", "mariam@example.org");
  ASSERT_EQ(ReaderPost(port(), jar, a, "Mariam's first words.").status, 303);
  Response exported = GetWith(port(), "/account/export.json", jar);
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.Header("Content-Disposition").value_or("").find("attachment"), std::string::npos);
  nlohmann::json data = nlohmann::json::parse(exported.body);
  EXPECT_EQ(data["account"]["name"], "Mariam");
  ASSERT_EQ(data["comments"].size(), 1u);
  EXPECT_EQ(data["comments"][0]["text"], "Mariam's first words.");
  EXPECT_GE(data["mail"].size(), 1u);  // the confirmation

  std::string rt = ReaderFormToken(port(), jar);
  Response erased = PostWith(port(), "/account/erase", {{"rt", rt}, {"sure", "1"}}, &jar);
  ASSERT_EQ(erased.status, 200);
  EXPECT_NE(erased.body.find("anonymised"), std::string::npos);
  Response page = Get(port(), a.PagePath());
  EXPECT_NE(page.body.find("Mariam&#39;s first words."), std::string::npos);
  EXPECT_NE(page.body.find("Former reader"), std::string::npos);
  EXPECT_EQ(GetWith(port(), "/account", jar).status, 303);  // the account is gone

  // A guest, by a link sent to their address.
  ASSERT_EQ(GuestPost(port(), a, {"Guest Giga", "giga@example.org", "A guest's words."}).status, 303);
  ASSERT_EQ(PostWith(port(), "/account/data", {{"email", "giga@example.org"}}).status, 200);
  auto mail = sink().WaitFor("giga@example.org", nullptr);
  ASSERT_TRUE(mail.has_value());
  auto link = mail->Link("/account/data");
  ASSERT_TRUE(link.has_value()) << mail->text;
  Response data_page = Get(port(), PathOf(*link));
  ASSERT_EQ(data_page.status, 200);
  std::string e = QueryParam(*link, "e"), t = QueryParam(*link, "t");
  Response guest_export = Get(port(), "/account/data/export.json?e=" + e + "&t=" + t);
  ASSERT_EQ(guest_export.status, 200);
  nlohmann::json g = nlohmann::json::parse(guest_export.body);
  ASSERT_EQ(g["comments"].size(), 1u);
  EXPECT_EQ(g["comments"][0]["email"], "giga@example.org");
  EXPECT_EQ(Get(port(), "/account/data/export.json?e=" + e + "&t=1.forged").status, 403);
  Response guest_erase = PostWith(port(), "/account/data/erase",
                                  {{"e", "giga@example.org"}, {"t", t}, {"sure", "1"}});
  ASSERT_EQ(guest_erase.status, 200);
  EXPECT_EQ(Get(port(), a.PagePath()).body.find("Guest Giga"), std::string::npos);

  // The privacy notice says what is kept and for how long (from the configuration).
  Response privacy = Get(port(), "/privacy");
  ASSERT_EQ(privacy.status, 200);
  EXPECT_NE(privacy.body.find("30 days"), std::string::npos);  // [retention] addresses_days
  EXPECT_NE(privacy.body.find("365 days"), std::string::npos);
}

}  // namespace
}  // namespace tribune::itest
