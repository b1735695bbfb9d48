// An article: what editors publish and readers comment on.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tribune::site {

// Where an article is in its life. A published article whose publication
// time is still to come is scheduled: readers see it from that time.
enum class ArticleState { kDraft, kPublished, kUnpublished };

std::string_view StateName(ArticleState s);  // "draft", "published", "unpublished"
std::optional<ArticleState> ParseArticleState(std::string_view name);

struct Article {
  int64_t id = 0;
  std::string slug;          // URL words, from the title
  std::string title;
  std::string lead;          // one-paragraph summary for the front page and feeds
  std::string body;          // plain text; paragraphs separated by blank lines
  std::string source;        // the source/author line, e.g. "BBC"
  int64_t published_at = 0;  // Unix seconds
  int64_t updated_at = 0;
  bool comments_open = true;
  int64_t comment_count = 0;  // published comments
  ArticleState state = ArticleState::kPublished;
  std::string category;       // one of the site's categories ([site] categories), or ""
  std::string byline;         // the writer's name as readers see it, or ""
  int64_t comments_close_days = 0;  // comments close this long after publication; 0: never
};

// Whether readers see `a` at `now`: published, and its time has come.
bool IsPublic(const Article& a, int64_t now);
// Whether `a` takes comments at `now`: public, open, and not past its closing.
bool TakesComments(const Article& a, int64_t now);
// When comments on `a` close by themselves (0: they do not).
int64_t CommentsCloseAt(const Article& a);

// Calls `f` with each paragraph of an article's text: the parts between blank
// lines, leading line breaks dropped, empty ones skipped.
void ForEachParagraph(std::string_view body, const std::function<void(std::string_view)>& f);
// The image a paragraph places ("[img=ID]" as its only line); nullopt otherwise.
std::optional<int64_t> PlacedImage(std::string_view paragraph);

// The URL path of the article page, e.g. "/news/12-us-urges-xi.html".
std::string ArticlePath(const Article& a);
// The URL path of comment page `page` (1-based); page 1 is the article page.
std::string CommentsPagePath(const Article& a, int64_t page);
// The path comments are posted to.
std::string CommentsPostPath(const Article& a);

}  // namespace tribune::site
