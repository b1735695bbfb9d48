// Readers' reports on comments: no account needed; a reader is known by the
// network they report from, so one reader counts once however often they
// report the same comment.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::site {

inline constexpr std::array<std::string_view, 4> kReportReasons = {"spam", "abuse", "off-topic",
                                                                    "other"};
inline constexpr size_t kMaxReportDetails = 500;  // bytes of the optional details

struct Report {
  int64_t id = 0;
  int64_t comment_id = 0;
  std::string reporter;  // a keyed hash of the reporter's network, never the address
  std::string reason;    // one of kReportReasons
  std::string details;
  int64_t created_at = 0;
};

inline bool IsReportReason(std::string_view r) {
  for (std::string_view k : kReportReasons) {
    if (k == r) return true;
  }
  return false;
}

}  // namespace tribune::site
