#include "core/time_format.h"

#include <fmt/format.h>

#include <ctime>

namespace tribune::timefmt {
namespace {

std::tm Utc(int64_t t) {
  std::tm tm{};
  time_t tt = static_cast<time_t>(t);
  gmtime_r(&tt, &tm);
  return tm;
}

constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

}  // namespace

std::string ArticleDate(int64_t t) {
  std::tm tm = Utc(t);
  return fmt::format("{:02}-{:02}-{:04}, {:02}:{:02}", tm.tm_mday, tm.tm_mon + 1,
                     tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

std::string CommentDate(int64_t t) {
  std::tm tm = Utc(t);
  return fmt::format("{} {} {:04} {:02}:{:02}", tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900,
                     tm.tm_hour, tm.tm_min);
}

std::string Iso8601(int64_t t) {
  std::tm tm = Utc(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string HttpDate(int64_t t) {
  std::tm tm = Utc(t);
  return fmt::format("{}, {:02} {:.3} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int64_t ParseHttpDate(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return -1;
  return static_cast<int64_t>(timegm(&tm));
}

std::string DateTimeLocal(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &tm);
  return buf;
}

int64_t ParseDateTimeLocal(const std::string& text) {
  for (const char* format : {"%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S",
                             "%Y-%m-%d %H:%M"}) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (end != nullptr && *end == '\0') return static_cast<int64_t>(timegm(&tm));
  }
  return -1;
}

}  // namespace tribune::timefmt
