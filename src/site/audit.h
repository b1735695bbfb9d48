// The audit log: every staff action, who took it, on what, when, from where,
// and what the thing was before and after.
#pragma once

#include <cstdint>
#include <string>

namespace tribune::site {

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;        // Unix seconds
  std::string actor;     // a staff member's name, or "cli:USER" for the command line
  std::string action;    // e.g. "comment.spam", "staff.sign_in", "article.edit"
  std::string target;    // e.g. "comment 42", "staff nino", "article 7"
  std::string from;      // the address the action came from; "cli" for the command line
  std::string before;    // the state it changed, in a few words (a status, a title)
  std::string after;
};

// What to list: every field that is set must match (actor, action and target
// exactly, action also by prefix when it ends with '.'), newest first.
struct AuditQuery {
  std::string actor, action, target;
  int64_t since = 0;     // at or after (0: no bound)
  int64_t until = 0;     // before (0: no bound)
  int64_t limit = 100;
};

}  // namespace tribune::site
