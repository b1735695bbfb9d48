// An article: what editors publish and readers comment on.
#pragma once

#include <cstdint>
#include <string>

namespace tribune::site {

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
};

// The URL path of the article page, e.g. "/news/12-us-urges-xi.html".
std::string ArticlePath(const Article& a);
// The URL path of comment page `page` (1-based); page 1 is the article page.
std::string CommentsPagePath(const Article& a, int64_t page);
// The path comments are posted to.
std::string CommentsPostPath(const Article& a);

}  // namespace tribune::site
