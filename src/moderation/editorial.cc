#include "moderation/editorial.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/utf8.h"
#include "media/image_upload.h"
#include "site/slug.h"

namespace tribune::moderation {
namespace {

bool SlugIsNormalizedArticle(const std::string& slug) {
  if (slug.empty() || slug.size() > 120 || slug.front() == '-' || slug.back() == '-') return false;
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

ArticleInput NormalizedArticle(const ArticleInput& in) {
  ArticleInput out = in;
  out.title = Trimmed(in.title);
  out.slug = Trimmed(in.slug);
  out.lead = Trimmed(in.lead);
  out.source = Trimmed(in.source);
  out.byline = Trimmed(in.byline);
  out.category = Trimmed(in.category);
  // The body keeps its inner blank lines (paragraphs); CRLF from forms becomes LF.
  std::string body;
  for (char c : in.body) {
    if (c != '\r') body += c;
  }
  out.body = Trimmed(body);
  return out;
}

ArticleInput InputOf(const site::Article& a) {
  ArticleInput in{a.title, a.slug, a.lead, a.body, a.source, a.comments_open};
  in.byline = a.byline;
  in.category = a.category;
  in.comments_close_days = a.comments_close_days;
  in.state = a.state;
  in.publish_at = a.published_at;
  return in;
}

std::vector<site::FieldError> CheckArticle(const ArticleInput& raw,
                                           const std::vector<std::string>& categories) {
  ArticleInput in = NormalizedArticle(raw);
  std::vector<site::FieldError> errors;
  auto too_long = [&](const char* field, const std::string& v, size_t max, const char* what) {
    if (utf8::Length(v) > max) {
      errors.push_back({field, fmt::format("The {} is longer than {} characters.", what, max)});
    }
  };
  if (in.title.empty()) errors.push_back({"title", "An article needs a title."});
  too_long("title", in.title, kMaxTitle, "title");
  if (!in.slug.empty() && !SlugIsNormalizedArticle(in.slug)) {
    errors.push_back({"slug", "The address name may hold only small letters a-z, digits and "
                              "hyphens (not first or last), at most 120."});
  }
  if (in.slug.empty() && !in.title.empty() && site::Slugify(in.title).empty()) {
    errors.push_back({"slug", "No address name can be made from this title: give one."});
  }
  too_long("lead", in.lead, kMaxLead, "lead");
  if (in.body.empty()) errors.push_back({"body", "An article needs a text."});
  too_long("body", in.body, kMaxBody, "text");
  too_long("source", in.source, kMaxSource, "source line");
  too_long("byline", in.byline, kMaxByline, "byline");
  if (!in.category.empty() &&
      std::find(categories.begin(), categories.end(), in.category) == categories.end()) {
    errors.push_back({"category", categories.empty()
                                      ? "This site has no categories ([site] categories)."
                                      : "Choose one of the site's categories."});
  }
  if (in.comments_close_days < 0 || in.comments_close_days > kMaxCloseDays) {
    errors.push_back({"comments_close_days",
                      fmt::format("Comments close after 0 (never) to {} days.", kMaxCloseDays)});
  }
  if (in.publish_at < 0) errors.push_back({"publish_at", "That is not a publication time."});
  for (const auto* v : {&in.title, &in.slug, &in.lead, &in.body, &in.source, &in.byline}) {
    if (!utf8::IsValid(*v)) {
      errors.push_back({"", "The text is not valid UTF-8."});
      break;
    }
  }
  return errors;
}

std::string ArticleSummary(const site::Article& a) {
  std::string out = a.title + "; " + std::string(site::StateName(a.state));
  if (a.state == site::ArticleState::kPublished) out += " from " + std::to_string(a.published_at);
  if (!a.category.empty()) out += "; in " + a.category;
  out += a.comments_open ? "; comments open" : "; comments closed";
  if (a.comments_close_days > 0) {
    out += fmt::format(" (closing after {} days)", a.comments_close_days);
  }
  return out;
}

Result<site::Article> CreateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, const ArticleInput& raw,
                                    const std::vector<std::string>& categories, int64_t now) {
  auto errors = CheckArticle(raw, categories);
  if (!errors.empty()) return InvalidArgument(errors.front().message);
  ArticleInput in = NormalizedArticle(raw);
  store::ArticleDraft draft{in.title, in.lead, in.body, in.source, in.slug,
                            in.publish_at > 0 ? in.publish_at : now, in.comments_open};
  draft.state = in.state;
  draft.category = in.category;
  draft.byline = in.byline;
  draft.comments_close_days = in.comments_close_days;
  auto a = articles.CreateArticle(draft, now);
  if (!a.ok()) return a.status();
  (void)RecordAction(audit, by, "article.add", "article " + std::to_string(a->id), "",
                     ArticleSummary(*a), now);
  return a;
}

Result<site::Article> UpdateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, int64_t id, const ArticleInput& raw,
                                    const std::vector<std::string>& categories, int64_t now) {
  auto errors = CheckArticle(raw, categories);
  if (!errors.empty()) return InvalidArgument(errors.front().message);
  ArticleInput in = NormalizedArticle(raw);
  auto a = articles.GetArticle(id);
  if (!a.ok()) return a.status();
  std::string before = ArticleSummary(*a);
  a->title = in.title;
  a->slug = in.slug.empty() ? site::Slugify(in.title) : in.slug;
  a->lead = in.lead;
  a->body = in.body;
  a->source = in.source;
  a->comments_open = in.comments_open;
  a->byline = in.byline;
  a->category = in.category;
  a->comments_close_days = in.comments_close_days;
  site::ArticleState was = a->state;
  a->state = in.state;
  if (in.publish_at > 0) {
    a->published_at = in.publish_at;
  } else if (in.state == site::ArticleState::kPublished && was != site::ArticleState::kPublished) {
    a->published_at = now;  // published (again) now
  }
  TRIBUNE_RETURN_IF_ERROR(articles.UpdateArticle(*a, now));
  const char* action = was == a->state                                ? "article.edit"
                       : a->state == site::ArticleState::kPublished   ? "article.publish"
                       : a->state == site::ArticleState::kUnpublished ? "article.unpublish"
                                                                      : "article.edit";
  (void)RecordAction(audit, by, action, "article " + std::to_string(id), before,
                     ArticleSummary(*a), now);
  return articles.GetArticle(id);
}

Result<site::Image> AddImage(store::ImageStore& images, store::AuditStore& audit, const Actor& by,
                             std::string_view bytes, const std::string& raw_alt, int64_t now) {
  std::string alt = Trimmed(raw_alt);
  if (alt.empty()) {
    return InvalidArgument("An image needs its alt text: what it shows, for readers who cannot "
                           "see it.");
  }
  if (!utf8::IsValid(alt) || utf8::Length(alt) > kMaxAlt) {
    return InvalidArgument(fmt::format("The alt text must be text of at most {} characters.",
                                       kMaxAlt));
  }
  auto ready = media::PrepareUpload(bytes);
  if (!ready.ok()) return ready.status();
  site::Image meta;
  meta.alt = alt;
  meta.width = ready->width;
  meta.height = ready->height;
  meta.created_by = by.name;
  meta.created_at = now;
  auto added = images.AddImage(meta, ready->files);
  if (!added.ok()) return added.status();
  (void)RecordAction(audit, by, "image.add", "image " + std::to_string(added->id), "",
                     fmt::format("{} ({}x{}, from {})", alt, added->width, added->height,
                                 ready->source_type),
                     now);
  return added;
}

std::vector<int64_t> ImagesIn(const std::string& body) {
  std::vector<int64_t> out;
  site::ForEachParagraph(body, [&out](std::string_view para) {
    std::optional<int64_t> id = site::PlacedImage(para);
    if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  });
  return out;
}

}  // namespace tribune::moderation
