#include "moderation/staff_admin.h"

#include <algorithm>

#include "moderation/staff_auth.h"

namespace tribune::moderation {

Result<StaffWithPassword> AddStaffMember(store::StaffStore& staff, store::AuditStore& audit,
                                         const Actor& by, const std::string& name,
                                         site::StaffRole role, int64_t now) {
  if (!site::ValidStaffName(name)) {
    return InvalidArgument("a name is 1 to 64 bytes of text, without control characters");
  }
  StaffWithPassword out;
  out.password = GeneratePassword();
  site::Staff s;
  s.name = name;
  s.role = role;
  s.password_hash = HashPassword(out.password);
  s.created_at = now;
  auto created = staff.CreateStaff(s);
  if (!created.ok()) return created.status();
  out.member = std::move(created).value();
  (void)RecordAction(audit, by, "staff.create", "staff " + out.member.name, "",
                     site::StaffRoleName(out.member.role), now);
  return out;
}

Result<StaffWithPassword> NewStaffPassword(store::StaffStore& staff, store::AuditStore& audit,
                                           const Actor& by, int64_t id, int64_t now) {
  auto member = staff.GetStaff(id);
  if (!member.ok()) return member.status();
  StaffWithPassword out;
  out.password = GeneratePassword();
  TRIBUNE_RETURN_IF_ERROR(staff.SetStaffPassword(id, HashPassword(out.password)));
  out.member = std::move(member).value();
  (void)RecordAction(audit, by, "staff.password", "staff " + out.member.name, "", "", now);
  return out;
}

Status RemoveStaffMember(store::StaffStore& staff, store::AuditStore& audit, const Actor& by,
                         int64_t id, int64_t self, int64_t now) {
  if (id == self) return FailedPrecondition("you cannot remove yourself; ask another admin");
  auto member = staff.GetStaff(id);
  if (!member.ok()) return member.status();
  if (member->role == site::StaffRole::kAdmin) {
    auto all = staff.ListStaff();
    if (!all.ok()) return all.status();
    auto admins = std::count_if(all->begin(), all->end(), [](const site::Staff& s) {
      return s.role == site::StaffRole::kAdmin;
    });
    if (admins <= 1) return FailedPrecondition("the last admin cannot be removed");
  }
  TRIBUNE_RETURN_IF_ERROR(staff.DeleteStaff(id));
  (void)RecordAction(audit, by, "staff.remove", "staff " + member->name,
                     site::StaffRoleName(member->role), "", now);
  return Status::Ok();
}

}  // namespace tribune::moderation
