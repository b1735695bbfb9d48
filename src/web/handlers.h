// The request handlers. Each is thin: parse the request, call a service or
// the store, render, respond.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/request.h"
#include "web/context.h"
#include "site/image.h"
#include "web/cors.h"
#include "web/route_table.h"

namespace tribune::web {

// The article an URL under /news/{id}-{slug} names.
struct ArticleRoute {
  int64_t id = 0;
  std::string slug;
};

void FrontPage(Context& ctx, http::Request& req, http::Respond respond);
// A category's front page and feed (/category/{slug}, /category/{slug}/rss.xml).
void CategoryPage(Context& ctx, http::Request& req, const std::string& slug,
                  http::Respond respond);
void CategoryFeed(Context& ctx, http::Request& req, const std::string& slug,
                  http::Respond respond);
// The comment form's per-reader fields (token, proof of work, code) as an
// HTML fragment, for a page a shared cache kept ([cache] public_pages).
void FormFields(Context& ctx, http::Request& req, const ArticleRoute& route,
                http::Respond respond);
void ArticlePage(Context& ctx, http::Request& req, const ArticleRoute& route, int64_t page,
                 http::Respond respond);
void SiteFeed(Context& ctx, http::Request& req, http::Respond respond);
void CommentsFeed(Context& ctx, http::Request& req, const ArticleRoute& route,
                  http::Respond respond);
void FontPreference(Context& ctx, http::Request& req, http::Respond respond);
// /prefs/lang?l=CODE&back=PATH: the language switch (a cookie), then back.
void LanguagePreference(Context& ctx, http::Request& req, http::Respond respond);
void LeavingPage(Context& ctx, http::Request& req, http::Respond respond);
void PostCommentForm(Context& ctx, http::Request& req, const ArticleRoute& route,
                     http::Respond respond);
// /comments/{id}/edit: the author's edit page and its POST.
void EditCommentPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
// A reader's report on a published comment: its form, and the form's POST.
void ReportCommentPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
void PostReport(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
void PostCommentEdit(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
// Cookies for the author of a just-stored comment: its edit key (cookie
// ce{id}, for the edit window) and, once published, the known-commenter pass
// (cookie tc). Only for the sender who wrote it (PostOutcome::sent_by_author).
void AddAuthorCookies(Context& ctx, const site::Comment& c, http::Response& r);
// The edit page's path when this request's browser may edit comment `c` on
// article `a`, else "".
std::string EditLinkFor(Context& ctx, const http::Request& req, const site::Comment& c,
                        const site::Article& a);
// /comments/{id}: a redirect to the page that shows the published comment now.
void CommentLink(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
// Readers' pages: /account/..., /notifications/..., /privacy, /comments/{id}.
void AddAccountRoutes(Context& ctx, RouteTable& t);
// Drops the cached pages that show `c`.
void CommentChanged(Context& ctx, const site::Comment& c);
// /newsroom...: staff sign-in and moderation; its errors are private pages.
// /newsroom/words: the site's hold and reject lists.
void WordListsPage(Context& ctx, http::Request& req, http::Respond respond);
void SaveWordLists(Context& ctx, http::Request& req, http::Respond respond);

// /newsroom/images: editors upload images; /media/{id}-{width}.webp serves them.
void ImagesPage(Context& ctx, http::Request& req, http::Respond respond);
void UploadImage(Context& ctx, http::Request& req, http::Respond respond);
void MediaFile(Context& ctx, int64_t id, int width, http::Respond respond);
// The images `body` places ([img=ID] paragraphs) that exist.
std::vector<site::Image> ImagesOf(Context& ctx, const std::string& body);

RouteTable NewsroomRoutes(Context& ctx);

// /newsroom/articles (newsroom_articles.cc): editors' and admins' pages.
void ArticleListPage(Context& ctx, http::Request& req, http::Respond respond);
void NewArticlePage(Context& ctx, http::Request& req, http::Respond respond);
void ArticleEditorPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
// Creates (id 0) or changes an article, or previews the form ("do=preview").
void SaveArticle(Context& ctx, http::Request& req, int64_t id, http::Respond respond);

// /newsroom/dashboard (newsroom_dashboard.cc).
void DashboardPage(Context& ctx, http::Request& req, http::Respond respond);

// /newsroom/staff (newsroom_staff.cc): admins' page.
void StaffPage(Context& ctx, http::Request& req, http::Respond respond);
void AddStaffMember(Context& ctx, http::Request& req, http::Respond respond);
// "do=password" or "do=remove" on member `id`.
void ChangeStaffMember(Context& ctx, http::Request& req, int64_t id, http::Respond respond);
// /api/...: the JSON API; its errors are RFC 9457 problems; its reads are
// shared with the origins `cors` allows (which must outlive the table).
RouteTable ApiRoutes(Context& ctx, const CorsPolicy& cors);

// The font step a reader chose (cookie "fs"), clamped to -2..3.
int FontStep(const http::Request& req);

// Milliseconds on a steady clock, for rate limits.
int64_t NowMs();

}  // namespace tribune::web
