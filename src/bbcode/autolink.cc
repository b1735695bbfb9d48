#include "bbcode/autolink.h"

#include <cstdint>

#include "bbcode/ascii.h"

namespace tribune::bbcode {
namespace {

bool EndsUrl(char c) {
  auto u = static_cast<uint8_t>(c);
  return u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '\'' || c == '[' ||
         c == ']' || c == '`' || c == '\\';
}

bool IsTrailingPunctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*';
}

// Drops trailing punctuation, and any ')' with no '(' to match it inside the
// URL: "(see http://x.org/a)" links http://x.org/a.
size_t TrimTrailing(std::string_view url) {
  size_t opens = 0;
  size_t closes = 0;
  for (char c : url) {
    opens += c == '(';
    closes += c == ')';
  }
  size_t end = url.size();
  while (end > 0) {
    char c = url[end - 1];
    if (c == ')' && closes > opens) {
      --closes;
    } else if (!IsTrailingPunctuation(c)) {
      break;
    }
    --end;
  }
  return end;
}

// A URL glued to a word is part of it; one right after '=' or a quote is an
// attribute value of pasted markup (<a href=http://...>), which stays text.
bool FollowsBoundary(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  char before = text[pos - 1];
  return !ascii::IsAlnum(before) && before != '=' && before != '"' && before != '\'';
}

}  // namespace

size_t MatchAutolink(std::string_view text, size_t pos) {
  if (!FollowsBoundary(text, pos)) return 0;
  std::string_view rest = text.substr(pos);
  size_t prefix;
  if (ascii::StartsWithNoCase(rest, "http://")) {
    prefix = 7;
  } else if (ascii::StartsWithNoCase(rest, "https://")) {
    prefix = 8;
  } else {
    return 0;
  }
  size_t end = prefix;
  while (end < rest.size() && !EndsUrl(rest[end])) ++end;
  end = TrimTrailing(rest.substr(0, end));
  return end > prefix ? end : 0;
}

}  // namespace tribune::bbcode
