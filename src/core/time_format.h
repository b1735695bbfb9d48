// Date and time formats the site shows and the protocols need. All times are
// Unix seconds, shown in UTC.
#pragma once

#include <cstdint>
#include <string>

namespace tribune::timefmt {

std::string ArticleDate(int64_t t);   // "21-03-2023, 08:25"
std::string CommentDate(int64_t t);   // "25 January 2026 12:40"
std::string Iso8601(int64_t t);       // "2026-01-25T12:40:00Z"
std::string HttpDate(int64_t t);      // "Sun, 25 Jan 2026 12:40:00 GMT" (RFC 9110, RSS)

// Parses the HttpDate format; -1 when malformed.
int64_t ParseHttpDate(const std::string& text);

// "2026-12-24T08:00", as an HTML datetime-local input takes it (UTC).
std::string DateTimeLocal(int64_t t);
// Parses "2026-12-24T08:00" or "2026-12-24 08:00" (UTC, seconds optional); -1 when malformed.
int64_t ParseDateTimeLocal(const std::string& text);

}  // namespace tribune::timefmt
