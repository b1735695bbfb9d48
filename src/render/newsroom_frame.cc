#include "render/newsroom_frame.h"

#include <fmt/format.h>

#include "core/html.h"

namespace tribune::render {

std::string Tx(const SiteInfo& site, const std::string& id) { return html::Escape(site.T(id)); }

std::string RoleName(const SiteInfo& site, site::StaffRole role) {
  switch (role) {
    case site::StaffRole::kModerator:
      return site.T("moderator");
    case site::StaffRole::kEditor:
      return site.T("editor");
    case site::StaffRole::kAdmin:
      return site.T("admin");
  }
  return std::string(site::StaffRoleName(role));
}

std::string StatusLabel(const SiteInfo& site, std::string_view status) {
  if (status == "published") return site.T("published");
  if (status == "held") return site.T("held");
  if (status == "spam") return site.T("spam");
  if (status == "deleted") return site.T("deleted");
  if (status == "discarded") return site.T("discarded");
  if (status == "draft") return site.T("draft");
  if (status == "scheduled") return site.T("scheduled");
  if (status == "unpublished") return site.T("unpublished");
  return std::string(status);
}

std::string ActionLabel(const SiteInfo& site, std::string_view action) {
  if (action == "publish") return site.T("publish");
  if (action == "hold") return site.T("hold");
  if (action == "spam") return site.T("spam");
  if (action == "discard") return site.T("discard");
  return std::string(action);
}

std::string BanKindLabel(const SiteInfo& site, std::string_view kind) {
  if (kind == "address") return site.T("address");
  if (kind == "email") return site.T("e-mail");
  if (kind == "name") return site.T("name");
  if (kind == "domain") return site.T("domain");
  return std::string(kind);
}

void AppendStaffNav(std::string& out, const SiteInfo& site, site::StaffRole role,
                    std::string_view current, const std::string& name,
                    const std::string& form_token) {
  std::string who;
  html::AppendEscaped(who, name);
  out += "<div class=\"who\">" +
         site.F("Signed in as {name} ({role}).", {},
                {{"name", who}, {"role", Tx(site, RoleName(site, role))}}) +
         " <form class=\"sign-out\" method=\"post\" action=\"/newsroom/sign-out\">"
         "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, form_token);
  out += "\"><button type=\"submit\">" + Tx(site, "Sign out") +
         "</button></form></div>\n<nav class=\"staff-nav\" aria-label=\"" + Tx(site, "Newsroom") +
         "\"><ul>";
  struct Link {
    const char* path;
    const char* label;
    bool shown;
  };
  const Link links[] = {
      {"/newsroom/queue", "Moderation", site::MayModerate(role)},       // i18n
      {"/newsroom/reports", "Reports", site::MayModerate(role)},        // i18n
      {"/newsroom/dashboard", "Dashboard", site::MayModerate(role)},    // i18n
      {"/newsroom/articles", "Articles", site::MayEditArticles(role)},  // i18n
      {"/newsroom/images", "Images", site::MayEditArticles(role)},      // i18n
      {"/newsroom/search", "Search", site::MayModerate(role)},          // i18n
      {"/newsroom/bans", "Bans", site::MayModerate(role)},              // i18n
      {"/newsroom/words", "Word lists", site::MayModerate(role)},       // i18n
      {"/newsroom/audit", "Audit log", site::MayModerate(role)},        // i18n
      {"/newsroom/staff", "Staff", site::MayManageStaff(role)},         // i18n
  };
  for (const Link& l : links) {
    if (!l.shown) continue;
    bool here = current == l.path;
    out += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", l.path,
                       here ? " aria-current=\"page\"" : "", Tx(site, l.label));
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
  AppendStaffNav(out, site, role, path, name, form_token);
}

void AppendMessage(std::string& out, const SiteInfo& site, std::string_view css,
                   const std::string& text) {
  if (text.empty()) return;
  bool ok = css == "notice-ok";
  out += fmt::format("<p class=\"{}\" role=\"{}\">", css, ok ? "status" : "alert");
  html::AppendEscaped(out, site.T(text));
  out += "</p>\n";
}

}  // namespace tribune::render
