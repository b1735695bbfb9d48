// The newsroom's staff page, for admins: who may sign in, with what role;
// adding a member, a new password, removing one.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/staff.h"

namespace tribune::render {

struct StaffView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kAdmin;
  int64_t self_id = 0;
  std::vector<site::Staff> members;
  std::string add_name, add_role;  // the add form as sent
  std::string error, notice;
  std::string password_for, password;  // a generated password, shown this once
};

std::string RenderStaffPage(const SiteInfo& site, const StaffView& view);

}  // namespace tribune::render
