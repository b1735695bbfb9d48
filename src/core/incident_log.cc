#include "core/incident_log.h"

#include <fmt/format.h>

namespace tribune {

IncidentLog::IncidentLog(std::string what, int64_t remind_ms, Line line)
    : what_(std::move(what)), remind_ms_(remind_ms), line_(std::move(line)) {}

void IncidentLog::Failed(std::string_view message, int64_t now_ms) {
  std::string text;
  {
    std::lock_guard lock(mu_);
    ++failures_;
    if (!open_.load()) {
      open_ = true;
      started_ms_ = said_ms_ = now_ms;
      unsaid_ = 0;
      text = fmt::format("{} are failing: {}", what_, message);
    } else if (now_ms - said_ms_ >= remind_ms_) {
      text = fmt::format("{} are still failing ({} more failures in {} s): {}", what_, unsaid_ + 1,
                         (now_ms - said_ms_) / 1000, message);
      said_ms_ = now_ms;
      unsaid_ = 0;
    } else {
      ++unsaid_;
      return;
    }
  }
  if (line_) line_(true, text);
}

void IncidentLog::Succeeded(int64_t now_ms) {
  if (!open_.load(std::memory_order_relaxed)) return;
  std::string text;
  {
    std::lock_guard lock(mu_);
    if (!open_.load()) return;
    open_ = false;
    text = fmt::format("{} work again, after {} s and {} failures", what_,
                       (now_ms - started_ms_) / 1000, failures_);
    failures_ = 0;
  }
  if (line_) line_(false, text);
}

}  // namespace tribune
