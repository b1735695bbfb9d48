// Whatever goes in, the HTML that comes out is well-formed and carries only
// the renderer's own markup. Inputs are built from fragments hostile to
// BBCode and HTML parsers, from a fixed seed so failures reproduce.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "bbcode_html_check.h"
#include "core/utf8.h"

namespace tribune::bbcode {
namespace {

const std::vector<std::string_view> kFragments = {
    "[b]",
    "[/b]",
    "[i]",
    "[/i]",
    "[u]",
    "[/U]",
    "[s]",
    "[/s]",
    "[center]",
    "[/center]",
    "[left]",
    "[/right]",
    "[color=red]",
    "[color=#abc]",
    "[color=red;x:y]",
    "[/color]",
    "[url]",
    "[url=",
    "[url=http://a.com]",
    "[url=javascript:alert(1)]",
    "[/url]",
    "[leech]",
    "[leech=https://b.com/x]",
    "[/leech]",
    "[hide]",
    "[/hide]",
    "[quote]",
    "[quote=",
    "[quote=\"a\"]",
    "[/quote]",
    "[spoiler]",
    "[spoiler=<b>]",
    "[/spoiler]",
    "[foo]",
    "[/foo]",
    "[",
    "]",
    "=",
    "\"",
    "'",
    "<",
    ">",
    "&",
    "&#106;",
    "<script>",
    "<a href=https://x/>",
    "javascript:",
    "java\tscript:",
    "http://",
    "https://c.com/",
    "www.d.com",
    "mailto:e@f.g",
    ":smile:",
    ":",
    "smile",
    "\n",
    "\r\n",
    " ",
    "x",
    "onclick=",
    "\xD0\xBF",
    "\xFF",
    "\xE2\x80",
    "\x00",
    "\x1b",
};

std::string RandomSource(std::mt19937& rng) {
  std::uniform_int_distribution<size_t> pick(0, kFragments.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string source;
  for (int n = length(rng); n > 0; --n) source.append(kFragments[pick(rng)]);
  return source;
}

// "" when `doc` keeps the invariants document.h promises.
std::string CheckTree(const Document& doc) {
  const std::vector<Node>& nodes = doc.nodes;
  std::vector<uint32_t> open;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    while (!open.empty() && nodes[open.back()].end <= i) open.pop_back();
    const Node& node = nodes[i];
    bool element = node.kind == NodeKind::kElement;
    if (element ? node.end <= i || node.end > nodes.size() : node.end != i + 1) {
      return "bad end at " + std::to_string(i);
    }
    if (!open.empty() && node.end > nodes[open.back()].end) {
      return "node " + std::to_string(i) + " overlaps its parent";
    }
    if (element) open.push_back(i);
    if (open.size() > static_cast<size_t>(kMaxDepth)) return "too deep";
  }
  return "";
}

RenderOptions WithLeech(bool signed_in) {
  RenderOptions opts;
  opts.viewer_signed_in = signed_in;
  opts.leech_href = [](std::string_view t) { return "/go?u=" + std::string(t); };
  return opts;
}

TEST(SafetyTest, RandomHostileInputsRenderSafeHtml) {
  std::mt19937 rng(20260125);
  for (int round = 0; round < 20000; ++round) {
    std::string source = RandomSource(rng);
    Document doc = Parse(source);
    ASSERT_EQ(CheckTree(doc), "") << "source: " << source;
    for (bool signed_in : {false, true}) {
      std::string html = RenderHtml(doc, WithLeech(signed_in));
      ASSERT_EQ(testing::CheckRenderedHtml(html), "") << "source: " << source << "\nhtml: " << html;
      ASSERT_TRUE(utf8::IsValid(html)) << source;
    }
    std::string text = RenderText(doc);
    ASSERT_TRUE(utf8::IsValid(text)) << source;
    ASSERT_EQ(text.find('\0'), std::string::npos) << source;
  }
}

TEST(SafetyTest, RawHtmlIsVisibleText) {
  EXPECT_EQ(ToHtml("<a href=https://x/>go</a>", RenderOptions()),
            "&lt;a href=https://x/&gt;go&lt;/a&gt;");
  EXPECT_EQ(ToHtml("<script>alert('x')</script>", RenderOptions()),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
}

TEST(SafetyTest, InvalidUtf8AndControlsAreCleaned) {
  EXPECT_EQ(ToHtml(std::string_view("a\xFF"
                                    "b\x00"
                                    "c\x1b"
                                    "d\xE2\x80",
                                    9),
                   RenderOptions()),
            "a\xEF\xBF\xBD"
            "bcd\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(SafetyTest, QuoteNamesAndSpoilerTitlesAreEscapedAndBounded) {
  std::string html = ToHtml("[quote=<img src=x onerror=alert(1)>]x[/quote]", RenderOptions());
  EXPECT_EQ(testing::CheckRenderedHtml(html), "");
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt; wrote:"), std::string::npos);
  std::string title(500, 'a');
  html = ToHtml("[spoiler=" + title + "]x[/spoiler]", RenderOptions());
  EXPECT_NE(html.find(std::string(100, 'a') + "\xE2\x80\xA6</summary>"), std::string::npos);
}

}  // namespace
}  // namespace tribune::bbcode
