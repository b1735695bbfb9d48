// The newsroom's pages: sign-in, and the moderation queue where each comment
// shows the filter's verdict with every reason and its evidence.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/audit.h"
#include "site/ban.h"
#include "site/comment.h"
#include "site/report.h"
#include "site/staff.h"

namespace tribune::render {

struct ReasonRow {
  std::string symbol;
  double score = 0;
  std::string evidence;
};

struct QueueItem {
  site::Comment comment;
  std::string article_title, article_path;
  std::vector<ReasonRow> reasons;
  std::vector<site::Report> reports;  // readers' reports, oldest first
};

// What the filter did in a recent period, and where moderators disagreed.
struct FilterActivity {
  int64_t days = 7;
  int64_t screened = 0;                   // comments with a verdict
  int64_t publish = 0, hold = 0, spam = 0, discard = 0;  // the filter's actions
  std::vector<std::pair<std::string, int64_t>> top_reasons;  // among comments not published
  int64_t holds_approved = 0;   // held by the filter, published by a moderator
  int64_t spam_restored = 0;    // spam or discard by the filter, restored by a moderator
  int64_t published_spam = 0;   // published by the filter, marked spam by a moderator
  bool partial = false;         // more comments than were read
};

struct QueueView {
  std::string staff_name;
  site::StaffRole role = site::StaffRole::kModerator;
  std::string form_token;   // carried by every form of the page
  std::string show;         // "held", "spam" or "published"
  std::string notice;       // what the last action did; may be empty
  int64_t undo_campaign = 0;  // a campaign decided on this comment just now: offer its undo
  FilterActivity activity;
  std::vector<QueueItem> items;
};

// What a campaign decision on one comment would take down with it, shown
// before the moderator confirms.
struct CampaignPreview {
  std::string staff_name;
  std::string form_token;
  std::string show;          // the queue tab to return to
  QueueItem decided;         // the comment the decision is on
  std::vector<QueueItem> members;  // the comments the sweep would mark spam with it
  int64_t days = 7;          // how far back the sweep looks
};

// The audit log, filtered: who did what, on what, when, from where.
struct AuditView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kModerator;
  std::string actor, action, target, since, until;  // the filter as given (dates YYYY-MM-DD)
  std::string error;                                // a filter that could not be read
  std::vector<site::AuditEntry> entries;            // newest first
  bool more = false;                                // the list was cut at its limit
};

// Bans: the list, each with a button that lifts it, and the form that adds one
// (refilled, with the problem named, when it was refused).
struct BansView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kModerator;
  std::vector<site::Ban> bans;
  int64_t now = 0;
  std::string kind, pattern, reason, days;  // the add form as sent
  std::string error, notice;
};

// A search over comments of every status: the form as sent, and what matched.
struct SearchView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kModerator;
  std::string text, author, email, address, domain, status, since, until;
  std::string error;
  bool searched = false;
  std::vector<QueueItem> results;  // newest first
  bool more = false;               // cut at the limit
};

// The sign-in form; `name` is kept after a failed attempt.
std::string RenderSignInPage(const SiteInfo& site, const std::string& name,
                             const std::string& error);
std::string RenderQueuePage(const SiteInfo& site, const QueueView& view);
std::string RenderCampaignPreviewPage(const SiteInfo& site, const CampaignPreview& preview);
std::string RenderAuditPage(const SiteInfo& site, const AuditView& view);
std::string RenderBansPage(const SiteInfo& site, const BansView& view);
std::string RenderSearchPage(const SiteInfo& site, const SearchView& view);

}  // namespace tribune::render
