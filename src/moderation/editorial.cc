#include "moderation/editorial.h"

#include <fmt/format.h>

#include "core/utf8.h"
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
  // The body keeps its inner blank lines (paragraphs); CRLF from forms becomes LF.
  std::string body;
  for (char c : in.body) {
    if (c != '\r') body += c;
  }
  out.body = Trimmed(body);
  return out;
}

std::vector<site::FieldError> CheckArticle(const ArticleInput& raw) {
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
  for (const auto* v : {&in.title, &in.slug, &in.lead, &in.body, &in.source}) {
    if (!utf8::IsValid(*v)) {
      errors.push_back({"", "The text is not valid UTF-8."});
      break;
    }
  }
  return errors;
}

std::string ArticleSummary(const site::Article& a) {
  return a.title + (a.comments_open ? "; comments open" : "; comments closed");
}

Result<site::Article> CreateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, const ArticleInput& raw, int64_t now) {
  auto errors = CheckArticle(raw);
  if (!errors.empty()) return InvalidArgument(errors.front().message);
  ArticleInput in = NormalizedArticle(raw);
  auto a = articles.CreateArticle(
      {in.title, in.lead, in.body, in.source, in.slug, 0, in.comments_open}, now);
  if (!a.ok()) return a.status();
  (void)RecordAction(audit, by, "article.add", "article " + std::to_string(a->id), "",
                     ArticleSummary(*a), now);
  return a;
}

Result<site::Article> UpdateArticle(store::ArticleStore& articles, store::AuditStore& audit,
                                    const Actor& by, int64_t id, const ArticleInput& raw,
                                    int64_t now) {
  auto errors = CheckArticle(raw);
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
  TRIBUNE_RETURN_IF_ERROR(articles.UpdateArticle(*a, now));
  (void)RecordAction(audit, by, "article.edit", "article " + std::to_string(id), before,
                     ArticleSummary(*a), now);
  return articles.GetArticle(id);
}

}  // namespace tribune::moderation
