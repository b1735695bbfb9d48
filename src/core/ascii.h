// ASCII case folding for protocol and address text (header names, hosts,
// wallet addresses, ban patterns): only A-Z change, whatever the locale, and
// UTF-8 bytes pass through untouched.
#pragma once

#include <string>
#include <string_view>

namespace tribune {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

}  // namespace tribune
