#include "render/newsroom_staff.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"
#include "render/newsroom_frame.h"

namespace tribune::render {

std::string RenderStaffPage(const SiteInfo& site, const StaffView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Staff"), "staff", v.staff_name, v.role, v.form_token,
                "/newsroom/staff");
  AppendMessage(out, site, "notice-ok", v.notice);
  if (!v.password.empty()) {
    std::string who, password;
    html::AppendEscaped(who, v.password_for);
    html::AppendEscaped(password, v.password);
    out += "<p class=\"notice-ok password-once\" role=\"status\">" +
           site.F(
               "The password of <b>{name}</b> is <code>{password}</code>. It is shown this "
               "once: give it to them now.",
               {}, {{"name", who}, {"password", password}}) +
           "</p>\n";
  }
  AppendMessage(out, site, "form-error", v.error);
  out += "<table class=\"staff-list\">\n<thead><tr>";
  for (const char* head : {"Name", "Role", "Since", "Actions"}) {  // i18n-all
    out += "<th scope=\"col\">" + Tx(site, head) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const site::Staff& s : v.members) {
    out += "<tr><td>";
    html::AppendEscaped(out, s.name);
    out += fmt::format("</td><td>{}</td><td>{}</td><td>", Tx(site, RoleName(site, s.role)),
                       site.Date(s.created_at));
    if (s.id == v.self_id) {
      out += "(" + Tx(site, "you") + ")";
    } else {
      out += fmt::format(
          "<form class=\"staff-action\" method=\"post\" action=\"/newsroom/staff/{}\">"
          "<input type=\"hidden\" name=\"t\" value=\"",
          s.id);
      html::AppendEscaped(out, v.form_token);
      std::string name;
      html::AppendEscaped(name, s.name);
      out += "\"><button type=\"submit\" name=\"do\" value=\"password\">" +
             site.F("New password for {name}", {}, {{"name", name}}) +
             "</button> <button type=\"submit\" name=\"do\" value=\"remove\">" +
             site.F("Remove {name}", {}, {{"name", name}}) + "</button></form>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n<h2>" + Tx(site, "Add a member") +
         "</h2>\n"
         "<form class=\"staff-add\" method=\"post\" action=\"/newsroom/staff\">"
         "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out +=
      "\">\n<p class=\"field\"><label for=\"st-name\">" + Tx(site, "Sign-in name") +
      "</label> "
      "<input id=\"st-name\" name=\"name\" required maxlength=\"64\" autocomplete=\"off\" value=\"";
  html::AppendEscaped(out, v.add_name);
  out += "\"></p>\n<p class=\"field\"><label for=\"st-role\">" + Tx(site, "Role") +
         "</label> "
         "<select id=\"st-role\" name=\"role\">";
  for (const char* r : {"moderator", "editor", "admin"}) {
    site::StaffRole role;
    bool known = site::ParseStaffRole(r, &role);
    out +=
        fmt::format("<option value=\"{0}\"{1}>{2}</option>", r, v.add_role == r ? " selected" : "",
                    known ? Tx(site, RoleName(site, role)) : std::string(r));
  }
  out += "</select></p>\n<p class=\"hint\">" +
         Tx(site,
            "A moderator works the comments, an editor the articles; an admin does both and "
            "manages staff. A password is made for them and shown here once.") +
         "</p>\n<p><button type=\"submit\">" + Tx(site, "Add") +
         "</button></p>\n</form>\n"
         "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
