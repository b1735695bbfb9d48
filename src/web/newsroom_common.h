// What the newsroom's handlers share (newsroom.cc, newsroom_articles.cc):
// private answers, the signed-in member with the role an action needs, and
// the forms of the member's own pages.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "http/request.h"
#include "site/staff.h"
#include "web/context.h"

namespace tribune::web {

using FormMap = std::map<std::string, std::string>;

// Newsroom pages are private: never indexed, never framed, no foreign code.
http::Response Private(http::Response r);
// 503 with Retry-After: the desk's worker has too much queued.
http::Response Busy(const render::SiteInfo& site);
// The fields of a form-encoded body (values that are not UTF-8 dropped).
FormMap NewsroomForm(const http::Request& req);

// What an action needs of the member's role (site::MayModerate, ...).
enum class Need { kModerate, kEditArticles, kManageStaff };

// The signed-in member, or a response sent: for a page (`form` null), a
// redirect to sign-in; for a form, 403 when the session has ended or the
// form did not come from its page; either way 403 when the member's role
// does not include `need`.
std::optional<site::Staff> RequireMember(Context& ctx, const http::Request& req, FormMap* form,
                                         http::Respond& respond, Need need = Need::kModerate);

// The token the member's forms carry.
std::string StaffFormToken(Context& ctx, const http::Request& req);

}  // namespace tribune::web
