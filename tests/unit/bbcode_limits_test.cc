// Hostile sizes and shapes: deep nesting, huge inputs, many tags. These check
// the caps hold and that work grows linearly (by counting output and nodes,
// not by timing).
#include <gtest/gtest.h>

#include <string>

#include "bbcode/bbcode.h"
#include "bbcode_html_check.h"

namespace tribune::bbcode {
namespace {

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t i = haystack.find(needle); i != std::string_view::npos;
       i = haystack.find(needle, i + needle.size())) {
    ++n;
  }
  return n;
}

std::string Repeat(std::string_view piece, size_t times) {
  std::string s;
  s.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) s.append(piece);
  return s;
}

size_t MaxElementDepth(const Document& doc) {
  std::vector<uint32_t> open;
  size_t deepest = 0;
  for (uint32_t i = 0; i < doc.nodes.size(); ++i) {
    while (!open.empty() && doc.nodes[open.back()].end <= i) open.pop_back();
    if (doc.nodes[i].kind == NodeKind::kElement) {
      open.push_back(i);
      deepest = std::max(deepest, open.size());
    }
  }
  return deepest;
}

TEST(LimitsTest, TenThousandNestedQuotesStopAtTheCap) {
  std::string source = Repeat("[quote]", 10000) + "x" + Repeat("[/quote]", 10000);
  Document doc = Parse(source);
  EXPECT_EQ(MaxElementDepth(doc), static_cast<size_t>(kMaxDepth));
  std::string html = RenderHtml(doc, RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
  EXPECT_EQ(Count(html, "<blockquote"), static_cast<size_t>(kMaxDepth));
  // The tags past the cap stay as text, opening and closing alike.
  EXPECT_EQ(Count(html, "[quote]"), 10000u - kMaxDepth);
  EXPECT_EQ(Count(html, "[/quote]"), 10000u - kMaxDepth);
  std::string text = RenderText(doc);
  EXPECT_NE(text.find(Repeat("> ", kMaxDepth) + "[quote]"), std::string::npos);
}

TEST(LimitsTest, UnclosedNestedQuotesCloseAtTheEnd) {
  Document doc = Parse(Repeat("[quote=a]", 10000));
  std::string html = RenderHtml(doc, RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
  EXPECT_EQ(Count(html, "</blockquote>"), static_cast<size_t>(kMaxDepth));
}

TEST(LimitsTest, OneMegabyteOfBoldOpeners) {
  std::string source = Repeat("[b]", (1 << 20) / 3);
  ASSERT_GE(source.size(), 1u << 19);
  Document doc = Parse(source);
  std::string html = RenderHtml(doc, RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
  EXPECT_EQ(Count(html, "<b>"), static_cast<size_t>(kMaxDepth));
  // Everything past the cap merges into one text node.
  EXPECT_EQ(doc.nodes.size(), static_cast<size_t>(kMaxDepth) + 1);
}

TEST(LimitsTest, OneMegabyteOfMixedMarkupStaysLinear) {
  const std::string_view piece =
      "[b]x[i]y[/b]z[/i][url=http://a.com/]q[quote=n]r[/url] :smile: http://b.com/ [foo]\n";
  Document small = Parse(Repeat(piece, 1000));
  Document large = Parse(Repeat(piece, (1 << 20) / piece.size()));
  size_t ratio = ((1 << 20) / piece.size()) / 1000;
  // Node counts and output sizes grow in proportion to the input; a
  // quadratic path would show up as a larger ratio.
  EXPECT_LE(large.nodes.size(), small.nodes.size() * (ratio + 1));
  std::string html = RenderHtml(large, RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
  EXPECT_LE(html.size(), RenderHtml(small, RenderOptions()).size() * (ratio + 1));
  EXPECT_LE(MaxElementDepth(large), static_cast<size_t>(kMaxDepth));
}

TEST(LimitsTest, ManyUnclosedRawLinksScanOnce) {
  // Each [url] looks for its [/url]; none exists, so they all stay text.
  std::string source = Repeat("[url]", 200000) + Repeat("[leech]x", 20000);
  std::string html = ToHtml(source, RenderOptions());
  EXPECT_TRUE(html == source);
}

TEST(LimitsTest, LongUnterminatedArgumentsAndUrls) {
  std::string source = "[url=" + std::string(1 << 20, 'a');
  EXPECT_TRUE(ToHtml(source, RenderOptions()) == source);
  std::string url = "http://" + std::string(1 << 20, 'h');
  EXPECT_TRUE(ToHtml(url, RenderOptions()) == url);  // too long to link
  std::string parens = "http://x.com/" + std::string(1 << 20, ')');
  EXPECT_EQ(ToHtml(parens, RenderOptions()).find("<a "), 0u);
}

TEST(LimitsTest, SmiliesPastTheCapStayText) {
  std::string html = ToHtml(Repeat(":wink:", kMaxSmilies + 5), RenderOptions());
  EXPECT_EQ(Count(html, "<img "), static_cast<size_t>(kMaxSmilies));
  EXPECT_TRUE(html.ends_with(Repeat(":wink:", 5)));
}

TEST(LimitsTest, ManyLineBreaksShareOneNode) {
  Document doc = Parse(std::string(1 << 20, '\n') + "x");
  EXPECT_EQ(doc.nodes.size(), 1u);
  EXPECT_EQ(Count(RenderHtml(doc, RenderOptions()), "<br>"), 1u << 20);
}

TEST(LimitsTest, ManyAlternatingTagsAtTheCap) {
  std::string source = Repeat("[i]", kMaxDepth - 1) + Repeat("[b]x[/b][s]", 100000);
  std::string html = ToHtml(source, RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
}

}  // namespace
}  // namespace tribune::bbcode
