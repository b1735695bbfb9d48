// Newsroom staff: the people who sign in to moderate comments. A password is
// kept only as a libsodium password hash (Argon2id).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::site {

// What a member may do, enforced on the server for every action: a moderator
// works the comments (queue, decisions, bans, reports, the audit log); an
// editor writes and changes articles; an admin does both and manages staff.
enum class StaffRole { kModerator, kEditor, kAdmin };

inline bool MayModerate(StaffRole r) { return r != StaffRole::kEditor; }
inline bool MayEditArticles(StaffRole r) { return r != StaffRole::kModerator; }
inline bool MayManageStaff(StaffRole r) { return r == StaffRole::kAdmin; }

struct Staff {
  int64_t id = 0;
  std::string name;           // sign-in name, unique, case-sensitive
  StaffRole role = StaffRole::kModerator;
  std::string password_hash;  // crypto_pwhash_str output
  int64_t created_at = 0;
  int64_t session_epoch = 0;  // sessions signed under an older epoch have ended
};

// The longest sign-in name, in bytes.
inline constexpr size_t kMaxStaffName = 64;
// A sign-in name: 1 to kMaxStaffName bytes of UTF-8 text without control
// characters.
bool ValidStaffName(std::string_view name);

const char* StaffRoleName(StaffRole role);
// "moderator", "editor" or "admin"; false for anything else.
bool ParseStaffRole(const std::string& name, StaffRole* out);

}  // namespace tribune::site
