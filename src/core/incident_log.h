// Failures of one resource (the database) as an operator needs them in the
// log: the first failure of an incident at error level, then silence while
// the failures go on, a reminder with their count every `remind_ms` while the
// incident lasts, and one line when an operation succeeds again. A flood of
// failing requests makes a handful of lines, not one per request.
//
// Thread-safe. Succeeded() is cheap outside an incident (one atomic load).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace tribune {

class IncidentLog {
 public:
  // Writes one line; `error`: at error level, else info.
  using Line = std::function<void(bool error, const std::string& text)>;

  // `what` names the resource and the operation ("database writes").
  IncidentLog(std::string what, int64_t remind_ms, Line line);

  void Failed(std::string_view message, int64_t now_ms);
  void Succeeded(int64_t now_ms);

 private:
  const std::string what_;
  const int64_t remind_ms_;
  const Line line_;
  std::atomic<bool> open_{false};
  std::mutex mu_;
  int64_t started_ms_ = 0, said_ms_ = 0;
  int64_t failures_ = 0, unsaid_ = 0;
};

}  // namespace tribune
