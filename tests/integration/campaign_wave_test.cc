// A spun spam wave of a genre the model never trained on, posted through the
// real form beside ordinary readers' comments, cleared by a moderator's
// campaign decisions (`tribune moderate spam ID --campaign`): at most three
// decisions leave at most 5% of the wave published, and take no reader's
// comment down.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

constexpr int kWave = 300;
constexpr int kMaxDecisions = 3;
constexpr int kMaxLeft = kWave * 5 / 100;

// Expands "{a|b|c}" choices with `rng`: how spinning software writes a wave.
std::string Spin(const std::string& tmpl, std::mt19937& rng) {
  static const std::regex kChoice(R"(\{([^{}]*)\})");
  std::string out;
  auto begin = std::sregex_iterator(tmpl.begin(), tmpl.end(), kChoice);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += tmpl.substr(last, it->position() - last);
    std::vector<std::string> options;
    std::string all = (*it)[1];
    for (size_t start = 0;;) {
      size_t bar = all.find('|', start);
      options.push_back(all.substr(start, bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    out += options[std::uniform_int_distribution<size_t>(0, options.size() - 1)(rng)];
    last = it->position() + it->length();
  }
  return out + tmpl.substr(last);
}

std::vector<std::string> ReaderComments() {
  std::ifstream in(std::string(TRIBUNE_SOURCE_DIR) + "/tests/data/campaigns/legit_comments.txt");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// The ids of the article's published comments, from the API.
std::set<int64_t> PublishedIds(int port, int64_t article) {
  std::set<int64_t> ids;
  for (int page = 1;; ++page) {
    Response r = Get(port, "/api/v1/articles/" + std::to_string(article) +
                               "/comments?page=" + std::to_string(page));
    if (r.status != 200) break;
    auto j = nlohmann::json::parse(r.body);
    for (const auto& c : j["comments"]) ids.insert(c["id"].get<int64_t>());
    if (page >= j["pages"].get<int>()) break;
  }
  return ids;
}

struct WaveResult {
  int decisions = 0;
  int spam_published_before = 0, spam_published_after = 0;
  int readers_published_before = 0, readers_published_after = 0;
  std::string log;
};

// Posts the wave and the readers' comments interleaved on one article, then
// takes the wave down with campaign decisions, each on the first comment of
// the wave still published.
WaveResult RunWave(const std::vector<std::string>& templates, unsigned seed) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  std::mt19937 rng(seed);
  std::vector<std::string> readers = ReaderComments();
  std::vector<int64_t> wave, legit;
  size_t next_reader = 0;
  for (int i = 0; i < kWave; ++i) {
    std::string body;
    for (const std::string& t : templates) body += (body.empty() ? "" : " ") + Spin(t, rng);
    Response r = PostCommentForm(server.port(), article,
                                 {"Visitor " + std::to_string(seed) + "-" + std::to_string(i),
                                  "", body});
    EXPECT_EQ(r.status, 303) << r.body;
    wave.push_back(PostedId(r));
    if (i % 6 == 5 && next_reader < readers.size()) {
      Response rr = PostCommentForm(server.port(), article,
                                    {"Reader " + std::to_string(next_reader), "",
                                     readers[next_reader]});
      EXPECT_EQ(rr.status, 303) << rr.body;
      legit.push_back(PostedId(rr));
      ++next_reader;
    }
  }
  WaveResult out;
  auto count = [](const std::set<int64_t>& published, const std::vector<int64_t>& ids) {
    int n = 0;
    for (int64_t id : ids) n += published.count(id) > 0;
    return n;
  };
  std::set<int64_t> before = PublishedIds(server.port(), article.id);
  out.spam_published_before = count(before, wave);
  out.readers_published_before = count(before, legit);
  for (int d = 0; d < kMaxDecisions; ++d) {
    std::set<int64_t> published = PublishedIds(server.port(), article.id);
    auto first = std::find_if(wave.begin(), wave.end(),
                              [&](int64_t id) { return published.count(id) > 0; });
    if (first == wave.end()) break;
    ProcessResult r = RunTribune({"moderate", "spam", std::to_string(*first), "--campaign", "--db",
                                  server.db().string()},
                                 dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    out.log += r.out;
    ++out.decisions;
  }
  // The CLI's decisions reach the running server's cache within a second.
  std::set<int64_t> after;
  for (int i = 0; i < 30; ++i) {
    after = PublishedIds(server.port(), article.id);
    if (count(after, wave) <= kMaxLeft) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  out.spam_published_after = count(after, wave);
  out.readers_published_after = count(after, legit);
  for (int64_t id : legit) {
    EXPECT_EQ(out.log.find(std::to_string(id) + "\tspam"), std::string::npos)
        << "a reader's comment " << id << " was taken down with the campaign";
  }
  server.Stop();
  return out;
}

void Report(const WaveResult& r) {
  std::cout << "wave: " << r.spam_published_before << " of " << kWave << " published before, "
            << r.spam_published_after << " after " << r.decisions << " campaign decisions; "
            << "readers' comments published: " << r.readers_published_before << " before, "
            << r.readers_published_after << " after\n";
}

// A supplement sold with three link domains: the artifacts tie it together.
TEST(CampaignWave, ASpunProductWaveWithLinksIsClearedInThreeDecisions) {
  WaveResult r = RunWave(
      {"{Honestly|Truly|Really|Seriously|Frankly|To be fair|Believe me|I must say|No joke|Wow}, "
       "{this|the|your} {article|report|story|piece|write-up} {reminded me|made me think|got me "
       "thinking} of {my|our} {own|personal|family} {health|energy|sleep} {struggles|problems|"
       "issues|worries}.",
       "{After|Since} {trying|taking|using|starting} {VitaBoost|VitaBoost Max|VitaBoost Pro} "
       "{for a month|for two weeks|every morning|since spring}, I {feel|am|have felt} {ten years "
       "younger|full of energy|better than ever|like a new person}.",
       "{You can|Anyone can|Everyone should|Do yourself a favour and} {order|get|find|try} it "
       "{at|from|on} {vitaboost-store.com|vitaboost.shop|get-vitaboost.net} {today|now|this week|"
       "while it lasts}."},
      17);
  Report(r);
  EXPECT_LE(r.spam_published_after, kMaxLeft);
  EXPECT_EQ(r.readers_published_after, r.readers_published_before);
}

// Text alone, no link, number or handle: the campaign grows through its
// members' words.
TEST(CampaignWave, ASpunWaveWithoutArtifactsIsClearedInThreeDecisions) {
  WaveResult r = RunWave(
      {"{Last year|A while ago|Some months ago|Not long ago|Two years ago} I {was|felt} {stuck|"
       "lost|exhausted|burnt out|stressed} and {could not|couldn't|was unable to} {sleep|focus|"
       "relax|think clearly}.",
       "A {friend|colleague|neighbour|cousin} {told me about|recommended|showed me|introduced me "
       "to} the {Silent Pines|Silent Pine|Quiet Pines} {retreat|programme|method} and {it|the "
       "experience} {changed|transformed|turned around} {my life|everything|my whole life}.",
       "{Now|Today|These days} I {sleep|rest|work} {better|like a baby|without worries} and "
       "{my family|my wife|my kids|everyone around me} {noticed|can see|says} the {difference|"
       "change}.",
       "{Search for|Look up|Google|Ask about} {Silent Pines|the Silent Pines retreat|Silent "
       "Pines online} {and see for yourself|and thank me later|you will not regret it|it is worth "
       "it}."},
      29);
  Report(r);
  EXPECT_LE(r.spam_published_after, kMaxLeft);
  EXPECT_EQ(r.readers_published_after, r.readers_published_before);
}

// Every word of the template varies among ten choices, function words
// included: two variants share about a fifth of their words and few
// character shingles, so text similarity reaches only part of the wave. The
// campaign's vocabulary ties the rest: it stops growing (about 200 content
// words however many texts), and every word of a variant is one of its
// choices.
TEST(CampaignWave, AWaveSpunInEveryWordIsClearedInThreeDecisions) {
  WaveResult r = RunWave(
      {"{Last year|A while ago|Some months back|Not long ago|Two years ago|Once|Back in spring|Last "
       "winter|In March|Around Christmas} {I|my partner and I|me and my husband|my sister and I|we|"
       "my whole family|my brother|my dad|my mother|my best friend} {was|felt|found myself|got|"
       "became|ended up|grew|turned|seemed|went} {stuck|lost|exhausted|burnt out|stressed|"
       "overwhelmed|drained|anxious|hopeless|tired} and {could not|couldn't|was unable to|failed to|"
       "did not manage to|never could|struggled to|found it hard to|just could not|was not able to} "
       "{sleep|focus|relax|think clearly|rest|unwind|breathe|work|smile|cope}.",
       "{A friend|My colleague|A neighbour|My cousin|Someone at work|An old classmate|My doctor|A "
       "stranger|My yoga teacher|My boss} {told me about|recommended|showed me|introduced me to|"
       "mentioned|suggested|pointed me to|raved about|shared|linked me to} {the Silent Pines|Silent "
       "Pine|the Quiet Pines|Silent Pines|SilentPines|the Pines|Silent-Pines|the Silent Pine|Quiet "
       "Pine|the Pine} {retreat|programme|method|course|weekend|camp|sessions|plan|workshop|system} "
       "and {it|the experience|that|this|the whole thing|what happened|the result|the change|each "
       "day|every session} {changed|transformed|turned around|saved|rebuilt|healed|fixed|improved|"
       "restored|renewed} {my life|everything|my whole life|my year|my health|my marriage|my sleep|"
       "my mind|my career|my mood}.",
       "{Now|Today|These days|Since then|Ever since|At last|Finally|Lately|This year|Right now} I "
       "{sleep|rest|work|live|feel|wake up|travel|laugh|eat|think} {better|like a baby|without "
       "worries|in peace|calmer|happier|freely|easily|deeply|well} and {my family|my wife|my kids|"
       "everyone around me|my friends|my boss|my husband|my team|my parents|my neighbours} {noticed|"
       "can see|says|agrees|sees|tells me|loves|admires|feels|enjoys} the {difference|change|"
       "progress|result|energy|calm|glow|peace|smile|spark}.",
       "{Search for|Look up|Google|Ask about|Check out|Find|Try|Read about|Visit|Discover} {Silent "
       "Pines|the Silent Pines retreat|Silent Pines online|the Pines retreat|SilentPines|Silent "
       "Pine|the Quiet Pines|Pines retreat|the Pine method|Silent Pines today} {and see for "
       "yourself|and thank me later|you will not regret it|it is worth it|before it is too late|"
       "today|right away|this week|now|soon}."},
      41);
  Report(r);
  EXPECT_LE(r.spam_published_after, kMaxLeft);
  EXPECT_EQ(r.readers_published_after, r.readers_published_before);
}

// `spam eval --decide`: spam decided first as a moderator would opens a
// campaign, and the evaluation counts the legitimate comments that match it.
TEST(CampaignWave, EvalCountsLegitimateCommentsMatchingDecidedCampaigns) {
  TempDir dir;
  auto write = [&](const std::string& name, const std::vector<nlohmann::json>& rows) {
    std::ofstream out(dir.path() / name);
    for (const auto& r : rows) out << r.dump() << "\n";
    return (dir.path() / name).string();
  };
  std::vector<nlohmann::json> spam;
  for (int i = 0; i < 5; ++i) {
    spam.push_back({{"id", "s:" + std::to_string(i)}, {"label", "spam"}, {"source", "s"},
                    {"body", "Printer trouble number " + std::to_string(i) +
                                 "? Call the helpline 1-888-203-9661 now"}});
  }
  std::vector<nlohmann::json> ham = {
      {{"id", "h:1"}, {"label", "ham"}, {"source", "readers"},
       {"body", "Somebody keeps posting 1-888-203-9661 under every story, please remove it."}},
      {{"id", "h:2"}, {"label", "ham"}, {"source", "readers"},
       {"body", "The council vote was closer than the paper suggested last week."}},
      {{"id", "h:3"}, {"label", "ham"}, {"source", "readers"},
       {"body", "Good reporting on the housing numbers, thank you."}}};
  std::string decided = write("spam.jsonl", spam), data = write("ham.jsonl", ham);
  ProcessResult r = RunTribune({"spam", "eval", "--decide", decided, "--data", data}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("decided 5 spam comments"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ham matching a decided campaign, readers: 1 of 3"), std::string::npos)
      << r.out;
  ProcessResult plain = RunTribune({"spam", "eval", "--data", data}, dir.path());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("ham matching"), std::string::npos);
}

// A takedown taken back from the newsroom: every comment the campaign marked
// is published again (as it was), the model un-learns them, the audit log
// says who; a second undo gives nothing back; a comment never decided as a
// campaign has nothing to undo.
TEST(CampaignWave, ATakedownIsUndoneFromTheNewsroom) {
  TempDir dir;
  TribuneServer server(dir.path(), OpenConfig());
  server.Start();
  ArticleRow article = ListArticles(server.db(), dir.path()).front();
  std::mt19937 rng(5);
  std::vector<int64_t> wave;
  for (int i = 0; i < 30; ++i) {
    std::string body = Spin("{Wow|Truly|Honestly}, {after|since} {trying|using} VitaBoost I "
                            "{feel|am} {great|younger}. {Order|Get} it at "
                            "{vitaboost-store.com|vitaboost.shop} {today|now}.", rng);
    Response r = PostCommentForm(server.port(), article, {"Visitor " + std::to_string(i), "", body});
    ASSERT_EQ(r.status, 303) << r.body;
    wave.push_back(PostedId(r));
  }
  std::set<int64_t> before = PublishedIds(server.port(), article.id);
  ProcessResult took = RunTribune({"moderate", "spam", std::to_string(wave.front()), "--campaign",
                                   "--db", server.db().string()},
                                  dir.path());
  ASSERT_EQ(took.exit_code, 0) << took.err;
  size_t marked = std::count(took.out.begin(), took.out.end(), '\n');
  ASSERT_GE(marked, 10u) << took.out;

  std::string password = AddStaff(server.db(), dir.path(), "undoer");
  const HeaderList form = {{"Content-Type", "application/x-www-form-urlencoded"}};
  Response in = Fetch(server.port(), {"POST", "/newsroom/sign-in", form,
                                      FormEncode({{"name", "undoer"}, {"password", password}})});
  ASSERT_EQ(in.status, 303);
  CookieJar jar;
  jar.Store(in);
  std::string queue_path = "/newsroom/queue?done=campaign&id=" + std::to_string(wave.front()) +
                           "&n=" + std::to_string(marked);
  Response queue = Get(server.port(), queue_path, {{"Cookie", jar.HeaderValue()}});
  std::string action = "/newsroom/comments/" + std::to_string(wave.front()) + "/undo-campaign";
  ASSERT_NE(queue.body.find("action=\"" + action + "\""), std::string::npos);
  auto token = FirstMatch(queue.body, R"re(<input type="hidden" name="t" value="([^"]*)")re");
  ASSERT_TRUE(token.has_value());
  HeaderList headers = form;
  headers.emplace_back("Cookie", jar.HeaderValue());
  Response forged = Fetch(server.port(), {"POST", action, headers, FormEncode({{"t", "x"}})});
  EXPECT_EQ(forged.status, 403);
  Response undone = Fetch(server.port(),
                          {"POST", action, headers, FormEncode({{"t", UnescapeAttribute(*token)}})});
  ASSERT_EQ(undone.status, 303) << undone.body;
  EXPECT_NE(undone.Header("location").value_or("").find("done=undo"), std::string::npos);
  EXPECT_NE(undone.Header("location").value_or("").find("&n=" + std::to_string(marked)),
            std::string::npos);
  EXPECT_EQ(PublishedIds(server.port(), article.id), before);

  ProcessResult again = RunTribune({"moderate", "undo-campaign", std::to_string(wave.front()),
                                    "--db", server.db().string()},
                                   dir.path());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "");  // nothing is spam from it any more
  ProcessResult none = RunTribune({"moderate", "undo-campaign", std::to_string(wave.back()),
                                   "--db", server.db().string()},
                                  dir.path());
  EXPECT_EQ(none.exit_code, 2);
  Response audit = Get(server.port(), "/newsroom/audit?action=comment.undo_campaign",
                       {{"Cookie", jar.HeaderValue()}});
  ASSERT_EQ(audit.status, 200);
  // One entry a comment given back (and the filter field naming the action).
  EXPECT_GE(CountOf(audit.body, "comment.undo_campaign"), marked) << audit.body.substr(0, 3000);
  EXPECT_NE(audit.body.find("undoer"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
