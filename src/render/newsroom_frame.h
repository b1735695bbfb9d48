// What every newsroom page for a signed-in member shares: its opening (the
// heading, who is signed in, the links the member's role may use) and its
// message paragraphs.
#pragma once

#include <string>
#include <string_view>

#include "render/layout.h"
#include "site/staff.h"

namespace tribune::render {

// The text for the English `id` in the page's language, escaped for HTML.
std::string Tx(const SiteInfo& site, const std::string& id);
// A role's and a status's name in the page's language ("moderator",
// "published", ...; unknown ones as they are).
std::string RoleName(const SiteInfo& site, site::StaffRole role);
std::string StatusLabel(const SiteInfo& site, std::string_view status);
// The filter's action ("publish", "hold", ...) and a ban's kind, likewise.
std::string ActionLabel(const SiteInfo& site, std::string_view action);
std::string BanKindLabel(const SiteInfo& site, std::string_view kind);

// The links to the newsroom's pages the member's role may use.
void AppendStaffNav(std::string& out, const SiteInfo& site, site::StaffRole role,
                    std::string_view current, const std::string& name,
                    const std::string& form_token);

// Opens a newsroom page titled `title` (section class `css`) for member
// `name`, whose page is `path` in the navigation.
void OpenStaffPage(std::string& out, const SiteInfo& site, std::string_view title,
                   std::string_view css, const std::string& name, site::StaffRole role,
                   const std::string& form_token, std::string_view path);

// A message paragraph when `text` is set: `css` "notice-ok" (role status) or
// an error class (role alert). A text the catalog has is shown in the page's
// language.
void AppendMessage(std::string& out, const SiteInfo& site, std::string_view css,
                   const std::string& text);

}  // namespace tribune::render
