// JSON API v1. Errors are RFC 9457 problem documents.
#include <fmt/format.h>

#include <optional>
#include <ctime>
#include <nlohmann/json.hpp>

#include "comments/api_keys.h"
#include "core/numbers.h"
#include "core/time_format.h"
#include "core/utf8.h"
#include "site/pagination.h"
#include "web/conditional.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/openapi_document.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

using nlohmann::json;
constexpr int64_t kArticlesPerPage = 20;

http::Response Json(int status, const json& body) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

json ArticleJson(const std::string& link_base, const site::Article& a, bool with_body) {
  json j = {{"id", a.id},
            {"slug", a.slug},
            {"title", a.title},
            {"lead", a.lead},
            {"source", a.source},
            {"published_at", timefmt::Iso8601(a.published_at)},
            {"url", link_base + site::ArticlePath(a)},
            {"comments_open", site::TakesComments(a, std::time(nullptr))},
            {"comment_count", a.comment_count},
            {"category", a.category},
            {"byline", a.byline}};
  if (with_body) j["body"] = a.body;
  return j;
}

json CommentJson(const site::Comment& c) {
  return {{"id", c.id},
          {"number", c.number},
          {"author", c.author},
          {"body_html", c.body_html},
          {"body_text", c.body_text},
          {"created_at", timefmt::Iso8601(c.created_at)}};
}

bool ParseId(std::string_view s, int64_t& out) {
  std::optional<int64_t> id = ParsePositive(s);
  if (id) out = *id;
  return id.has_value();
}

// The 'page' parameter: 1 when absent, -1 when it is not a page number.
int64_t PageParam(const http::Request& req) { return req.PositiveParam("page", 1).value_or(-1); }

// A listing page past the last: 404, as on the site's own pages (a listing
// always has page 1, empty or not).
http::Response PastTheEnd(int64_t pages, std::string_view what) {
  return Problem(404, fmt::format("There {} only {} {} page{}.", pages == 1 ? "is" : "are", pages,
                                  what, pages == 1 ? "" : "s"));
}

http::Response ListArticles(Context& ctx, const http::Request& req) {
  int64_t page = PageParam(req);
  if (page < 1) return Problem(400, "The 'page' parameter must be a positive integer.");
  store::ArticleFilter shown{std::time(nullptr), req.QueryParam("category")};
  auto count = ctx.articles.CountArticles(shown);
  if (!count.ok()) return Problem(503, "The store is not available; try again.");
  int64_t pages = site::PageCount(*count, kArticlesPerPage);
  if (page > pages) return PastTheEnd(pages, "article");
  auto list = ctx.articles.ListArticles(site::PageOffset(page, kArticlesPerPage), kArticlesPerPage,
                                        shown);
  if (!list.ok()) return Problem(503, "The store is not available; try again.");
  json arr = json::array();
  std::string base = LinkBase(ctx, req);
  for (const auto& a : *list) arr.push_back(ArticleJson(base, a, false));
  return Json(200, {{"articles", arr}, {"page", page}, {"pages", pages}, {"total", *count}});
}

// A problem for a failed store read: 404 for a missing row, else 503.
http::Response ReadProblem(const Status& st, const std::string& not_found) {
  if (st.code() == Code::kNotFound) return Problem(404, not_found);
  return Problem(503, "The store is not available; try again.");
}

http::Response GetArticle(Context& ctx, const http::Request& req, int64_t id) {
  auto a = store::GetPublicArticle(ctx.articles, id, std::time(nullptr));
  if (!a.ok()) return ReadProblem(a.status(), fmt::format("There is no article {}.", id));
  return Json(200, ArticleJson(LinkBase(ctx, req), *a, true));
}

http::Response ListComments(Context& ctx, const http::Request& req, int64_t id) {
  int64_t page = PageParam(req);
  if (page < 1) return Problem(400, "The 'page' parameter must be a positive integer.");
  auto a = store::GetPublicArticle(ctx.articles, id, std::time(nullptr));
  if (!a.ok()) return ReadProblem(a.status(), fmt::format("There is no article {}.", id));
  int64_t per_page = ctx.config.comments.per_page;
  int64_t pages = site::PageCount(a->comment_count, per_page);
  if (page > pages) return PastTheEnd(pages, "comment");
  auto list =
      ctx.comment_store.ListPublishedComments(id, site::PageOffset(page, per_page), per_page);
  if (!list.ok()) return Problem(503, "The store is not available; try again.");
  json arr = json::array();
  for (const auto& c : *list) arr.push_back(CommentJson(c));
  return Json(200, {{"comments", arr}, {"page", page}, {"pages", pages},
                    {"total", a->comment_count}});
}

http::Response Challenge(Context& ctx, const http::Request& req) {
  int64_t id = 0;
  if (!ParseId(req.QueryParam("article"), id)) {
    return Problem(400, "The 'article' parameter must be an article id.");
  }
  int64_t now = std::time(nullptr);
  auto article = store::GetPublicArticle(ctx.articles, id, now);
  if (!article.ok()) {
    return ReadProblem(article.status(), fmt::format("There is no article {}.", id));
  }
  if (!ctx.comments.challenge_enabled()) return Json(200, {{"required", false}});
  // A known commenter's pass (from an earlier post's "commenter_pass") spares
  // a spam wave's extra work, as the tc cookie does for the page's form.
  std::string known =
      ctx.comments.KnownCommenter(req.Header("x-commenter-pass"), now);
  comments::IssuedForm f = ctx.comments.IssueForm(id, req.remote_addr, now, NowMs(), known);
  return Json(200, {{"required", true},
                    {"article", id},
                    {"token", f.token},
                    {"pow", {{"algorithm", "sha256-leading-zero-bits"},
                             {"bits", f.pow_bits},
                             {"solutions", f.pow_solutions},
                             {"input", "token + \":\" + solution"}}},
                    {"code", f.code},
                    {"expires_in", ctx.config.comments.token_max_age_s},
                    {"min_seconds", ctx.config.comments.min_seconds}});
}

// Reads a string member; false (with `detail`) when present but not a valid UTF-8 string.
bool StringField(const json& body, const char* name, std::string& out, std::string& detail) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_string()) {
    detail = fmt::format("The member '{}' must be a string.", name);
    return false;
  }
  out = it->get<std::string>();
  if (!utf8::IsValid(out)) {
    detail = fmt::format("The member '{}' is not valid UTF-8.", name);
    return false;
  }
  return true;
}

http::Response ValidationProblem(const std::vector<site::FieldError>& field_errors) {
  std::string msg;
  json errors = json::array();
  for (const auto& e : field_errors) {
    msg += (msg.empty() ? "" : " ") + e.message;
    errors.push_back({{"field", e.field == "name" ? "author" : e.field}, {"message", e.message}});
  }
  http::Response r = Problem(422, msg);
  json j = json::parse(r.body);
  j["errors"] = errors;
  r.body = j.dump();
  return r;
}

// Parses a JSON object body; a problem response when it is not one.
std::optional<http::Response> ReadJsonObject(const http::Request& req, json& out) {
  if (req.Header("content-type").substr(0, 16) != "application/json") {
    return Problem(415, "Send the body as application/json.");
  }
  if (!utf8::IsValid(req.body)) return Problem(400, "The body is not valid UTF-8.");
  out = json::parse(req.body, nullptr, false);
  if (out.is_discarded() || !out.is_object()) return Problem(400, "The body is not a JSON object.");
  return std::nullopt;
}

void PostComment(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  json body;
  if (auto problem = ReadJsonObject(req, body)) return respond(std::move(*problem));
  site::CommentForm form;
  comments::FormProof proof;
  std::string detail;
  if (!StringField(body, "author", form.name, detail) ||
      !StringField(body, "email", form.email, detail) ||
      !StringField(body, "body", form.body, detail) ||
      !StringField(body, "code", proof.code, detail) ||
      !StringField(body, "token", proof.token, detail) ||
      !StringField(body, "pow", proof.pow, detail)) {
    return respond(Problem(400, detail));
  }
  bool known = true;
  std::string key = comments::ApiKeyName(ctx.config, req.Header("authorization"), &known);
  if (!known) return respond(Problem(401, "The API key is not one this site issued."));
  comments::PostContext pc{req.remote_addr,    std::string(req.Header("user-agent")),
                           std::time(nullptr), NowMs(),
                           std::move(proof),   key};
  ctx.comments.Post(
      id, std::move(form), pc, [&ctx, respond, now = pc.now](comments::PostOutcome out) {
        using Kind = comments::PostOutcome::Kind;
        switch (out.kind) {
          case Kind::kStored: {
            const site::Comment& c = out.stored.comment;
            json j = {{"id", c.id},
                      {"number", c.number},
                      {"status", std::string(site::StatusName(c.status))},
                      {"duplicate", out.stored.duplicate}};
            bool editable = c.status == site::CommentStatus::kPublished ||
                            c.status == site::CommentStatus::kHeld;
            if (out.sent_by_author && editable && ctx.comments.EditableUntil(c) > now) {
              // Only the poster gets the key: it lets them edit the comment, within the window.
              j["edit_key"] = ctx.comments.EditKey(c);
              j["editable_until"] = timefmt::Iso8601(ctx.comments.EditableUntil(c));
            }
            if (out.sent_by_author) {
              // A published comment with an e-mail address earns its author a pass:
              // sent back as X-Commenter-Pass to /api/v1/challenge, it spares them a
              // spam wave's extra proof of work (for that e-mail address only).
              std::string pass = ctx.comments.CommenterCookie(c, now);
              if (!pass.empty()) j["commenter_pass"] = pass;
            }
            http::Response r = Json(out.stored.duplicate ? 200 : 201, j);
            r.headers.emplace_back("Location", fmt::format("/api/v1/comments/{}", c.id));
            return respond(std::move(r));
          }
          case Kind::kInvalid:
            return respond(ValidationProblem(out.errors));
          case Kind::kLimited: {
            http::Response r = Problem(429, out.message);
            r.headers.emplace_back("Retry-After", "60");
            return respond(std::move(r));
          }
          case Kind::kClosed:
            return respond(Problem(403, out.message));
          case Kind::kNotFound:
            return respond(Problem(404, "There is no such article."));
          case Kind::kUnavailable:
            return respond(Problem(503,
                                   "The comment could not be saved; "
                                   "send it again."));
        }
      });
}

// PUT or PATCH /api/v1/comments/{id} with {"body", "edit_key"}: the author's edit.
http::Response EditComment(Context& ctx, const http::Request& req, int64_t id) {
  json body;
  if (auto problem = ReadJsonObject(req, body)) return std::move(*problem);
  std::string text, key, detail;
  if (!StringField(body, "body", text, detail) || !StringField(body, "edit_key", key, detail)) {
    return Problem(400, detail);
  }
  comments::PostContext pc{
      req.remote_addr, std::string(req.Header("user-agent")), std::time(nullptr), NowMs(), {}};
  comments::EditOutcome out = ctx.comments.Edit(id, key, std::move(text), pc);
  using Kind = comments::EditOutcome::Kind;
  switch (out.kind) {
    case Kind::kEdited: {
      CommentChanged(ctx, out.comment);
      const site::Comment& c = out.comment;
      return Json(200, {{"id", c.id},
                        {"number", c.number},
                        {"status", std::string(site::StatusName(c.status))},
                        {"edited_at", timefmt::Iso8601(c.edited_at)}});
    }
    case Kind::kInvalid: return ValidationProblem(out.errors);
    case Kind::kNotFound: return Problem(404, out.message);
    case Kind::kLimited: {
      http::Response r = Problem(429, out.message);
      r.headers.emplace_back("Retry-After", "60");
      return r;
    }
    case Kind::kForbidden:
    case Kind::kClosed: return Problem(403, out.message);
    case Kind::kUnavailable: return Problem(503, "The edit could not be saved; send it again.");
  }
  return Problem(500, "unreachable");
}

http::Response GetCommentById(Context& ctx, int64_t id) {
  auto c = ctx.comment_store.GetComment(id);
  if (!c.ok() || c->status != site::CommentStatus::kPublished) {
    return Problem(404, fmt::format("There is no published comment {}.", id));
  }
  json j = CommentJson(*c);
  j["article_id"] = c->article_id;
  return Json(200, j);
}

}  // namespace

RouteTable ApiRoutes(Context& ctx, const CorsPolicy& cors) {
  RouteTable t([](int status, const std::string& detail) { return Problem(status, detail); },
               "There is no such API resource.", &cors);
  using Args = const PathArgs&;
  using R = http::Request&;
  using Out = http::Respond;
  // A read: its body gets an ETag, gzip and 304 (Negotiated).
  auto read = [](auto answer) {
    return [answer](R req, Args a, Out respond) { respond(Negotiated(req, answer(req, a))); };
  };
  t.Add("/api/v1/articles")
      .Get(read([&ctx](R req, Args) { return ListArticles(ctx, req); }))
      .SharedAcrossOrigins();
  t.Add("/api/v1/articles/{id}")
      .Get(read([&ctx](R req, Args a) { return GetArticle(ctx, req, a.id); }))
      .SharedAcrossOrigins();
  t.Add("/api/v1/articles/{id}/comments")
      .Get(read([&ctx](R req, Args a) { return ListComments(ctx, req, a.id); }))
      .Post([&ctx](R req, Args a, Out respond) { PostComment(ctx, req, a.id, respond); })
      .SharedAcrossOrigins();
  t.Add("/api/v1/comments/{id}")
      .Get(read([&ctx](R, Args a) { return GetCommentById(ctx, a.id); }))
      .Put([&ctx](R req, Args a, Out respond) { respond(EditComment(ctx, req, a.id)); })
      .Patch([&ctx](R req, Args a, Out respond) { respond(EditComment(ctx, req, a.id)); })
      .SharedAcrossOrigins();
  t.Add("/api/v1/challenge").Get([&ctx](R req, Args, Out respond) {
    respond(Challenge(ctx, req));
  });
  auto openapi = render::MakeCachedPage(std::string(OpenApiDocument()),
                                        std::string(kOpenApiMediaType));
  t.Add("/api/v1/openapi.json")
      .Get([openapi](R req, Args, Out respond) { respond(CachedResponse(req, openapi)); })
      .SharedAcrossOrigins()
      .OnLoop();
  return t;
}

}  // namespace tribune::web
