#include <gtest/gtest.h>

#include "site/article.h"
#include "site/comment_form.h"
#include "site/pagination.h"
#include "site/slug.h"

namespace tribune::site {
namespace {

TEST(Pagination, PageCount) {
  EXPECT_EQ(PageCount(0, 20), 1);
  EXPECT_EQ(PageCount(20, 20), 1);
  EXPECT_EQ(PageCount(21, 20), 2);
  EXPECT_EQ(PageCount(516, 20), 26);
}

TEST(Pagination, FirstPageLooksLikeTheSeed) {
  // "Back 1 2 3 4 5 6 7 8 9 10 ... 26 Next"
  std::vector<int64_t> want = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 26};
  EXPECT_EQ(PageLinks(1, 26), want);
  EXPECT_EQ(PageLinks(5, 26), want);
}

TEST(Pagination, MiddleAndEnd) {
  std::vector<int64_t> middle = {1, 0, 10, 11, 12, 13, 14, 15, 16, 0, 26};
  EXPECT_EQ(PageLinks(13, 26), middle);
  std::vector<int64_t> end = {1, 0, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26};
  EXPECT_EQ(PageLinks(26, 26), end);
}

TEST(Pagination, ShortRangesHaveNoGaps) {
  EXPECT_EQ(PageLinks(1, 1), std::vector<int64_t>{1});
  EXPECT_EQ(PageLinks(3, 7), (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7}));
}

TEST(Pagination, EveryPageIsReachableAndCurrentShown) {
  for (int64_t total = 1; total < 60; ++total) {
    for (int64_t cur = 1; cur <= total; ++cur) {
      auto links = PageLinks(cur, total);
      EXPECT_EQ(links.front(), 1);
      EXPECT_EQ(links.back(), total);
      EXPECT_NE(std::find(links.begin(), links.end(), cur), links.end());
      for (size_t i = 1; i < links.size(); ++i) EXPECT_FALSE(links[i] == 0 && links[i - 1] == 0);
    }
  }
}

TEST(Slug, AsciiWordsOrFallback) {
  EXPECT_EQ(Slugify("US urges Xi to press Putin over 'war crimes' in Ukraine"),
            "us-urges-xi-to-press-putin-over-war-crimes-in-ukraine");
  EXPECT_EQ(Slugify("  --Hello,   World!-- "), "hello-world");
  EXPECT_EQ(Slugify("ქართული"), "article");
}

TEST(ArticlePaths, CanonicalUrls) {
  Article a;
  a.id = 12;
  a.slug = "us-urges-xi";
  EXPECT_EQ(ArticlePath(a), "/news/12-us-urges-xi.html");
  EXPECT_EQ(CommentsPagePath(a, 1), "/news/12-us-urges-xi.html");
  EXPECT_EQ(CommentsPagePath(a, 3), "/news/12-us-urges-xi/comments/page/3");
}

TEST(CommentForm, TrimsAndAcceptsAGoodComment) {
  CommentForm f{"  Nino ", " nino@example.ge ", "\n Good article. \n", ""};
  EXPECT_TRUE(ValidateCommentForm(f, {}).empty());
  EXPECT_EQ(f.name, "Nino");
  EXPECT_EQ(f.email, "nino@example.ge");
  EXPECT_EQ(f.body, "Good article.");
}

TEST(CommentForm, RejectsWhatTheSeedAllowed) {
  CommentForm empty{"Robyn", "", " \u00a0\n\u200b ", ""};
  auto errors = ValidateCommentForm(empty, {});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "body");

  CommentForm nameless{"   ", "not-an-email", "text", ""};
  errors = ValidateCommentForm(nameless, {});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "name");
  EXPECT_EQ(errors[1].field, "email");
}

TEST(CommentForm, LengthLimitsCountCharactersNotBytes) {
  CommentLimits limits;
  limits.body_max = 5;
  CommentForm ok{std::string(60, 'n'), "", "ქართუ", ""};
  EXPECT_TRUE(ValidateCommentForm(ok, limits).empty());
  CommentForm too_long{std::string(61, 'n'), "", "ქართულ", ""};
  EXPECT_EQ(ValidateCommentForm(too_long, limits).size(), 2u);
}

TEST(CommentForm, EmailSyntax) {
  EXPECT_TRUE(IsPlausibleEmail("a.b+c@mail.example.com"));
  EXPECT_FALSE(IsPlausibleEmail("a@b"));
  EXPECT_FALSE(IsPlausibleEmail("a@@b.com"));
  EXPECT_FALSE(IsPlausibleEmail("a b@c.com"));
  EXPECT_FALSE(IsPlausibleEmail("@c.com"));
  EXPECT_FALSE(IsPlausibleEmail("a@c..com"));
}

}  // namespace
}  // namespace tribune::site
