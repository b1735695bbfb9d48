// /newsroom/staff: admins add members, give them new passwords and remove
// them. Password hashing is slow: the work runs on the desk's worker.
#include "render/newsroom_staff.h"

#include <fmt/format.h>

#include <cctype>
#include <ctime>

#include "moderation/staff_admin.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

render::StaffView ViewFor(Context& ctx, const http::Request& req, const site::Staff& member) {
  render::StaffView v;
  v.staff_name = member.name;
  v.role = member.role;
  v.self_id = member.id;
  v.form_token = StaffFormToken(ctx, req);
  return v;
}

// The page with the members as they are now; 503 when they cannot be read.
http::Response StaffPageWith(Context& ctx, const render::SiteInfo& site, render::StaffView v,
                             int status) {
  auto members = ctx.staff->ListStaff();
  if (!members.ok()) return Private(StorageUnavailable(site));
  v.members = std::move(members).value();
  return Private(HtmlResponse(status, render::RenderStaffPage(site, v)));
}

std::string Sentence(std::string message) {
  if (message.empty()) return message;
  message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (message.back() != '.') message += '.';
  return message;
}

}  // namespace

void StaffPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kManageStaff);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::StaffView v = ViewFor(ctx, req, *member);
  if (req.QueryParam("done") == "removed")
    v.notice = "The member is removed; their sessions ended.";
  respond(StaffPageWith(ctx, site, std::move(v), 200));
}

void AddStaffMember(Context& ctx, http::Request& req, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond, Need::kManageStaff);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::StaffView v = ViewFor(ctx, req, *member);
  v.add_name = fields["name"];
  v.add_role = fields["role"];
  site::StaffRole role;
  if (!site::ParseStaffRole(v.add_role, &role)) {
    v.error = "Choose a role: moderator, editor or admin.";
    return respond(StaffPageWith(ctx, site, std::move(v), 400));
  }
  auto task = [&ctx, site, role, by = moderation::Actor{member->name, req.remote_addr},
               v = std::move(v), respond]() mutable {
    auto added =
        moderation::AddStaffMember(*ctx.staff, ctx.audit, by, v.add_name, role, std::time(nullptr));
    if (!added.ok()) {
      Code code = added.status().code();
      if (code != Code::kInvalidArgument && code != Code::kAlreadyExists) {
        return respond(Private(StorageUnavailable(site)));
      }
      v.error = Sentence(added.status().message());
      return respond(
          StaffPageWith(ctx, site, std::move(v), code == Code::kAlreadyExists ? 409 : 400));
    }
    v.notice = fmt::format("{} is added as {}.", added->member.name,
                           site::StaffRoleName(added->member.role));
    v.password_for = added->member.name;
    v.password = added->password;
    v.add_name.clear();
    v.add_role.clear();
    respond(StaffPageWith(ctx, site, std::move(v), 200));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

void ChangeStaffMember(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond, Need::kManageStaff);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  std::string what = fields["do"];
  if (what != "password" && what != "remove") {
    return respond(Private(ErrorPage(ctx, req, 400, "Choose a new password or removal.")));
  }
  auto task = [&ctx, site, id, what, self = member->id,
               by = moderation::Actor{member->name, req.remote_addr},
               v = ViewFor(ctx, req, *member), respond]() mutable {
    int64_t now = std::time(nullptr);
    if (what == "remove") {
      Status st = moderation::RemoveStaffMember(*ctx.staff, ctx.audit, by, id, self, now);
      if (st.ok()) return respond(Private(Redirect(303, "/newsroom/staff?done=removed")));
      if (st.code() == Code::kNotFound) {
        return respond(Private(ErrorPage(site, 404, "There is no such member.")));
      }
      if (st.code() != Code::kFailedPrecondition) return respond(Private(StorageUnavailable(site)));
      v.error = Sentence(st.message());
      return respond(StaffPageWith(ctx, site, std::move(v), 409));
    }
    auto changed = moderation::NewStaffPassword(*ctx.staff, ctx.audit, by, id, now);
    if (!changed.ok()) {
      return respond(Private(changed.status().code() == Code::kNotFound
                                 ? ErrorPage(site, 404, "There is no such member.")
                                 : StorageUnavailable(site)));
    }
    v.notice = fmt::format("{} has a new password; their sessions ended.", changed->member.name);
    v.password_for = changed->member.name;
    v.password = changed->password;
    respond(StaffPageWith(ctx, site, std::move(v), 200));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

}  // namespace tribune::web
