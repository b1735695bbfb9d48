// Admins' work on staff accounts, from the newsroom: adding a member with a
// generated password, giving one a new password, removing one. Each ends the
// member's sessions where it changes their access, and is audited.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "moderation/audit.h"
#include "site/staff.h"
#include "store/store.h"

namespace tribune::moderation {

struct StaffWithPassword {
  site::Staff member;
  std::string password;  // generated; shown once to the admin, never stored
};

// InvalidArgument for a name that cannot be one; AlreadyExists when taken.
Result<StaffWithPassword> AddStaffMember(store::StaffStore& staff, store::AuditStore& audit,
                                         const Actor& by, const std::string& name,
                                         site::StaffRole role, int64_t now);
// A new generated password for member `id` (their sessions end).
Result<StaffWithPassword> NewStaffPassword(store::StaffStore& staff, store::AuditStore& audit,
                                           const Actor& by, int64_t id, int64_t now);
// Removes member `id`; FailedPrecondition for `self` (an admin cannot lock
// themselves out) and for the last admin.
Status RemoveStaffMember(store::StaffStore& staff, store::AuditStore& audit, const Actor& by,
                         int64_t id, int64_t self, int64_t now);

}  // namespace tribune::moderation
