#include "moderation/audit.h"

#include <fmt/format.h>

#include <cstdlib>

namespace tribune::moderation {

Actor CommandLineActor() {
  const char* user = std::getenv("USER");
  return {std::string("cli:") + (user && *user ? user : "unknown"), "cli"};
}

Status RecordAction(store::AuditStore& audit, const Actor& by, std::string action,
                    std::string target, std::string before, std::string after, int64_t now) {
  site::AuditEntry e;
  e.at = now;
  e.actor = by.name;
  e.action = std::move(action);
  e.target = std::move(target);
  e.from = by.from;
  e.before = std::move(before);
  e.after = std::move(after);
  return audit.RecordAudit(e);
}

std::string CampaignMemberNote(int64_t id) {
  return fmt::format("spam (campaign of comment {})", id);
}

Status RecordDecision(store::AuditStore& audit, const Actor& by, int64_t id,
                      const std::string& decision, const std::string& before,
                      const std::vector<site::Comment>& changed, int64_t now,
                      const std::map<int64_t, site::CommentStatus>& was) {
  Status first = Status::Ok();
  for (const site::Comment& c : changed) {
    bool decided = c.id == id;
    std::string after = decided ? std::string(site::StatusName(c.status)) : CampaignMemberNote(id);
    auto prior = was.find(c.id);
    std::string member_before =
        prior == was.end() ? std::string() : std::string(site::StatusName(prior->second));
    Status st = RecordAction(audit, by, "comment." + (decided ? decision : std::string("spam")),
                             fmt::format("comment {}", c.id), decided ? before : member_before,
                             after, now);
    if (first.ok()) first = st;
  }
  return first;
}

}  // namespace tribune::moderation
