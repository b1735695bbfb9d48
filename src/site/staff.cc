#include "site/staff.h"

#include <algorithm>

#include "core/utf8.h"

namespace tribune::site {

bool ValidStaffName(std::string_view name) {
  return !name.empty() && name.size() <= kMaxStaffName && utf8::IsValid(name) &&
         std::none_of(name.begin(), name.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

const char* StaffRoleName(StaffRole role) {
  switch (role) {
    case StaffRole::kEditor: return "editor";
    case StaffRole::kAdmin: return "admin";
    case StaffRole::kModerator: break;
  }
  return "moderator";
}

bool ParseStaffRole(const std::string& name, StaffRole* out) {
  if (name == "moderator") return *out = StaffRole::kModerator, true;
  if (name == "editor") return *out = StaffRole::kEditor, true;
  if (name == "admin") return *out = StaffRole::kAdmin, true;
  return false;
}

}  // namespace tribune::site
