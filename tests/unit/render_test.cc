#include <gtest/gtest.h>

#include <thread>
#include <vector>
#include <zlib.h>

#include "core/time_format.h"
#include "render/article_page.h"
#include "render/feeds.h"
#include "render/gzip.h"
#include "render/page_cache.h"

namespace tribune::render {
namespace {

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&zs, Z_FINISH);
  inflateEnd(&zs);
  EXPECT_EQ(rc, Z_STREAM_END);
  out.resize(zs.total_out);
  return out;
}

SiteInfo Site() { return {"Test Daily", "https://news.example", "en", "Be kind."}; }

site::Article Article(int64_t count) {
  site::Article a;
  a.id = 7;
  a.slug = "a-title";
  a.title = "A <title>";
  a.lead = "Lead";
  a.body = "First paragraph.\n\nSecond <b>paragraph</b>.";
  a.source = "BBC";
  a.published_at = 1679387100;
  a.comment_count = count;
  return a;
}

TEST(ArticlePage, EscapesEditorTextAndShowsTheSeedLayout) {
  site::Article a = Article(516);
  site::Comment c;
  c.id = 99;
  c.number = 416;
  c.author = "Floyd <script>";
  c.email = "secret@example.com";
  c.body_html = "<b>ok</b>";
  c.created_at = 1769344800;
  std::vector<site::Comment> comments = {c};
  ArticlePageView v;
  v.article = &a;
  v.comments = &comments;
  v.page = 1;
  v.pages = 26;
  v.form_fields = "<span class=\"challenge\">Type the digits 1234</span>";
  std::string html = RenderArticlePage(Site(), v);
  EXPECT_NE(html.find("<h1 class=\"article-title\">A &lt;title&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("21 March 2023 08:25"), std::string::npos);  // as the comments' dates
  EXPECT_EQ(html.find("21-03-2023, 08:25"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#add-comment\">Write a comment</a>"), std::string::npos);
  EXPECT_NE(html.find("<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>"), std::string::npos);
  EXPECT_NE(html.find("Comments: 516"), std::string::npos);
  EXPECT_NE(html.find(">#416</a> <span class=\"comment-author\">Floyd &lt;script&gt;</span>"),
            std::string::npos);
  EXPECT_NE(html.find("25 January 2026 12:40"), std::string::npos);
  EXPECT_EQ(html.find("secret@example.com"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"gap\">"), std::string::npos);
  EXPECT_NE(html.find("rel=\"next\">Next</a>"), std::string::npos);
  EXPECT_EQ(html.find(">Back</a>"), std::string::npos);
  EXPECT_NE(html.find("<link rel=\"next\" href=\"https://news.example/news/7-a-title/comments/page/2\">"),
            std::string::npos);
  EXPECT_NE(html.find("Type the digits 1234"), std::string::npos);
  EXPECT_NE(html.find("Be kind."), std::string::npos);
}

// Article text: the comments' BBCode a paragraph, headings, block tags in a
// <div> (a <p> cannot hold one), images placed by id with their alt text.
TEST(ArticlePage, ArticleTextTakesBbcodeHeadingsAndImages) {
  site::Image img;
  img.id = 5;
  img.alt = "The \"bridge\"";
  img.width = 1200;
  img.height = 800;
  img.widths = {480, 960, 1200};
  std::vector<site::Image> images = {img};
  std::string out;
  AppendArticleBody(out,
                    "## What <happened>\n\nThe [b]council[/b] voted.\n\n[quote]We will "
                    "see.[/quote]\n\n[img=5]\n\n[img=6]",
                    &images);
  EXPECT_NE(out.find("<h2>What &lt;happened&gt;</h2>"), std::string::npos) << out;
  EXPECT_NE(out.find("<p>The <b>council</b> voted.</p>"), std::string::npos) << out;
  EXPECT_NE(out.find("<div class=\"para\"><blockquote"), std::string::npos) << out;
  EXPECT_NE(out.find("alt=\"The &quot;bridge&quot;\""), std::string::npos) << out;
  EXPECT_NE(out.find("/media/5-480.webp 480w, /media/5-960.webp 960w, /media/5-1200.webp 1200w"),
            std::string::npos);
  EXPECT_EQ(out.find("[img=6]"), std::string::npos);  // an unknown image places nothing
  EXPECT_EQ(out.find("/media/6-"), std::string::npos);
}

TEST(ArticlePage, RefillsTheFormEscaped) {
  site::Article a = Article(0);
  std::vector<site::Comment> none;
  site::CommentForm form{"Nino \"N\"", "n@x.ge", "</textarea><script>x</script>", ""};
  std::vector<site::FieldError> errors = {{"code", "Wrong code"}};
  ArticlePageView v;
  v.article = &a;
  v.comments = &none;
  v.form = &form;
  v.errors = &errors;
  std::string html = RenderArticlePage(Site(), v);
  EXPECT_NE(html.find("value=\"Nino &quot;N&quot;\""), std::string::npos);
  EXPECT_NE(html.find("&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>"),
            std::string::npos);
  EXPECT_NE(html.find("<li data-field=\"code\">Wrong code</li>"), std::string::npos);
  EXPECT_NE(html.find("No comments yet"), std::string::npos);
}

TEST(ArticlePage, ClosedArticleHasNoForm) {
  site::Article a = Article(0);
  a.comments_open = false;
  ArticlePageView v;
  v.article = &a;
  std::string html = RenderArticlePage(Site(), v);
  EXPECT_EQ(html.find("<form"), std::string::npos);
  EXPECT_NE(html.find("Comments are closed"), std::string::npos);
}

TEST(Feeds, CommentsFeedIsEscapedXml) {
  site::Article a = Article(1);
  site::Comment c;
  c.id = 5;
  c.number = 1;
  c.author = "A & B";
  c.body_text = "x < y \x01";
  std::string xml = RenderCommentsFeed(Site(), a, {c}, 20);
  EXPECT_NE(xml.find("<title>#1 A &amp; B</title>"), std::string::npos);
  // Escaped as HTML, then as XML: a reader treating it as HTML sees "x < y".
  EXPECT_NE(xml.find("<description>x &amp;lt; y </description>"), std::string::npos);
  EXPECT_NE(xml.find("https://news.example/news/7-a-title.html#c5"), std::string::npos);
  EXPECT_NE(xml.find("<dc:creator>A &amp; B</dc:creator>"), std::string::npos);
}

// Each comment links to the comment page it is on (newest first, per_page a
// page), names its author, keeps a guid that does not move with the page, and
// the channel says when it last changed.
TEST(Feeds, CommentsLinkTheirPageAndNameTheirAuthor) {
  site::Article a = Article(1);
  a.published_at = 1000;
  std::vector<site::Comment> comments;
  for (int64_t i = 0; i < 5; ++i) {
    site::Comment c;
    c.id = 100 - i;
    c.number = 50 - i;
    c.author = "Reader " + std::to_string(i);
    c.created_at = 5000 - i;
    comments.push_back(c);
  }
  comments[3].edited_at = 9000;
  std::string xml = RenderCommentsFeed(Site(), a, comments, 2);
  EXPECT_NE(xml.find("<link>https://news.example/news/7-a-title.html#c99</link>"),
            std::string::npos);
  EXPECT_NE(xml.find("<link>https://news.example/news/7-a-title/comments/page/2#c98</link>"),
            std::string::npos);
  EXPECT_NE(xml.find("<link>https://news.example/news/7-a-title/comments/page/3#c96</link>"),
            std::string::npos);
  EXPECT_NE(xml.find("<dc:creator>Reader 4</dc:creator>"), std::string::npos);
  EXPECT_NE(xml.find("<guid isPermaLink=\"false\">https://news.example/api/v1/comments/96</guid>"),
            std::string::npos);
  EXPECT_NE(xml.find("<lastBuildDate>" + timefmt::HttpDate(9000) + "</lastBuildDate>"),
            std::string::npos);
}

// Feed readers render <description> as HTML: a comment's markup must arrive
// there as text, whatever it tries.
TEST(Feeds, NoMarkupFromACommentIsLiveInAFeedReader) {
  site::Article a = Article(1);
  a.lead = "Lead with <b>tags</b>";
  std::vector<site::Comment> comments;
  for (std::string payload : {"\"><svg onload=alert(1)>", "<script>alert(1)</script>",
                              "<img src=x onerror=alert(1)>", "&lt;svg onload=alert(1)&gt;",
                              "]]><svg/onload=alert(1)>", "line one\n<b>line two</b>"}) {
    site::Comment c;
    c.id = static_cast<int64_t>(comments.size()) + 1;
    c.number = c.id;
    c.author = "Mallory";
    c.body_text = payload;
    comments.push_back(c);
  }
  std::string xml = RenderCommentsFeed(Site(), a, comments, 20) + RenderSiteFeed(Site(), {a});
  // What a feed reader gets after XML-decoding each description: HTML with
  // no tag but <br> (the text's own line breaks).
  size_t at = 0;
  int seen = 0;
  while ((at = xml.find("<description>", at)) != std::string::npos) {
    size_t end = xml.find("</description>", at);
    std::string inner = xml.substr(at + 13, end - at - 13);
    ASSERT_EQ(inner.find('<'), std::string::npos) << inner;  // well-formed XML text
    std::string decoded = inner;
    for (auto [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"},
                            {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
      for (size_t p = 0; (p = decoded.find(from, p)) != std::string::npos; p += to.size()) {
        decoded.replace(p, from.size(), to);
      }
    }
    for (size_t p = 0; (p = decoded.find('<', p)) != std::string::npos; ++p) {
      EXPECT_EQ(decoded.substr(p, 4), "<br>") << decoded;
    }
    EXPECT_EQ(decoded.find("<svg"), std::string::npos);
    at = end;
    ++seen;
  }
  EXPECT_EQ(seen, 2 + 6 + 1);  // two channels, six comments, one article
  EXPECT_NE(xml.find("&amp;lt;svg onload=alert(1)&amp;gt;"), std::string::npos);
}

TEST(Feeds, CharactersXmlForbidsNeverReachAFeed) {
  site::Article a = Article(1);
  a.title = "Title\xef\xbf\xbe";  // U+FFFE
  site::Comment c;
  c.id = c.number = 1;
  c.author = "Eve\x01\x1b";
  c.body_text = "a\xef\xbf\xbf b\xed\xa0\x80 c\xff d\x0b e\tf\ng \xf0\x9f\x98\x80";
  std::string xml = RenderCommentsFeed(Site(), a, {c}, 20);
  for (const char* forbidden : {"\xef\xbf\xbe", "\xef\xbf\xbf", "\xed\xa0\x80", "\xff", "\x01",
                                "\x1b", "\x0b"}) {
    EXPECT_EQ(xml.find(forbidden), std::string::npos) << "found byte " << int(forbidden[0]);
  }
  EXPECT_NE(xml.find("a b c d e\tf&lt;br&gt;g \xf0\x9f\x98\x80"), std::string::npos) << xml;
}

TEST(PageCache, GzipRoundTripsAndEtagFollowsContent) {
  std::string body(4000, 'x');
  auto p = MakeCachedPage(body, "text/html");
  EXPECT_FALSE(p->gzip.empty());
  EXPECT_LT(p->gzip.size(), body.size() / 10);
  EXPECT_EQ(Gunzip(p->gzip), body);
  EXPECT_NE(MakeCachedPage(body + "y", "text/html")->etag, p->etag);
  EXPECT_EQ(MakeCachedPage(body, "text/html")->etag, p->etag);
}

TEST(PageCache, SplicedGzipCarriesPerRequestBytes) {
  std::string head(3000, 'h'), tail(5000, 't');
  auto p = MakeCachedPage(head + std::string(kPerRequestMarker) + tail, "text/html");
  ASSERT_TRUE(p->spliced);
  EXPECT_EQ(p->body, head);
  EXPECT_EQ(p->tail, tail);
  for (std::string middle : {std::string("<input name=t value=abc>"), std::string(),
                             std::string(70000, 'm')}) {
    std::string stored = DeflateStored(middle);
    uint32_t crc = Crc32Combine(Crc32Combine(p->crc_body, Crc32(middle), middle.size()),
                                p->crc_tail, tail.size());
    std::string gz = p->gzip + stored + p->gzip_tail +
                     GzipTrailer(crc, head.size() + middle.size() + tail.size());
    EXPECT_EQ(Gunzip(gz), head + middle + tail) << middle.size();
  }
}

TEST(PageCache, CrcOfASplicedPageIsBuiltFromItsParts) {
  std::string a(3000, 'a'), b = "<input name=t value=xyz>", c(5000, 'c');
  uint32_t op = Crc32AppendOperator(c.size());
  EXPECT_EQ(Crc32CombineWith(Crc32Extend(Crc32(a), b), Crc32(c), op), Crc32(a + b + c));
  EXPECT_EQ(Crc32Combine(Crc32(a), Crc32(b), b.size()), Crc32(a + b));
  EXPECT_EQ(Crc32Extend(Crc32(a), ""), Crc32(a));
}

TEST(PageCache, MissIsBuiltByEveryoneUntilAPageExists) {
  PageCache cache;
  auto a = cache.Find(7, "p1");
  auto b = cache.Find(7, "p1");
  EXPECT_TRUE(a.rebuild);
  EXPECT_TRUE(b.rebuild);  // nothing to serve meanwhile
  EXPECT_EQ(a.page, nullptr);
  cache.Put(7, a.generation, "p1", MakeCachedPage("v1", "text/html"));
  auto c = cache.Find(7, "p1");
  EXPECT_TRUE(c.fresh);
  EXPECT_FALSE(c.rebuild);
  EXPECT_EQ(c.page->body, "v1");
}

TEST(PageCache, AfterInvalidationOneRebuildsAndOthersGetTheStaleCopy) {
  PageCache cache;
  cache.Put(7, cache.Find(7, "p1").generation, "p1", MakeCachedPage("v1", "text/html"));
  cache.Put(8, cache.Find(8, "p1").generation, "p1", MakeCachedPage("other", "text/html"));
  cache.Invalidate(7);
  auto first = cache.Find(7, "p1");
  auto second = cache.Find(7, "p1");
  EXPECT_TRUE(first.rebuild);
  EXPECT_FALSE(first.fresh);
  EXPECT_FALSE(second.rebuild);
  EXPECT_EQ(second.page->body, "v1");
  EXPECT_TRUE(cache.Find(8, "p1").fresh);  // other scopes are untouched

  cache.Put(7, first.generation, "p1", MakeCachedPage("v2", "text/html"));
  EXPECT_TRUE(cache.Find(7, "p1").fresh);
  EXPECT_EQ(cache.Find(7, "p1").page->body, "v2");
}

TEST(PageCache, OlderDataNeverReplacesNewer) {
  PageCache cache;
  auto slow = cache.Find(7, "p1");  // a slow build starts at generation g
  cache.Invalidate(7);
  auto fast = cache.Find(7, "p1");  // a faster one starts after the write
  cache.Put(7, fast.generation, "p1", MakeCachedPage("new", "text/html"));
  cache.Put(7, slow.generation, "p1", MakeCachedPage("old", "text/html"));
  EXPECT_EQ(cache.Find(7, "p1").page->body, "new");
}

TEST(PageCache, TagMismatchMakesACopyStale) {
  PageCache cache;
  cache.Put(7, cache.Find(7, "p1", 100).generation, "p1", MakeCachedPage("h100", "t", 100));
  EXPECT_TRUE(cache.Find(7, "p1", 100).fresh);
  auto next_hour = cache.Find(7, "p1", 101);
  EXPECT_FALSE(next_hour.fresh);
  EXPECT_TRUE(next_hour.rebuild);
}

TEST(PageCache, AbandonReleasesTheClaimAndInvalidateAllDropsEverything) {
  PageCache cache;
  cache.Put(7, cache.Find(7, "p1").generation, "p1", MakeCachedPage("v1", "text/html"));
  cache.Invalidate(7);
  EXPECT_TRUE(cache.Find(7, "p1").rebuild);
  cache.Abandon(7, "p1");
  EXPECT_TRUE(cache.Find(7, "p1").rebuild);
  cache.InvalidateAll();
  EXPECT_EQ(cache.Find(7, "p1").page, nullptr);
  EXPECT_EQ(cache.Find(7, "missing").page, nullptr);
  cache.Abandon(7, "missing");
  EXPECT_EQ(cache.Find(7, "missing").page, nullptr);
}

// A page of about `kb` KiB whose bytes do not compress away.
std::shared_ptr<const CachedPage> PageOfKb(int kb, int seed) {
  std::string body;
  uint64_t x = 88172645463325252ULL + seed;
  while (body.size() < size_t(kb) * 1024) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    body += static_cast<char>('a' + x % 26);
  }
  return MakeCachedPage(std::move(body), "text/html");
}

void Load(PageCache& cache, int64_t scope, const std::string& key, int kb, int seed) {
  auto l = cache.Find(scope, key);
  if (!l.fresh) cache.Put(scope, l.generation, key, PageOfKb(kb, seed));
}

TEST(PageCache, StaysWithinItsByteBudgetAndCountsWhatHappens) {
  PageCache cache(1 << 20);  // 1 MiB; each page is about 2 KiB plain + 2 KiB gzip
  for (int i = 0; i < 2000; ++i) Load(cache, i / 10 + 1, "p" + std::to_string(i), 2, i);
  PageCache::Stats s = cache.stats();
  EXPECT_LE(s.bytes, 1 << 20);
  EXPECT_GT(s.bytes, (1 << 20) / 2);  // full, not emptied
  EXPECT_GT(s.evictions, 1000u);
  EXPECT_EQ(s.misses, 2000u);
  EXPECT_EQ(s.hits, 0u);
  EXPECT_LT(s.pages, 2000 - 1000);
  // The newest page is held; the first has gone.
  EXPECT_TRUE(cache.Find(200, "p1999").fresh);
  EXPECT_EQ(cache.Find(1, "p0").page, nullptr);
  EXPECT_EQ(cache.stats().hits, 1u);
}

TEST(PageCache, PagesReadAgainSurviveACrawl) {
  PageCache cache(1 << 20);
  // Twenty hot pages, read between every few pages of a crawl ten times the budget.
  for (int i = 0; i < 20; ++i) Load(cache, 1, "hot" + std::to_string(i), 4, i);
  for (int i = 0; i < 2500; ++i) {
    Load(cache, 2 + i / 50, "old" + std::to_string(i), 4, 1000 + i);
    if (i % 25 == 0) {
      for (int h = 0; h < 20; ++h) Load(cache, 1, "hot" + std::to_string(h), 4, h);
    }
  }
  PageCache::Stats s = cache.stats();
  EXPECT_LE(s.bytes, 1 << 20);
  int held = 0;
  for (int h = 0; h < 20; ++h) held += cache.Find(1, "hot" + std::to_string(h)).fresh;
  EXPECT_EQ(held, 20);
  // Rebuilt at most a handful of times in all: the crawl did not push them out.
  EXPECT_GT(s.hits, 20u * 95);
}

TEST(PageCache, InvalidationAndReplacementKeepTheCountRight) {
  PageCache cache(1 << 20);
  Load(cache, 7, "a", 8, 1);
  int64_t one = cache.stats().bytes;
  EXPECT_GT(one, 8 * 1024);
  auto l = cache.Find(7, "a");
  cache.Invalidate(7);
  l = cache.Find(7, "a");
  cache.Put(7, l.generation, "a", PageOfKb(16, 2));  // a bigger page replaces it
  EXPECT_GT(cache.stats().bytes, one);
  EXPECT_EQ(cache.stats().pages, 1);
  for (int i = 0; i < 10; ++i) cache.Invalidate(7);  // unread: dropped
  EXPECT_EQ(cache.stats().pages, 0);
  EXPECT_EQ(cache.stats().bytes, 0);
  Load(cache, 8, "b", 8, 3);
  cache.InvalidateAll();
  EXPECT_EQ(cache.stats().bytes, 0);
  EXPECT_EQ(cache.stats().pages, 0);
}

TEST(PageCache, APageLargerThanTheBudgetIsServedButNotKept) {
  PageCache cache(64 * 1024);
  auto l = cache.Find(7, "big");
  auto held = cache.Put(7, l.generation, "big", PageOfKb(100, 1));
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->body.size(), 100u * 1024);
  EXPECT_EQ(cache.stats().pages, 0);
  EXPECT_EQ(cache.stats().bytes, 0);
}

TEST(PageCache, ManyThreadsReadAndEvictAtOnce) {
  PageCache cache(512 * 1024);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 3000; ++i) {
        int n = (i * 7 + t * 13) % 400;
        Load(cache, n % 9, "p" + std::to_string(n), 2, n);
        if (i % 97 == 0) cache.Invalidate(n % 9);
      }
    });
  }
  for (auto& th : threads) th.join();
  PageCache::Stats s = cache.stats();
  EXPECT_LE(s.bytes, 512 * 1024);
  EXPECT_EQ(s.hits + s.misses, 4u * 3000);
}

}  // namespace
}  // namespace tribune::render
