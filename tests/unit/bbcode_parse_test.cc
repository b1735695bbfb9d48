// Parsing and rendering behaviour that golden files cannot express: options,
// the tree's shape, and the text rendering rules.
#include <gtest/gtest.h>

#include <string>

#include "bbcode/bbcode.h"

namespace tribune::bbcode {
namespace {

RenderOptions Guest() {
  RenderOptions opts;
  opts.leech_href = [](std::string_view target) { return "/go?u=" + std::string(target); };
  return opts;
}

RenderOptions Member() {
  RenderOptions opts = Guest();
  opts.viewer_signed_in = true;
  return opts;
}

TEST(ParseTest, EmptyInputGivesEmptyOutput) {
  EXPECT_TRUE(Parse("").nodes.empty());
  EXPECT_EQ(ToHtml("", Guest()), "");
  EXPECT_EQ(ToText(""), "");
}

TEST(ParseTest, TreeIsPreOrderWithSubtreeEnds) {
  Document doc = Parse("a[b]b[i]c[/i][/b]d");
  ASSERT_EQ(doc.nodes.size(), 6u);
  EXPECT_EQ(doc.nodes[0].value, "a");
  EXPECT_EQ(doc.nodes[1].kind, NodeKind::kElement);
  EXPECT_EQ(doc.nodes[1].tag, Tag::kBold);
  EXPECT_EQ(doc.nodes[1].end, 5u);
  EXPECT_EQ(doc.nodes[3].tag, Tag::kItalic);
  EXPECT_EQ(doc.nodes[3].end, 5u);
  EXPECT_EQ(doc.nodes[5].value, "d");
}

TEST(ParseTest, TagNamesIgnoreCase) {
  EXPECT_EQ(ToHtml("[B]x[/b] [QuOtE=Ann]y[/QUOTE]", Guest()),
            "<b>x</b> <blockquote class=\"quote\"><cite>Ann wrote:</cite>y</blockquote>");
}

TEST(ParseTest, MisnestedInlineTagsAreReopened) {
  EXPECT_EQ(ToHtml("[b][i]x[/b]y[/i]", Guest()), "<b><i>x</i></b><i>y</i>");
}

TEST(ParseTest, BlockCloseDoesNotReopenInlineTags) {
  EXPECT_EQ(ToHtml("[quote][b]x[/quote]y", Guest()),
            "<blockquote class=\"quote\"><b>x</b></blockquote>y");
}

TEST(ParseTest, StrayClosingTagsAreDropped) { EXPECT_EQ(ToHtml("a[/b]c[/quote]", Guest()), "ac"); }

TEST(ParseTest, LiteralOpeningTagKeepsItsClosingTagLiteral) {
  // [color] needs a value: both tags stay as written, and the real [b] pair
  // around them still works.
  EXPECT_EQ(ToHtml("[b][color]x[/color][/b]", Guest()), "<b>[color]x[/color]</b>");
}

TEST(ParseTest, OneNewlineAroundBlockTagsIsDropped) {
  // After the opening and closing tags, and before the closing tag.
  EXPECT_EQ(ToHtml("[quote]\nx\n[/quote]\n\ny", Guest()),
            "<blockquote class=\"quote\">x</blockquote><br>y");
  EXPECT_EQ(ToHtml("[quote]\n\nx\n\n[/quote]", Guest()),
            "<blockquote class=\"quote\"><br>x<br></blockquote>");
  EXPECT_EQ(ToHtml("[b]\nx\n[/b]", Guest()), "<b><br>x<br></b>");
}

TEST(ParseTest, NewlineInsideAClosedElementStays) {
  EXPECT_EQ(ToHtml("[quote][url=http://a.example/]x\n[/url][/quote]", Guest()),
            "<blockquote class=\"quote\"><a href=\"http://a.example/\" "
            "rel=\"ugc nofollow noopener\">x<br></a></blockquote>");
}

TEST(ParseTest, EmptyFormattingIsDropped) {
  EXPECT_EQ(ToHtml("a[b][/b][color=red][i][/i][/color]b", Guest()), "ab");
  EXPECT_TRUE(Parse("[b][/b]").nodes.empty());
}

TEST(ParseTest, CarriageReturnsAreLineBreaks) {
  EXPECT_EQ(ToHtml("a\r\nb\rc\n", Guest()), "a<br>b<br>c<br>");
}

TEST(ParseTest, LinksDoNotNest) {
  EXPECT_EQ(ToHtml("[url=http://a.com]x [url=http://b.com]y[/url] z[/url]", Guest()),
            "<a href=\"http://a.com\" rel=\"ugc nofollow noopener\">x [url=http://b.com]y"
            "[/url] z</a>");
  EXPECT_EQ(ToHtml("[url=http://a.com]see http://b.com[/url]", Guest()),
            "<a href=\"http://a.com\" rel=\"ugc nofollow noopener\">see http://b.com</a>");
}

TEST(ParseTest, BlocksCannotOpenInsideLinks) {
  EXPECT_EQ(ToHtml("[url=http://a.com][quote]x[/quote][/url]", Guest()),
            "<a href=\"http://a.com\" rel=\"ugc nofollow noopener\">[quote]x[/quote]</a>");
}

TEST(RenderHtmlTest, HideShowsContentOnlyToSignedInViewers) {
  Document doc = Parse("a[hide]secret[/hide]b");
  EXPECT_EQ(RenderHtml(doc, Member()), "a<div class=\"hidden-text\">secret</div>b");
  std::string guest = RenderHtml(doc, Guest());
  EXPECT_EQ(guest.find("secret"), std::string::npos);
  EXPECT_NE(guest.find("Hidden text: sign in to see it"), std::string::npos);
}

TEST(RenderHtmlTest, LeechUsesTheInjectedHref) {
  RenderOptions opts = Guest();
  opts.leech_href = [](std::string_view target) {
    return "/go?u=" + std::string(target) + "&s=sig\"";
  };
  EXPECT_EQ(ToHtml("[leech=http://x.com/]go[/leech]", opts),
            "<a href=\"/go?u=http://x.com/&amp;s=sig&quot;\" rel=\"ugc nofollow noopener\">go</a>");
}

TEST(RenderHtmlTest, LeechWithoutSignerIsPlainText) {
  RenderOptions opts;
  EXPECT_EQ(ToHtml("[leech=http://x.com/]go[/leech] [leech]http://y.com/[/leech]", opts),
            "go http://y.com/");
}

TEST(RenderHtmlTest, LeechRefusesMailto) {
  EXPECT_EQ(ToHtml("[leech=mailto:a@b.c]mail[/leech]", Guest()), "mail");
}

TEST(RenderHtmlTest, SmileyBaseIsConfigurable) {
  RenderOptions opts;
  opts.smiley_base = "https://cdn.example/s/";
  EXPECT_EQ(ToHtml(":wink:", opts),
            "<img class=\"smiley\" src=\"https://cdn.example/s/wink.svg\" alt=\":wink:\" "
            "width=\"20\" height=\"20\">");
}

TEST(RenderHtmlTest, EveryShippedSmileyRenders) {
  for (std::string_view name : SmileyNames()) {
    std::string code = ":" + std::string(name) + ":";
    EXPECT_NE(ToHtml(code, Guest()).find("alt=\"" + code + "\""), std::string::npos) << name;
  }
  EXPECT_EQ(SmileyNames().size(), 10u);
  EXPECT_EQ(ToHtml(":nope: :Smile: ::", Guest()), ":nope: :Smile: ::");
}

TEST(RenderTextTest, MarksQuotesAndKeepsAuthor) {
  EXPECT_EQ(ToText("before[quote=Ann]one\ntwo[quote]inner[/quote][/quote]after"),
            "before\n> Ann wrote:\n> one\n> two\n> > inner\nafter");
}

TEST(RenderTextTest, LinksShowTargetWhenTextDiffers) {
  EXPECT_EQ(ToText("[url=http://a.com]site[/url] [url]http://b.com[/url] http://c.com"),
            "site (http://a.com) http://b.com http://c.com");
  EXPECT_EQ(ToText("[leech=http://a.com]x[/leech]"), "x (http://a.com)");
  EXPECT_EQ(ToText("[url=javascript:alert(1)]x[/url]"), "x");
}

TEST(RenderTextTest, LeavesOutHiddenTextAndKeepsSmileyCodes) {
  EXPECT_EQ(ToText("a :smile: [hide]secret[/hide] b"), "a :smile: \n b");
}

TEST(RenderTextTest, SpoilerKeepsTitleAndContent) {
  EXPECT_EQ(ToText("x[spoiler=Ending]he dies[/spoiler]y"), "x\nEnding\nhe dies\ny");
  EXPECT_EQ(ToText("[spoiler]he dies[/spoiler]"), "he dies");
}

TEST(LinkTargetsTest, ListsValidatedTargetsInOrder) {
  Document doc = Parse(
      "[url=HTTP://a.com]a[/url] [leech]https://b.com[/leech] http://c.com/x. "
      "[url=javascript:alert(1)]no[/url] mailto:d@e.f");
  EXPECT_EQ(LinkTargets(doc),
            (std::vector<std::string>{"http://a.com", "https://b.com", "http://c.com/x"}));
}

}  // namespace
}  // namespace tribune::bbcode
