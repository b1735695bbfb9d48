// The newsroom's dashboard: what the filter and the moderators did lately,
// drawn as SVG on the server (no script, no chart library).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render/layout.h"
#include "site/staff.h"

namespace tribune::render {

struct DayCounts {
  int64_t day = 0;                                           // the day's start (UTC)
  int64_t published = 0, held = 0, spam = 0, discarded = 0;  // the filter's actions
};

struct DashboardView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kModerator;
  std::vector<DayCounts> days;  // oldest first
  // Moderators against the filter, over the same days.
  int64_t decided = 0;  // comments a moderator labelled
  int64_t holds_approved = 0, spam_restored = 0, published_spam = 0;
  int64_t queue_size = 0;
  int64_t queue_oldest_s = 0;  // how long the oldest held comment has waited
  std::vector<std::pair<std::string, int64_t>> top_domains;    // link domains in spam, this week
  std::vector<std::pair<std::string, int64_t>> top_campaigns;  // "campaign N (…)" and comments
  bool partial = false;                                        // more comments than were read
};

// The stacked bars of comments per day by the filter's action, as an <svg>
// with a title and a description (and the numbers in a table beside it).
std::string DayChartSvg(const SiteInfo& site, const std::vector<DayCounts>& days);
// Horizontal bars for (label, count) pairs.
std::string BarListSvg(const std::vector<std::pair<std::string, int64_t>>& rows,
                       const std::string& title);

std::string RenderDashboardPage(const SiteInfo& site, const DashboardView& view);

}  // namespace tribune::render
