#include "http/header_safety.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace tribune::http {
namespace {

bool IsControl(char c) {
  auto u = static_cast<uint8_t>(c);
  return u < 0x20 || u == 0x7f;
}

// RFC 9110 tchar, as a table: every header of every response is checked.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) t[static_cast<uint8_t>(c)] = true;
  return t;
}();

bool IsTokenChar(char c) { return kTokenChars[static_cast<uint8_t>(c)]; }

}  // namespace

bool IsHeaderName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

bool IsSafeHeaderValue(std::string_view value) {
  for (char c : value) {
    if (IsControl(c)) return false;
  }
  return true;
}

std::string UnsafeHeader(const Response& r) {
  if (!IsSafeHeaderValue(r.content_type)) return "Content-Type";
  for (const auto& [name, value] : r.headers) {
    if (!IsHeaderName(name) || !IsSafeHeaderValue(value)) return Printable(name);
  }
  return {};
}

std::string Printable(std::string_view text, size_t max_bytes) {
  std::string out;
  for (char c : text.substr(0, max_bytes)) out += IsControl(c) ? '?' : c;
  return out;
}

}  // namespace tribune::http
