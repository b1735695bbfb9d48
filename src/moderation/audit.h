// Recording staff actions in the audit log (store::AuditStore): the newsroom
// and the command line write the same entries.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "site/comment.h"
#include "store/store.h"

namespace tribune::moderation {

// Who took an action, and from where.
struct Actor {
  std::string name;  // a staff member's name, or "cli:USER"
  std::string from;  // an address, or "cli"
};

// The command line's actor: "cli:" and the user running it.
Actor CommandLineActor();

// Appends one entry at `now`. The action has been taken already: a failure to
// record it is returned for the caller to report, not to undo the action.
Status RecordAction(store::AuditStore& audit, const Actor& by, std::string action,
                    std::string target, std::string before, std::string after, int64_t now);

// A decision on comment `id` that changed `changed` (`id` first, then the
// members of its campaign a "campaign" decision took): one entry a comment.
// `before`: the status `id` had; `was`: the status each member had (what an
// undo of the campaign gives back).
Status RecordDecision(store::AuditStore& audit, const Actor& by, int64_t id,
                      const std::string& decision, const std::string& before,
                      const std::vector<site::Comment>& changed, int64_t now,
                      const std::map<int64_t, site::CommentStatus>& was = {});

// The "after" an audit entry gives a comment a campaign of comment `id` took.
std::string CampaignMemberNote(int64_t id);

}  // namespace tribune::moderation
