#include "site/article.h"
#include "site/image.h"

#include <fmt/format.h>

namespace tribune::site {

std::string_view StateName(ArticleState s) {
  switch (s) {
    case ArticleState::kDraft: return "draft";
    case ArticleState::kPublished: return "published";
    case ArticleState::kUnpublished: return "unpublished";
  }
  return "draft";
}

std::optional<ArticleState> ParseArticleState(std::string_view name) {
  for (ArticleState s : {ArticleState::kDraft, ArticleState::kPublished, ArticleState::kUnpublished}) {
    if (StateName(s) == name) return s;
  }
  return std::nullopt;
}

bool IsPublic(const Article& a, int64_t now) {
  return a.state == ArticleState::kPublished && a.published_at <= now;
}

int64_t CommentsCloseAt(const Article& a) {
  return a.comments_close_days > 0 ? a.published_at + a.comments_close_days * 86400 : 0;
}

bool TakesComments(const Article& a, int64_t now) {
  int64_t close = CommentsCloseAt(a);
  return IsPublic(a, now) && a.comments_open && (close == 0 || now < close);
}

std::string ImagePath(int64_t id, int width) { return fmt::format("/media/{}-{}.webp", id, width); }

std::string ArticlePath(const Article& a) { return fmt::format("/news/{}-{}.html", a.id, a.slug); }

std::string CommentsPagePath(const Article& a, int64_t page) {
  if (page <= 1) return ArticlePath(a);
  return fmt::format("/news/{}-{}/comments/page/{}", a.id, a.slug, page);
}

std::string CommentsPostPath(const Article& a) {
  return fmt::format("/news/{}-{}/comments", a.id, a.slug);
}

}  // namespace tribune::site
