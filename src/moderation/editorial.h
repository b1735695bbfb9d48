// Editors' work on articles, shared by the newsroom and the command line:
// checking what an editor sent, saving it, and the audit entry for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "moderation/audit.h"
#include "site/article.h"
#include "site/comment_form.h"
#include "store/store.h"

namespace tribune::moderation {

// What an editor sends for an article (a new one, or a change).
struct ArticleInput {
  std::string title, slug, lead, body, source;  // slug empty: made from the title
  bool comments_open = true;
  std::string byline, category;                  // category: one of the site's, or ""
  int64_t comments_close_days = 0;               // 0: comments do not close by themselves
  site::ArticleState state = site::ArticleState::kPublished;
  // When readers see it (Unix seconds; later than now: scheduled). 0: now for
  // an article published for the first time, else its time stays.
  int64_t publish_at = 0;
};

// What `a` holds, as the editor's form shows it.
ArticleInput InputOf(const site::Article& a);

inline constexpr size_t kMaxTitle = 300;
inline constexpr size_t kMaxLead = 2000;
inline constexpr size_t kMaxBody = 200000;
inline constexpr size_t kMaxSource = 300;
inline constexpr size_t kMaxByline = 200;
inline constexpr int64_t kMaxCloseDays = 3650;

// `in` as it is saved: fields trimmed, CRLF line ends (from a form) as LF.
ArticleInput NormalizedArticle(const ArticleInput& in);

// What is wrong with `in`, field by field; empty when it can be saved.
// `categories`: the site's ([site] categories); a category must be one of them.
std::vector<site::FieldError> CheckArticle(const ArticleInput& in,
                                           const std::vector<std::string>& categories);

// The line the audit log keeps of an article, before and after a change.
std::string ArticleSummary(const site::Article& a);

// Saves a new article (a draft, published now, or scheduled) and records
// "article.add". InvalidArgument (the first problem) when CheckArticle finds any.
Result<site::Article> CreateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, const ArticleInput& in,
                                    const std::vector<std::string>& categories, int64_t now);

// Replaces article `id`'s text and settings and records "article.edit" (or
// "article.publish" / "article.unpublish" when its state changes). NotFound
// when there is no such article.
Result<site::Article> UpdateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, int64_t id, const ArticleInput& in,
                                    const std::vector<std::string>& categories, int64_t now);

// An image an editor uploads (media::PrepareUpload), with its alt text:
// stored at its widths and audited "image.add". InvalidArgument, in words for
// the editor, when the alt text is missing or the file is refused.
inline constexpr size_t kMaxAlt = 500;
Result<site::Image> AddImage(store::ImageStore& images, store::AuditStore& audit, const Actor& by,
                             std::string_view bytes, const std::string& alt, int64_t now);

// The ids of the images an article's text places ("[img=ID]" paragraphs), in order.
std::vector<int64_t> ImagesIn(const std::string& body);

}  // namespace tribune::moderation
