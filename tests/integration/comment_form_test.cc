// The comment form: posting, validation, limits, duplicates, markup, and the
// leech-link interstitial for links readers post.
#include <algorithm>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

class CommentForm : public SharedServerTest<CommentForm> {
 public:
  static std::string ConfigToml() { return PostingConfigToml(); }
  static void PrepareSuite() {
    open_ = AddArticle(server_->db(), work_dir(), "Integration: an open article",
                       "Readers may comment here.\n\nSecond paragraph.");
    closed_ = AddArticle(server_->db(), work_dir(), "Integration: a closed article",
                         "Comments are closed.", /*closed=*/true);
    for (const ArticleRow* a : {&open_, &closed_}) {
      if (!WaitForStatus(port(), a->PagePath(), 200)) {
        throw std::runtime_error("new article never showed: " + a->PagePath());
      }
    }
  }

 protected:
  // Each post gets its own body: identical ones would be merged as duplicates.
  static std::string UniqueBody(const std::string& text) {
    static int counter = 0;
    return text + " (remark " + std::to_string(++counter) + ")";
  }

  static int64_t CountOn(const ArticleRow& a) {
    Response r = Get(port(), a.PagePath());
    return r.status == 200 ? CommentsCount(r.body) : -1;
  }

  static Response PostRaw(const ArticleRow& a, const std::string& body) {
    return Fetch(
        port(),
        Request{
            "POST", a.PostPath(), {{"Content-Type", "application/x-www-form-urlencoded"}}, body});
  }

  static inline ArticleRow open_;
  static inline ArticleRow closed_;
};

TEST_F(CommentForm, FormHasFieldsAndChallenge) {
  Response r = Get(port(), open_.PagePath());
  ASSERT_EQ(r.status, 200);
  auto form = FirstMatch(r.body, R"((<form id="comment-form"[^>]*>))");
  ASSERT_TRUE(form) << "no <form id=\"comment-form\">";
  EXPECT_NE(form->find("method=\"post\""), std::string::npos) << *form;
  EXPECT_NE(form->find("action=\"" + open_.PostPath() + "\""), std::string::npos) << *form;
  for (const char* field : {"name", "email", "body", "code"}) {
    EXPECT_TRUE(FirstMatch(r.body, std::string("name=\"") + field + "\"")) << field;
  }
  EXPECT_TRUE(ChallengeCode(r.body)) << "no 4-digit challenge";
}

TEST_F(CommentForm, PostPublishesCommentAtTopOfPageOne) {
  int64_t before = CountOn(open_);
  ASSERT_GE(before, 0);
  CommentInput input{"Maria K.", "maria@example.org", UniqueBody("I was at the meeting too.")};
  Response r = PostCommentForm(port(), open_, input);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string location = LocationPath(r.Header("Location").value_or(""));
  int64_t id = PostedId(r);
  ASSERT_GT(id, 0) << location;
  EXPECT_EQ(location,
            open_.PagePath() + "?posted=" + std::to_string(id) + "#c" + std::to_string(id));

  Response page = Get(port(), location.substr(0, location.find('#')));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("notice-ok"), std::string::npos);
  EXPECT_EQ(CommentsCount(page.body), before + 1);
  auto ids = CommentIds(page.body);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), id);
  EXPECT_EQ(CommentNumbers(page.body).front(), before + 1);
  EXPECT_NE(page.body.find("Maria K."), std::string::npos);
  EXPECT_NE(page.body.find(input.body), std::string::npos);
}

TEST_F(CommentForm, EmailIsNeverShown) {
  const std::string email = "hidden-7f3q@example.net";
  Response r = PostCommentForm(port(), open_, {"Quiet Reader", email, UniqueBody("Keep my mail.")});
  ASSERT_EQ(r.status, 303) << r.body;
  for (const std::string& path :
       {open_.PagePath(), LocationPath(r.Header("Location").value_or("/")),
        open_.Base() + "/comments.rss",
        "/api/v1/articles/" + std::to_string(open_.id) + "/comments", std::string("/")}) {
    Response page = Get(port(), path.substr(0, path.find('#')));
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body.find("hidden-7f3q"), std::string::npos) << path << " shows the e-mail";
  }
}

struct InvalidCase {
  const char* what;
  CommentInput input;
  std::optional<std::string> code;  // nullopt: answer the challenge correctly
};

TEST_F(CommentForm, ValidationErrorsAre422AndCreateNothing) {
  const std::vector<InvalidCase> cases = {
      {"empty name", {"", "a@example.org", UniqueBody("Fine body.")}, {}},
      {"blank name", {"   ", "a@example.org", UniqueBody("Fine body.")}, {}},
      {"name over 60", {std::string(61, 'n'), "a@example.org", UniqueBody("Fine body.")}, {}},
      {"bad e-mail", {"Ann", "not-an-address", UniqueBody("Fine body.")}, {}},
      {"empty body", {"Ann", "a@example.org", ""}, {}},
      {"blank body", {"Ann", "a@example.org", " \n\t  \r\n "}, {}},
      {"body over 5000", {"Ann", "a@example.org", std::string(5001, 'x')}, {}},
      {"wrong code", {"Ann", "a@example.org", UniqueBody("Fine body.")}, {}},
      {"empty code", {"Ann", "a@example.org", UniqueBody("Fine body.")}, std::string("")},
  };
  int64_t before = CountOn(open_);
  for (const InvalidCase& c : cases) {
    HeaderList fields = FreshFormFields(port(), open_);
    std::string& code = fields.back().second;
    if (c.what == std::string("wrong code")) {
      for (char& d : code) d = static_cast<char>('0' + (d - '0' + 1) % 10);
    } else if (c.code) {
      code = *c.code;
    }
    Response r = PostForm(port(), open_, fields, c.input);
    EXPECT_EQ(r.status, 422) << c.what;
    EXPECT_TRUE(FirstMatch(r.body, R"re(<ul class="form-errors"[ >][\s\S]*?<li)re")) << c.what;
    EXPECT_NE(r.body.find("<form id=\"comment-form\""), std::string::npos) << c.what;
  }
  EXPECT_EQ(CountOn(open_), before);
}

TEST_F(CommentForm, NameOfSixtyCharactersIsAccepted) {
  std::string name;
  for (int i = 0; i < 60; ++i) name += "é";  // 60 characters, 120 bytes
  Response r = PostCommentForm(port(), open_, {name, "e@example.org", UniqueBody("Long name.")});
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
}

size_t Utf8Length(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// `chars` characters of mostly two-byte letters, ending in `tail`.
std::string TextOfLength(size_t chars, const std::string& tail) {
  std::string text;
  const std::string words[] = {"ça ", "va ", "où ", "déjà "};
  for (int i = 0; Utf8Length(text) + Utf8Length(tail) + 5 < chars; ++i) text += words[i % 4];
  while (Utf8Length(text) + Utf8Length(tail) < chars) text += "é";
  return text + tail;
}

TEST_F(CommentForm, BodyLimitCountsCharactersNotBytes) {
  // 5000 characters, about 7000 bytes: accepted.
  std::string at_limit = TextOfLength(5000, UniqueBody(""));
  ASSERT_EQ(Utf8Length(at_limit), 5000u);
  Response r = PostCommentForm(port(), open_, {"Verbose", "v@example.org", at_limit});
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
  // One more character: refused.
  std::string over = TextOfLength(5001, UniqueBody(""));
  Response refused = PostCommentForm(port(), open_, {"Verbose", "v@example.org", over});
  EXPECT_EQ(refused.status, 422);
}

TEST_F(CommentForm, RejectedFormKeepsEscapedInput) {
  CommentInput input{"Ann <i>Lee</i>", "ann+tag@example.org",
                     "<script>alert(1)</script> & \"quoted\" " + UniqueBody("")};
  Response r = PostCommentForm(port(), open_, input, std::string("abcd"));
  ASSERT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Ann &lt;i&gt;Lee&lt;/i&gt;"), std::string::npos);
  EXPECT_NE(r.body.find("ann+tag@example.org"), std::string::npos) << "e-mail not kept";
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "), std::string::npos);
  EXPECT_EQ(r.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(r.body.find("<i>Lee"), std::string::npos);
}

TEST_F(CommentForm, InvalidUtf8IsRejectedWith400) {
  int64_t before = CountOn(open_);
  const std::string bad = "caf\xC3\x28 \xFF\xFE";
  for (const char* field : {"name", "email", "body", "code"}) {
    HeaderList fields = FreshFormFields(port(), open_);
    fields.insert(fields.end(),
                  {{"name", "Ann"}, {"email", "a@example.org"}, {"body", UniqueBody("Body")}});
    for (auto& [k, v] : fields) {
      if (k == field) v = bad;
    }
    Response r = PostRaw(open_, FormEncode(fields));
    EXPECT_EQ(r.status, 400) << field;
    std::string lower = r.body;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(lower.find("utf-8"), std::string::npos) << field << ": " << r.body.substr(0, 500);
  }
  EXPECT_EQ(CountOn(open_), before);
}

TEST_F(CommentForm, UnknownArticleIs404) {
  ArticleRow ghost{987654321, "ghost", "ghost"};
  Response r = PostRaw(
      ghost,
      FormEncode(
          {{"name", "Ann"}, {"email", "a@example.org"}, {"body", "Hello"}, {"code", "1234"}}));
  EXPECT_EQ(r.status, 404);
}

TEST_F(CommentForm, ClosedArticleIs403) {
  Response page = Get(port(), closed_.PagePath());
  ASSERT_EQ(page.status, 200);
  // A closed article may show no form; then post what a stale page had.
  HeaderList fields = HiddenFormFields(page.body);
  fields.emplace_back("code", ChallengeCode(page.body).value_or("1234"));
  Response r = PostForm(port(), closed_, fields, {"Ann", "a@example.org", UniqueBody("Late?")});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(CommentsCount(Get(port(), closed_.PagePath()).body), 0);
}

TEST_F(CommentForm, OversizedRequestBodyIs413) {
  std::string huge = FormEncode({{"name", "Ann"},
                                 {"email", "a@example.org"},
                                 {"body", std::string(70 * 1024, 'z')},
                                 {"code", "1234"}});
  HttpConnection conn(port());
  Request post{
      "POST", open_.PostPath(), {{"Content-Type", "application/x-www-form-urlencoded"}}, huge};
  conn.SendRaw(BuildRequest(post, port()));  // the server may stop reading early
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r) << "connection closed without a response";
  EXPECT_EQ(r->status, 413);
}

TEST_F(CommentForm, DoubleSubmissionYieldsOneComment) {
  int64_t before = CountOn(open_);
  CommentInput input{"Hasty Reader", "h@example.org", UniqueBody("Did this post?")};
  Response first = PostCommentForm(port(), open_, input);
  Response second = PostCommentForm(port(), open_, input);
  ASSERT_EQ(first.status, 303);
  ASSERT_EQ(second.status, 303);
  EXPECT_EQ(PostedId(first), PostedId(second));
  EXPECT_EQ(CountOn(open_), before + 1);
}

TEST_F(CommentForm, BbcodeRendersAndRawHtmlIsEscaped) {
  CommentInput input{"Markup Fan", "m@example.org",
                     UniqueBody("[b]bold words[/b] and <a href=https://x/>go</a> and "
                                "[url=https://example.org/story]the story[/url]")};
  Response r = PostCommentForm(port(), open_, input);
  ASSERT_EQ(r.status, 303) << r.body;
  int64_t id = PostedId(r);
  Response page = Get(port(), open_.PagePath());
  auto li = FirstMatch(page.body,
                       "(<li class=\"comment\" id=\"c" + std::to_string(id) + "\"[\\s\\S]*?</li>)");
  ASSERT_TRUE(li) << "comment " << id << " not on page 1";
  EXPECT_NE(li->find("<b>bold words</b>"), std::string::npos) << *li;
  EXPECT_NE(li->find("&lt;a href=https://x/&gt;go&lt;/a&gt;"), std::string::npos) << *li;
  EXPECT_EQ(li->find("<a href=https://x/>"), std::string::npos);
  auto anchor = FirstMatch(*li, R"((<a [^>]*>the story</a>))");
  ASSERT_TRUE(anchor) << *li;
  EXPECT_NE(anchor->find("rel=\"ugc nofollow noopener\""), std::string::npos) << *anchor;
}

TEST_F(CommentForm, HostileNameIsEscapedOnThePage) {
  CommentInput input{"<img src=x onerror=alert(1)>", "x@example.org",
                     UniqueBody("Nothing to see.")};
  Response r = PostCommentForm(port(), open_, input);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1000);
  Response page = Get(port(), open_.PagePath());
  auto li = FirstMatch(page.body, "(<li class=\"comment\" id=\"c" + std::to_string(PostedId(r)) +
                                      "\"[\\s\\S]*?</li>)");
  ASSERT_TRUE(li);
  EXPECT_NE(li->find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << *li;
  EXPECT_EQ(page.body.find("<img src=x"), std::string::npos);
}

// Numbers are fixed at publication: a new comment never renumbers old ones.
TEST_F(CommentForm, NumbersStayStableWhenCommentsArrive) {
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(
        PostCommentForm(port(), open_, {"Seeder", "s@example.org", UniqueBody("Seed.")}).status,
        303);
  }
  Response before = Get(port(), open_.PagePath());
  std::vector<int64_t> ids = CommentIds(before.body);
  std::vector<int64_t> numbers = CommentNumbers(before.body);
  ASSERT_EQ(ids.size(), numbers.size());
  ASSERT_GE(ids.size(), 2u);
  Response r = PostCommentForm(port(), open_, {"Late", "l@example.org", UniqueBody("Late.")});
  ASSERT_EQ(r.status, 303);
  Response after = Get(port(), open_.PagePath());
  std::vector<int64_t> ids_after = CommentIds(after.body);
  std::vector<int64_t> numbers_after = CommentNumbers(after.body);
  ASSERT_GE(ids_after.size(), 2u);
  EXPECT_EQ(ids_after.front(), PostedId(r));
  EXPECT_EQ(numbers_after.front(), numbers.front() + 1);
  // The old comments keep their numbers (one may have moved to page 2).
  for (size_t i = 1; i < ids_after.size(); ++i) {
    EXPECT_EQ(ids_after[i], ids[i - 1]);
    EXPECT_EQ(numbers_after[i], numbers[i - 1]);
  }
}

TEST_F(CommentForm, LeechLinkShowsInterstitialAndChecksSignature) {
  const std::string target = "https://example.org/leech-target";
  Response r = PostCommentForm(
      port(), open_,
      {"Linker", "l@example.org", UniqueBody("See [leech=" + target + "]this[/leech]")});
  ASSERT_EQ(r.status, 303);
  Response page = Get(port(), open_.PagePath());
  auto li = FirstMatch(page.body, "(<li class=\"comment\" id=\"c" + std::to_string(PostedId(r)) +
                                      "\"[\\s\\S]*?</li>)");
  ASSERT_TRUE(li);
  auto href = FirstMatch(*li, R"lit(href="(/go\?[^"]*)")lit");
  ASSERT_TRUE(href) << "the link does not go through /go: " << *li;
  std::string go = UnescapeAttribute(*href);
  Response leave = Get(port(), go);
  ASSERT_EQ(leave.status, 200) << go;
  EXPECT_NE(leave.body.find("You are leaving"), std::string::npos);
  EXPECT_NE(leave.body.find("href=\"" + target + "\""), std::string::npos);

  auto sig = FirstMatch(go, R"([?&]s=([^&]*))");
  ASSERT_TRUE(sig);
  std::string forged = go;
  forged.replace(forged.find("s=" + *sig), 2 + sig->size(), "s=" + std::string(sig->size(), 'A'));
  EXPECT_EQ(Get(port(), forged).status, 400);
  std::string other = "/go?u=" + PercentEncode("https://evil.example/") + "&s=" + *sig;
  EXPECT_EQ(Get(port(), other).status, 400);
}

}  // namespace
}  // namespace tribune::itest

namespace tribune::itest {
namespace {

// The default configuration, as a real site runs it: the form guard wants a
// reader to take a few seconds, spam scoring and rate limits are on.
class DefaultGuards : public SharedServerTest<DefaultGuards> {
 public:
  static void PrepareSuite() {
    article_ = AddArticle(server_->db(), work_dir(), "Guarded article", "Comment slowly.");
    if (!WaitForStatus(port(), article_.PagePath(), 200)) {
      throw std::runtime_error("new article never showed: " + article_.PagePath());
    }
  }

 protected:
  static inline ArticleRow article_;
};

TEST_F(DefaultGuards, ReaderWhoTakesTimeToWriteIsPublished) {
  CookieJar jar;
  HeaderList fields = FreshFormFields(port(), article_, &jar);
  // Writing a comment takes a person longer than the guard's minimum (3 s).
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  Response r = PostForm(port(), article_, fields,
                        {"Patient Reader", "patient@example.org",
                         "Thank you for the clear report, the map of the new route helps a lot."},
                        jar);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  Response page = Get(port(), article_.PagePath());
  auto ids = CommentIds(page.body);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), PostedId(r));
}

TEST_F(DefaultGuards, InstantPostIsRefusedAndCreatesNothing) {
  int64_t before = CommentsCount(Get(port(), article_.PagePath()).body);
  Response r = PostCommentForm(port(), article_,
                               {"Hasty Bot", "bot@example.org", "Posted the instant it loaded."});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(CommentsCount(Get(port(), article_.PagePath()).body), before);
}

}  // namespace
}  // namespace tribune::itest
