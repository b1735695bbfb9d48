#include "render/newsroom_staff.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"
#include "render/newsroom_frame.h"

namespace tribune::render {

std::string RenderStaffPage(const SiteInfo& site, const StaffView& v) {
  std::string out;
  OpenStaffPage(out, site, "Staff", "staff", v.staff_name, v.role, v.form_token,
                "/newsroom/staff");
  AppendMessage(out, "notice-ok", v.notice);
  if (!v.password.empty()) {
    out += "<p class=\"notice-ok password-once\" role=\"status\">The password of <b>";
    html::AppendEscaped(out, v.password_for);
    out += "</b> is <code>";
    html::AppendEscaped(out, v.password);
    out += "</code>. It is shown this once: give it to them now.</p>\n";
  }
  AppendMessage(out, "form-error", v.error);
  out += "<table class=\"staff-list\">\n<thead><tr><th scope=\"col\">Name</th>"
         "<th scope=\"col\">Role</th><th scope=\"col\">Since</th>"
         "<th scope=\"col\">Actions</th></tr></thead>\n<tbody>\n";
  for (const site::Staff& s : v.members) {
    out += "<tr><td>";
    html::AppendEscaped(out, s.name);
    out += fmt::format("</td><td>{}</td><td>{}</td><td>", site::StaffRoleName(s.role),
                       timefmt::CommentDate(s.created_at));
    if (s.id == v.self_id) {
      out += "(you)";
    } else {
      out += fmt::format("<form class=\"staff-action\" method=\"post\" action=\"/newsroom/staff/{}\">"
                         "<input type=\"hidden\" name=\"t\" value=\"",
                         s.id);
      html::AppendEscaped(out, v.form_token);
      out += "\"><button type=\"submit\" name=\"do\" value=\"password\">New password for ";
      html::AppendEscaped(out, s.name);
      out += "</button> <button type=\"submit\" name=\"do\" value=\"remove\">Remove ";
      html::AppendEscaped(out, s.name);
      out += "</button></form>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n<h2>Add a member</h2>\n"
         "<form class=\"staff-add\" method=\"post\" action=\"/newsroom/staff\">"
         "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n<p class=\"field\"><label for=\"st-name\">Sign-in name</label> "
         "<input id=\"st-name\" name=\"name\" required maxlength=\"64\" autocomplete=\"off\" value=\"";
  html::AppendEscaped(out, v.add_name);
  out += "\"></p>\n<p class=\"field\"><label for=\"st-role\">Role</label> "
         "<select id=\"st-role\" name=\"role\">";
  for (const char* r : {"moderator", "editor", "admin"}) {
    out += fmt::format("<option value=\"{0}\"{1}>{0}</option>", r,
                       v.add_role == r ? " selected" : "");
  }
  out += "</select></p>\n<p class=\"hint\">A moderator works the comments, an editor the "
         "articles; an admin does both and manages staff. A password is made for them and "
         "shown here once.</p>\n<p><button type=\"submit\">Add</button></p>\n</form>\n"
         "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
