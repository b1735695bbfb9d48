#include "site/article.h"
#include "core/numbers.h"
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

void ForEachParagraph(std::string_view body, const std::function<void(std::string_view)>& f) {
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find("\n\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view para = body.substr(pos, end - pos);
    while (!para.empty() && (para.front() == '\n' || para.front() == '\r')) para.remove_prefix(1);
    if (!para.empty()) f(para);
    pos = end + 2;
  }
}

std::optional<int64_t> PlacedImage(std::string_view para) {
  if (para.size() <= 6 || para.substr(0, 5) != "[img=" || para.back() != ']' ||
      para.find('\n') != std::string_view::npos) {
    return std::nullopt;
  }
  return ParsePositive(para.substr(5, para.size() - 6));
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
