#include "site/article.h"

#include <fmt/format.h>

namespace tribune::site {

std::string ArticlePath(const Article& a) { return fmt::format("/news/{}-{}.html", a.id, a.slug); }

std::string CommentsPagePath(const Article& a, int64_t page) {
  if (page <= 1) return ArticlePath(a);
  return fmt::format("/news/{}-{}/comments/page/{}", a.id, a.slug, page);
}

std::string CommentsPostPath(const Article& a) {
  return fmt::format("/news/{}-{}/comments", a.id, a.slug);
}

}  // namespace tribune::site
