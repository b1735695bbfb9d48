#include "render/newsroom_frame.h"

#include <fmt/format.h>

#include "core/html.h"

namespace tribune::render {

void AppendStaffNav(std::string& out, site::StaffRole role, std::string_view current,
                    const std::string& name, const std::string& form_token) {
  out += "<div class=\"who\">Signed in as ";
  html::AppendEscaped(out, name);
  out += fmt::format(" ({}). <form class=\"sign-out\" method=\"post\" action=\"/newsroom/sign-out\">"
                     "<input type=\"hidden\" name=\"t\" value=\"",
                     site::StaffRoleName(role));
  html::AppendEscaped(out, form_token);
  out += "\"><button type=\"submit\">Sign out</button></form></div>\n"
         "<nav class=\"staff-nav\" aria-label=\"Newsroom\"><ul>";
  struct Link {
    const char* path;
    const char* label;
    bool shown;
  };
  const Link links[] = {
      {"/newsroom/queue", "Moderation", site::MayModerate(role)},
      {"/newsroom/reports", "Reports", site::MayModerate(role)},
      {"/newsroom/dashboard", "Dashboard", site::MayModerate(role)},
      {"/newsroom/articles", "Articles", site::MayEditArticles(role)},
      {"/newsroom/images", "Images", site::MayEditArticles(role)},
      {"/newsroom/search", "Search", site::MayModerate(role)},
      {"/newsroom/bans", "Bans", site::MayModerate(role)},
      {"/newsroom/words", "Word lists", site::MayModerate(role)},
      {"/newsroom/audit", "Audit log", site::MayModerate(role)},
      {"/newsroom/staff", "Staff", site::MayManageStaff(role)},
  };
  for (const Link& l : links) {
    if (!l.shown) continue;
    bool here = current == l.path;
    out += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", l.path,
                       here ? " aria-current=\"page\"" : "", l.label);
  }
  out += "</ul></nav>\n";
}

void OpenStaffPage(std::string& out, const SiteInfo& site, std::string_view title,
                   std::string_view css, const std::string& name, site::StaffRole role,
                   const std::string& form_token, std::string_view path) {
  OpenPage(out, site, {title, "", "", "", "", "", "", 0});
  out += fmt::format("<section class=\"newsroom {}\">\n<h1>", css);
  html::AppendEscaped(out, title);
  out += "</h1>\n";
  AppendStaffNav(out, role, path, name, form_token);
}

void AppendMessage(std::string& out, std::string_view css, const std::string& text) {
  if (text.empty()) return;
  bool ok = css == "notice-ok";
  out += fmt::format("<p class=\"{}\" role=\"{}\">", css, ok ? "status" : "alert");
  html::AppendEscaped(out, text);
  out += "</p>\n";
}

}  // namespace tribune::render
