// Starting and stopping the server: graceful shutdown, crash durability,
// configuration errors, and the article CLI working beside a live server.
#include <signal.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

using std::chrono::milliseconds;

// Each test gets its own directory and, when it needs one, its own server
// (whose logs a failed test shows).
class Lifecycle : public ::testing::Test {
 protected:
  TribuneServer& StartServer(const std::string& config = "") {
    server_ = std::make_unique<TribuneServer>(dir_.path(), config);
    server_->Start();
    return *server_;
  }

  TempDir dir_;
  std::unique_ptr<TribuneServer> server_;
};

TEST_F(Lifecycle, SigtermExitsCleanly) {
  TribuneServer& server = StartServer();
  EXPECT_EQ(Get(server.port(), "/").status, 200);
  EXPECT_EQ(server.Stop(), 0);
}

// A second server on a port already served does not start: it would
// otherwise take a share of the first one's connections.
TEST_F(Lifecycle, ASecondServerOnTheSamePortRefusesToStart) {
  TribuneServer& server = StartServer();
  TempDir other;
  ProcessResult second =
      RunTribune({"serve", "--listen", "127.0.0.1:" + std::to_string(server.port()), "--db",
                  (other.path() / "other.db").string(), "--static-dir", StaticDir().string()},
                 other.path(), std::chrono::seconds(20));
  EXPECT_FALSE(second.timed_out) << "the second server kept running";
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE((second.out + second.err).find("Address already in use"), std::string::npos)
      << second.out << second.err;
  // Every connection still reaches the first server.
  for (int i = 0; i < 20; ++i) ASSERT_EQ(Get(server.port(), "/healthz").status, 200);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(Lifecycle, InFlightRequestIsAnsweredAfterSigterm) {
  TribuneServer& server = StartServer(PostingConfigToml());
  ArticleRow article = ListArticles(server.db(), dir_.path()).front();
  HeaderList fields = FreshFormFields(server.port(), article);
  fields.insert(fields.end(), {{"name", "Last Words"},
                               {"email", "l@example.org"},
                               {"body", "Posted while the server stops."}});
  std::string body = FormEncode(fields);
  HttpConnection conn(server.port());
  Request post{
      "POST", article.PostPath(), {{"Content-Type", "application/x-www-form-urlencoded"}}, body};
  std::string bytes = BuildRequest(post, server.port());
  size_t half = bytes.size() - body.size() / 2;
  ASSERT_TRUE(conn.SendRaw(bytes.substr(0, half)));

  ASSERT_EQ(::kill(server.pid(), SIGTERM), 0);
  // Once the listener is gone the signal has surely been handled.
  auto deadline = std::chrono::steady_clock::now() + milliseconds(2000);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      HttpConnection probe(server.port(), milliseconds(200));
    } catch (const std::runtime_error&) {
      break;
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  ASSERT_TRUE(conn.SendRaw(bytes.substr(half))) << "connection dropped mid-request";
  auto r = conn.ReadResponse();
  ASSERT_TRUE(r) << "no response to the in-flight request";
  EXPECT_EQ(r->status, 303) << r->body.substr(0, 1000);
  EXPECT_EQ(server.Stop(), 0) << "exit code after SIGTERM";
}

TEST_F(Lifecycle, CommentSurvivesKill9) {
  TribuneServer& server = StartServer(PostingConfigToml());
  ArticleRow article = ListArticles(server.db(), dir_.path()).front();
  Response posted = PostCommentForm(server.port(), article,
                                    {"Durable", "d@example.org", "Written before the crash."});
  ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 1000);
  int64_t id = PostedId(posted);
  ASSERT_GT(id, 0);

  server.Kill();
  server.Start();
  Response page = Get(server.port(), article.PagePath());
  ASSERT_EQ(page.status, 200);
  auto ids = CommentIds(page.body);
  EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << "comment " << id << " lost";
  EXPECT_NE(page.body.find("Written before the crash."), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(Lifecycle, RestartKeepsDataAndDoesNotReseed) {
  TribuneServer& server = StartServer();
  size_t before = ListArticles(server.db(), dir_.path()).size();
  ASSERT_EQ(server.Stop(), 0);
  server.Start();
  EXPECT_EQ(ListArticles(server.db(), dir_.path()).size(), before);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(Lifecycle, CliEditsShowOnTheLiveServer) {
  TribuneServer& server = StartServer();
  ArticleRow added = AddArticle(server.db(), dir_.path(), "Fresh from the CLI", "Body text.");
  EXPECT_TRUE(WaitForStatus(server.port(), added.PagePath(), 200, milliseconds(3000)))
      << "new article not served";
  WriteFile(dir_.path() / "new-body.txt", "Edited body text.");
  ProcessResult edit = RunTribune(
      {"article", "edit", "--db", server.db().string(), "--id", std::to_string(added.id), "--title",
       "Edited by the CLI", "--body-file", (dir_.path() / "new-body.txt").string()},
      dir_.path());
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  bool shown = false;
  auto deadline = std::chrono::steady_clock::now() + milliseconds(3000);
  while (!shown && std::chrono::steady_clock::now() < deadline) {
    Response r = Get(server.port(), "/api/v1/articles/" + std::to_string(added.id));
    shown = r.status == 200 && r.body.find("Edited by the CLI") != std::string::npos;
    if (!shown) std::this_thread::sleep_for(milliseconds(50));
  }
  EXPECT_TRUE(shown) << "edit not visible within 3 s";
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(Lifecycle, CliClosingAnArticleStopsComments) {
  TribuneServer& server = StartServer(PostingConfigToml());
  ArticleRow added = AddArticle(server.db(), dir_.path(), "Soon closed", "Body.");
  ProcessResult edit = RunTribune({"article", "edit", "--db", server.db().string(), "--id",
                                   std::to_string(added.id), "--closed", "true"},
                                  dir_.path());
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  // Restart so the change is certainly visible.
  ASSERT_EQ(server.Stop(), 0);
  server.Start();
  Response challenge = Get(server.port(), "/api/v1/challenge?article=" + std::to_string(added.id));
  ASSERT_EQ(challenge.status, 200);
  nlohmann::json answer = nlohmann::json::parse(challenge.body);
  nlohmann::json body = {{"author", "Ann"},
                         {"email", "a@example.org"},
                         {"body", "Hello"},
                         {"code", answer.value("code", "")}};
  if (answer.contains("token")) body["token"] = answer["token"];
  Response r =
      Fetch(server.port(), Request{"POST",
                                   "/api/v1/articles/" + std::to_string(added.id) + "/comments",
                                   {{"Content-Type", "application/json"}},
                                   body.dump()});
  EXPECT_EQ(r.status, 403);
}

TEST_F(Lifecycle, ArticleAddPrintsTheNewId) {
  TribuneServer& server = StartServer();
  ASSERT_EQ(server.Stop(), 0);
  size_t before = ListArticles(server.db(), dir_.path()).size();
  WriteFile(dir_.path() / "b.txt", "Body.");
  ProcessResult r =
      RunTribune({"article", "add", "--db", server.db().string(), "--title", "Numbers & <Signs>",
                  "--body-file", (dir_.path() / "b.txt").string(), "--lead", "A lead."},
                 dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(std::regex_match(r.out, std::regex(R"(\d+\n?)"))) << r.out;
  auto rows = ListArticles(server.db(), dir_.path());
  EXPECT_EQ(rows.size(), before + 1);
  auto it = std::find_if(rows.begin(), rows.end(),
                         [&](const ArticleRow& a) { return a.id == std::stoll(r.out); });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it->title, "Numbers & <Signs>");
  server.Start();
  Response page = Get(server.port(), it->PagePath());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Numbers &amp; &lt;Signs&gt;"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

struct BadConfig {
  const char* name;
  const char* toml;
  const char* key;  // must be named in the error message
};

void PrintTo(const BadConfig& c, std::ostream* os) { *os << c.name; }

class ConfigErrors : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigErrors, ServeRefusesToStartAndNamesTheKey) {
  TempDir dir;
  WriteFile(dir.path() / "bad.toml", GetParam().toml);
  ProcessResult r =
      RunTribune({"serve", "--config", (dir.path() / "bad.toml").string(), "--listen",
                  "127.0.0.1:" + std::to_string(PickFreePort()), "--db",
                  (dir.path() / "t.db").string(), "--static-dir", StaticDir().string()},
                 dir.path(), std::chrono::seconds(10));
  EXPECT_FALSE(r.timed_out) << "serve started despite a bad config";
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE((r.out + r.err).find(GetParam().key), std::string::npos)
      << "message does not name " << GetParam().key << ":\n"
      << r.out << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Lifecycle, ConfigErrors,
    ::testing::Values(
        BadConfig{"UnknownKey", "[server]\nread_timeout_msec = 100\n", "read_timeout_msec"},
        BadConfig{"UnknownTable", "[serverr]\nthreads = 2\n", "serverr"},
        BadConfig{"WrongType", "[server]\nread_timeout_ms = \"fast\"\n", "read_timeout_ms"},
        BadConfig{"WrongBoolType", "[comments]\nchallenge = 1\n", "challenge"},
        BadConfig{"NegativeValue", "[comments]\nper_page = -5\n", "per_page"},
        BadConfig{"EmptyAccessLog", "[server]\naccess_log = \"\"\n", "access_log"},
        BadConfig{"UnwritableAccessLog", "[server]\naccess_log = \"/dev/null/a.log\"\n",
                  "access_log"},
        BadConfig{"NegativeEditWindow", "[comments]\nedit_window_s = -1\n", "edit_window_s"},
        BadConfig{"TooManyThreads", "[server]\nthreads = 100000\n", "'server.threads'"},
        BadConfig{"MaxLengthBeyondAnyInteger", "[comments]\nmax_length = 9223372036854775807\n",
                  "'comments.max_length' must be between 1 and 100000"},
        BadConfig{"HugeBodyLimit", "[server]\nbody_limit = 2147483647\n", "'server.body_limit'"},
        BadConfig{"OneCharacterSecret", "[site]\nsecret = \"x\"\n", "'site.secret'"},
        BadConfig{"UnknownSpamSymbol", "[spam.scores]\nPHONE_NUMBRE = 2.0\n", "PHONE_NUMBRE"},
        BadConfig{"TypedCodeBelowTheWork", "[spam.scores]\nCODE_TYPED = -1\n", "CODE_TYPED"},
        BadConfig{"ShortApiKey", "[api]\nkeys = [\"app:short\"]\n", "'api.keys'"},
        BadConfig{"UnknownPremoderation", "[comments]\npremoderation = \"sometimes\"\n",
                  "'comments.premoderation'"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tribune::itest
