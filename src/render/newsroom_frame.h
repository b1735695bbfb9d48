// What every newsroom page for a signed-in member shares: its opening (the
// heading, who is signed in, the links the member's role may use) and its
// message paragraphs.
#pragma once

#include <string>
#include <string_view>

#include "render/layout.h"
#include "site/staff.h"

namespace tribune::render {

// The links to the newsroom's pages the member's role may use.
void AppendStaffNav(std::string& out, site::StaffRole role, std::string_view current,
                    const std::string& name, const std::string& form_token);

// Opens a newsroom page titled `title` (section class `css`) for member
// `name`, whose page is `path` in the navigation.
void OpenStaffPage(std::string& out, const SiteInfo& site, std::string_view title,
                   std::string_view css, const std::string& name, site::StaffRole role,
                   const std::string& form_token, std::string_view path);

// A message paragraph when `text` is set: `css` "notice-ok" (role status) or
// an error class (role alert).
void AppendMessage(std::string& out, std::string_view css, const std::string& text);

}  // namespace tribune::render
