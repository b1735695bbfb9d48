#include "site/staff.h"

namespace tribune::site {

const char* StaffRoleName(StaffRole role) {
  return role == StaffRole::kEditor ? "editor" : "moderator";
}

bool ParseStaffRole(const std::string& name, StaffRole* out) {
  if (name == "moderator") return *out = StaffRole::kModerator, true;
  if (name == "editor") return *out = StaffRole::kEditor, true;
  return false;
}

}  // namespace tribune::site
