// Text to match literally in a LIKE pattern: %, _ and the backslash escaped with a backslash
// (SQLite's ESCAPE '\', PostgreSQL's default escape).
#pragma once

#include <string>

namespace tribune::store {

inline std::string LikeEscaped(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace tribune::store
