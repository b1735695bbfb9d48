#include <gtest/gtest.h>

#include <algorithm>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// The rule prefilter: a pattern none of whose literals the judged text holds
// is answered "no match" without running it; any other text, a pattern with
// no literal to look for, and a text that holds them run RE2.
TEST(SpamPrefilter, APatternWhoseLiteralsAreAbsentIsNotRun) {
  SetPrefilterMode(PrefilterMode::kOn);
  static const RE2 kBonus(R"(\b(?:casino|slot)\s+bonus(?:es)?\b)");
  static const RE2 kDigits(R"(\d{3})");
  const std::string quiet = "a quiet comment about the weather, 20 degrees";
  {
    PrefilterScope scope(quiet);
    EXPECT_TRUE(MayMatch(quiet, kBonus));  // met for the first time: registered
    EXPECT_TRUE(MayMatch(quiet, kDigits));
  }
  AwaitPrefilter();  // built in the background
  {
    PrefilterScope scope(quiet);  // the database now holds both
    EXPECT_FALSE(MayMatch(quiet, kBonus));
    EXPECT_FALSE(Find(quiet, kBonus));
    EXPECT_TRUE(MayMatch(quiet, kDigits));  // no literal: always run
    EXPECT_FALSE(Find(quiet, kDigits));
    const std::string copy = quiet;  // another text: not scanned
    EXPECT_TRUE(MayMatch(copy, kBonus));
  }
  EXPECT_TRUE(MayMatch(quiet, kBonus));  // no scope
  const std::string spam = "claim your slot bonus today";
  PrefilterScope scope(spam);
  EXPECT_TRUE(MayMatch(spam, kBonus));
  std::string_view m;
  EXPECT_TRUE(Find(spam, kBonus, &m));
  EXPECT_EQ(m, "slot bonus");
}

TEST(SpamPrefilter, OffRunsEveryPattern) {
  static const RE2 kPills(R"(\bcheap\s+pills\b)");
  const std::string text = "nothing to see here";
  SetPrefilterMode(PrefilterMode::kOn);
  { PrefilterScope scope(text); MayMatch(text, kPills); }
  AwaitPrefilter();
  { PrefilterScope scope(text); EXPECT_FALSE(MayMatch(text, kPills)); }
  SetPrefilterMode(PrefilterMode::kOff);
  { PrefilterScope scope(text); EXPECT_TRUE(MayMatch(text, kPills)); }
  SetPrefilterMode(PrefilterMode::kOn);
}

class SpamSignals : public ::testing::Test {
 protected:
  Hits Run(const CommentInput& c) {
    input_ = c;
    Analysis a = Analyze(input_, lists_);
    Hits hits;
    RunAll(a, &hits);
    return hits;
  }
  static bool Has(const Hits& h, std::string_view symbol) {
    return std::any_of(h.begin(), h.end(), [&](const Hit& x) { return x.symbol == symbol; });
  }
  const Hit* Find(const Hits& h, std::string_view symbol) {
    for (const Hit& x : h) {
      if (x.symbol == symbol) return &x;
    }
    return nullptr;
  }

  Lists lists_;
  CommentInput input_;
};

TEST_F(SpamSignals, KeywordAnchorClosingGenericPraise) {
  Hits h = Run({.body = "Great post, very informative.\n\nMy web site :: game pg99"});
  const Hit* hit = Find(h, "KEYWORD_ANCHOR");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "game pg99");
  EXPECT_TRUE(
      Has(Run({.body = "Nice.\nHere is my web blog rotating closet Carousel"}), "KEYWORD_ANCHOR"));
}

TEST_F(SpamSignals, KeywordAnchorNeedsTextBeforeIt) {
  EXPECT_FALSE(Has(Run({.body = "My site: the comments section"}), "KEYWORD_ANCHOR"));
  EXPECT_FALSE(
      Has(Run({.body = "I visit my page every day.\nThanks for the article."}), "KEYWORD_ANCHOR"));
}

TEST_F(SpamSignals, KeywordAnchorClosingAOneLineText) {
  Hits h = Run({.body = "I am really inspired with your writing talents. My web site :: "
                        "https://casino.example/slots online casino"});
  const Hit* hit = Find(h, "KEYWORD_ANCHOR");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "https://casino.example/slots online casino");
  EXPECT_TRUE(Has(Run({.body = "Great read! My blog: cheap flights to rome"}), "KEYWORD_ANCHOR"));
  // On one line a sentence about one's page is not the software's closing line.
  EXPECT_FALSE(Has(Run({.body = "I agree. My page - well, my Facebook page - is full of this."}),
                   "KEYWORD_ANCHOR"));
  EXPECT_FALSE(Has(Run({.body = "Thanks. My site was down all week."}), "KEYWORD_ANCHOR"));
}

TEST_F(SpamSignals, ReferencesBlockWithLink) {
  EXPECT_TRUE(Has(Run({.body = "References:\n\nMill casino\n\nReferences:\nmatkafasi.com"}),
                  "REFERENCES_BLOCK"));
  EXPECT_FALSE(Has(Run({.body = "References:\nthe report itself"}), "REFERENCES_BLOCK"));
}

TEST_F(SpamSignals, EmptyBody) {
  EXPECT_TRUE(Has(Run({.body = " \n "}), "EMPTY_BODY"));
  EXPECT_FALSE(Has(Run({.body = "ok"}), "EMPTY_BODY"));
}

TEST_F(SpamSignals, LinksCountAndDensity) {
  Hits h = Run({.body = "http://a.example.com http://b.example.org http://c.example.net"});
  EXPECT_TRUE(Has(h, "LINKS_MANY"));
  EXPECT_TRUE(Has(h, "LINK_DENSE"));
  Hits one =
      Run({.body = "The minister's statement is here, and it contradicts what he told the house "
                   "last week about the budget: https://www.example.gc.ca/statement"});
  EXPECT_TRUE(Has(one, "LINK_PRESENT"));
  EXPECT_FALSE(Has(one, "LINK_DENSE"));
}

TEST_F(SpamSignals, AuthorLinkAndRawHtml) {
  EXPECT_TRUE(Has(Run({.author = "cheap-pills.com", .body = "hi"}), "AUTHOR_HAS_LINK"));
  Hits h = Run({.body = "nice", .raw_body = "nice <a href=\"http://x.example.com\">x</a>"});
  EXPECT_TRUE(Has(h, "RAW_HTML_LINK"));
}

TEST_F(SpamSignals, DisguisedLetters) {
  EXPECT_TRUE(Has(Run({.body = "Main di 𝐌𝐎𝐍𝐀 𝟒𝐃"}), "STYLED_LETTERS"));
  EXPECT_TRUE(Has(Run({.body = "ca\u200Bsino"}), "INVISIBLE_IN_WORD"));
  EXPECT_TRUE(Has(Run({.body = "gas ke A L E X I S 1 7"}), "SPACED_LETTERS"));
  EXPECT_TRUE(Has(Run({.body = "p\u0430ypal login"}), "MIXED_SCRIPT_WORD"));
  EXPECT_TRUE(
      Has(Run({.body = "baru liat P\u035FU\u035FL\u035FA\u035FU\u035F wkwk"}), "STYLED_LETTERS"));
}

TEST_F(SpamSignals, GamblingBrandNames) {
  for (const char* body :
       {"Sukaaa bangettt sama PSTOTO99", "sejak coba jptogel77 perlahan",
        "Setiap menit nonton T0GEL62 tuh berharga", "CARI GOOGLE = WIRASPIN88",
        "Menangnya datang, TON4D! Coba", "main di 138VEGAS aja",
        "\U0001D40A\U0001D418\U0001D4134\U0001D403 ini bukan kaleng-kaleng",
        "Tertawa itu sehat, menang di Vamos88 itu bonus", "rezeki dari SQUAD777"}) {
    EXPECT_TRUE(Has(Run({.body = body}), "GAMBLING_BRAND")) << body;
  }
  for (const char* body :
       {"Win11 broke my printer again", "We saw it in 4D at the cinema", "Tibet and the alphabet",
        "I bet 20 bucks he loses the 2024 vote", "the Toto concert in 1982",
        "flight MH17 and the A380", "as @randall77 said in the review",
        "see github.com/dave99/tools", "the password is admin123"}) {
    EXPECT_FALSE(Has(Run({.body = body}), "GAMBLING_BRAND")) << body;
  }
}

TEST_F(SpamSignals, StyledBrandNames) {
  for (const char* body : {"iseng coba di \U0001D401\U0001D400\U0001D40D\U0001D403\U0001D400"
                           "\U0001D411\U0001D7D1\U0001D7D6\U0001D7D6 asli",
                           "Candu banget \u24BA\u24C2\u24C5\u24CA\u2460\u2462\u2467",
                           "Menyala \U0001D401\U0001D413\U0001D415\u2776\u277B\u277D Ku",
                           "gas ke A L E X I S 1 7 sekarang",
                           "\U0001D40A\U0001D418\U0001D4134\U0001D403 ini bukan kaleng-kaleng",
                           "\u2119\u211D\U0001D546\U0001D539\U0001D53C\U0001D54B855 mantap"}) {
    Hits h = Run({.body = body});
    EXPECT_TRUE(Has(h, "STYLED_BRAND")) << body;
  }
  // Styled words without digits, styled years apart from words, plain brand names.
  for (const char* body : {"\U0001D407\U0001D41A\U0001D429\U0001D429\U0001D432 "
                           "\U0001D7D0\U0001D7CE\U0001D7D0\U0001D7D4 to all",
                           "I bought the PS5 and a Win11 laptop in 2024",
                           "CO\u2082 at 420 ppm, 3 km\u00B2 of forest, H\u2082O",
                           "Great implementation of a 4 x 4 H H L.",
                           "\U0001D600\U0001D638\U0001D62E\U0001D639\U0001D62A\U0001D7EE video",
                           "\U0001D413\U0001D421\U0001D41A\U0001D427\U0001D424\U0001D42C "
                           "for the 3 updates"}) {
    EXPECT_FALSE(Has(Run({.body = body}), "STYLED_BRAND")) << body;
  }
}

TEST_F(SpamSignals, ScriptMismatchAndRelevanceNeedAnArticle) {
  CommentInput c{.body = "정말 좋은 기사네요. 앞으로도 이런 기사 많이 써주세요"};
  EXPECT_FALSE(Has(Run(c), "SCRIPT_MISMATCH"));
  c.article_title = "US urges Xi to press Putin over war crimes in Ukraine";
  EXPECT_TRUE(Has(Run(c), "SCRIPT_MISMATCH"));
  CommentInput on{
      .body = "Putin will never withdraw from Ukraine, whatever Xi says about war crimes.",
      .article_title = "US urges Xi to press Putin over war crimes in Ukraine"};
  EXPECT_TRUE(Has(Run(on), "ON_TOPIC"));
}

TEST_F(SpamSignals, LanguageMismatchAgainstTheArticleOrTheSite) {
  const std::string title = "The council approves the new riverside park after a long debate";
  const std::string body =
      "The city council voted on Tuesday to build the park. It will have a playground and a "
      "path along the river, and the work should be done by the end of next year.";
  CommentInput id{.body =
                      "saya rasa dewan harus bertanya kepada warga yang tinggal di sana dan "
                      "ini tidak adil untuk kita",
                  .article_title = title,
                  .article_body = body};
  Hits hits = Run(id);  // Find points into it
  const Hit* hit = Find(hits, "LANGUAGE_MISMATCH");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "id under en");
  CommentInput en{.body = "I think the council should have asked the people who live there first",
                  .article_title = title,
                  .article_body = body};
  EXPECT_FALSE(Has(Run(en), "LANGUAGE_MISMATCH"));
  // Without an article, and without a site language, there is nothing to compare with.
  CommentInput bare{.body = id.body};
  EXPECT_FALSE(Has(Run(bare), "LANGUAGE_MISMATCH"));
  input_ = bare;
  Analysis a = Analyze(input_, lists_, nullptr, "en");
  Hits with_site;
  RunAll(a, &with_site);
  EXPECT_TRUE(Has(with_site, "LANGUAGE_MISMATCH"));
  // Too short to tell, or another script (SCRIPT_MISMATCH's case): silent.
  EXPECT_FALSE(Has(Run({.body = "mantap gan", .article_title = title, .article_body = body}),
                   "LANGUAGE_MISMATCH"));
  EXPECT_FALSE(Has(Run({.body = "정말 좋은 기사네요. 앞으로도 이런 기사 많이 써주세요",
                        .article_title = title,
                        .article_body = body}),
                   "LANGUAGE_MISMATCH"));
}

TEST_F(SpamSignals, ListsAndPatterns) {
  lists_.disposable_email_domains.insert("mailinator.com");
  lists_.suspicious_tlds.insert("stream");
  Pattern p;
  p.symbol = "PILLS";
  p.score = 3;
  p.regex = std::make_unique<RE2>("cheap\\s+pills");
  lists_.patterns.push_back(std::move(p));
  ASSERT_TRUE(lists_.CompilePatterns().ok());
  Hits h = Run({.email = "bot@Mailinator.com", .body = "CHEAP  Pills at gpsites.stream"});
  EXPECT_TRUE(Has(h, "DISPOSABLE_EMAIL"));
  EXPECT_TRUE(Has(h, "LINK_SUSPICIOUS_TLD"));
  const Hit* pills = Find(h, "PILLS");
  ASSERT_NE(pills, nullptr);
  EXPECT_EQ(pills->strength, 3);
  EXPECT_EQ(pills->evidence, "cheap  pills");
  // Patterns also run on the author name and on link hosts.
  Pattern host;
  host.symbol = "BAD_HOST";
  host.score = 2;
  host.regex = std::make_unique<RE2>("^win\\d+\\.");
  lists_.patterns.push_back(std::move(host));
  ASSERT_TRUE(lists_.CompilePatterns().ok());
  EXPECT_TRUE(Has(Run({.body = "see win88.example.com today"}), "BAD_HOST"));
  EXPECT_FALSE(Has(Run({.body = "see www.win88.example.com today"}), "BAD_HOST"));
  EXPECT_TRUE(Has(Run({.author = "cheap pills", .body = "hello there"}), "PILLS"));
}

TEST_F(SpamSignals, SelfPromotion) {
  Hits h = Run({.body = "Nice video! Check out my channel for more covers"});
  const Hit* hit = Find(h, "SELF_PROMOTION");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "check out my channel");
  EXPECT_TRUE(Has(Run({.body = "help me reach 1,000 subscribers"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "SUB TO ME"}), "SELF_PROMOTION"));
  EXPECT_FALSE(
      Has(Run({.body = "I kept my subscription and watch the channel daily"}), "SELF_PROMOTION"));
  EXPECT_FALSE(Has(Run({.body = "The money was made from home sales"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "If I get 300 subscribers I'll do a video"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "Check me out! I rap"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "Get free gift cards now"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "How to make a lot of money online"}), "SELF_PROMOTION"));
  // A reader urging others to vote for a party promotes no one of their own.
  EXPECT_FALSE(Has(Run({.body = "America, please vote for Trump."}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "please vote for me in the contest"}), "SELF_PROMOTION"));
  EXPECT_FALSE(Has(Run({.body = "Vote for my party and I'll resign"}), "SELF_PROMOTION"));
  EXPECT_FALSE(Has(Run({.body = "Firms make money fastidiously"}), "SELF_PROMOTION"));
  // Ordinary requests to a reader are not self-promotion.
  EXPECT_FALSE(
      Has(Run({.body = "Please check my math, but the levy is two percent"}), "SELF_PROMOTION"));
  EXPECT_FALSE(Has(Run({.body = "Please follow my reasoning here"}), "SELF_PROMOTION"));
  EXPECT_FALSE(Has(Run({.body = "Please visit our town before judging it"}), "SELF_PROMOTION"));
  EXPECT_FALSE(
      Has(Run({.body = "Banks are making money fast from these rates"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "please follow my instagram for more"}), "SELF_PROMOTION"));
  EXPECT_TRUE(Has(Run({.body = "pls check out my new channel"}), "SELF_PROMOTION"));
}

TEST_F(SpamSignals, LikeBait) {
  Hits h = Run({.body = "Like this comment if you are watching in 2015"});
  const Hit* hit = Find(h, "LIKE_BAIT");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "like this comment");
  EXPECT_TRUE(Has(Run({.body = "Thumbs up if you agree"}), "LIKE_BAIT"));
  EXPECT_TRUE(Has(Run({.body = "follow 4 follow, like4like"}), "LIKE_BAIT"));
  EXPECT_FALSE(
      Has(Run({.body = "I like this article, and the thumbs up count is low"}), "LIKE_BAIT"));
  EXPECT_FALSE(Has(Run({.body = "I would like if they asked us first"}), "LIKE_BAIT"));
  // Liking something is not asking for likes.
  EXPECT_FALSE(Has(Run({.body = "I like this comment, it says what I think"}), "LIKE_BAIT"));
  EXPECT_FALSE(Has(Run({.body = "I really like this post"}), "LIKE_BAIT"));
  EXPECT_FALSE(Has(Run({.body = "Thumbs up for the reporter who dug this out"}), "LIKE_BAIT"));
  EXPECT_FALSE(Has(Run({.body = "It feels like if you earn more, you pay more"}), "LIKE_BAIT"));
  EXPECT_FALSE(Has(Run({.body = "Like for like sales fell 3% in the quarter"}), "LIKE_BAIT"));
  EXPECT_TRUE(Has(Run({.body = "Great song. Like this comment so everyone sees it"}), "LIKE_BAIT"));
  EXPECT_TRUE(Has(Run({.body = "like if you are from Brazil"}), "LIKE_BAIT"));
}

TEST_F(SpamSignals, LinkMoneyHost) {
  lists_.money_hosts = {"gofundme.com", "teespring.com"};
  Hits h = Run({.body = "please help https://www.gofundme.com/f7ekgw"});
  const Hit* hit = Find(h, "LINK_MONEY_HOST");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->evidence, "gofundme.com");
  EXPECT_TRUE(Has(Run({.body = "shirts at teespring.com/treechristmas"}), "LINK_MONEY_HOST"));
  EXPECT_FALSE(Has(Run({.body = "see https://www.bbc.com/news/world"}), "LINK_MONEY_HOST"));
}

TEST_F(SpamSignals, LinkTargets) {
  lists_.profile_hosts = {"facebook.com", "twitter.com", "youtube.com"};
  EXPECT_TRUE(Has(Run({.body = "add me https://www.facebook.com/some.name"}), "LINK_PROFILE"));
  EXPECT_TRUE(Has(Run({.body = "https://m.facebook.com/profile.php?id=12"}), "LINK_PROFILE"));
  EXPECT_TRUE(Has(Run({.body = "https://www.youtube.com/@someone"}), "LINK_PROFILE"));
  EXPECT_FALSE(Has(Run({.body = "https://twitter.com/someone/status/123"}), "LINK_PROFILE"));
  EXPECT_FALSE(Has(Run({.body = "https://www.youtube.com/watch?v=abc"}), "LINK_PROFILE"));
  EXPECT_FALSE(Has(Run({.body = "https://example.com/someone"}), "LINK_PROFILE"));
  EXPECT_TRUE(Has(Run({.body = "http://shop.example.com/?ref=123"}), "LINK_REFERRAL"));
  EXPECT_TRUE(Has(Run({.body = "www.example.com/refer/abc7"}), "LINK_REFERRAL"));
  EXPECT_TRUE(Has(Run({.body = "http://x.example.com/?ref=2tGgp3pV6L here"}), "LINK_REFERRAL"));
  EXPECT_FALSE(Has(Run({.body = "http://example.com/reference?page=2"}), "LINK_REFERRAL"));
  // A word marks where a site's own link was clicked; only a code pays someone.
  EXPECT_FALSE(Has(Run({.body = "http://www.nytimes.com/2014/03/21/us/x.html?ref=politics"}),
                   "LINK_REFERRAL"));
}

TEST_F(SpamSignals, DisguiseSymbols) {
  EXPECT_TRUE(IsDisguise("STYLED_LETTERS"));
  EXPECT_TRUE(IsDisguise("MIXED_SCRIPT_WORD"));
  EXPECT_FALSE(IsDisguise("LINK_PRESENT"));
  EXPECT_FALSE(IsDisguise("MODEL"));
}

TEST_F(SpamSignals, PlainNewsCommentFiresNothing) {
  Hits h = Run({.body = "The two leaders will meet again on Tuesday. I doubt anything comes of it, "
                        "but a ceasefire would at least stop the shelling of cities."});
  EXPECT_TRUE(h.empty()) << h.front().symbol;
}

}  // namespace
}  // namespace tribune::spam::signals
