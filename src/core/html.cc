#include "core/html.h"

#include <array>
#include <cstdint>

namespace tribune::html {
namespace {

// Replacement for each byte that needs one; empty for bytes kept as they are.
constexpr std::array<std::string_view, 256> MakeTable() {
  std::array<std::string_view, 256> t{};
  t['&'] = "&amp;";
  t['<'] = "&lt;";
  t['>'] = "&gt;";
  t['"'] = "&quot;";
  t['\''] = "&#39;";
  return t;
}
constexpr auto kTable = MakeTable();

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view rep = kTable[static_cast<uint8_t>(text[i])];
    if (rep.empty()) continue;
    out.append(text.data() + run, i - run);
    out.append(rep);
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendEscaped(out, text);
  return out;
}

void AppendXmlEscaped(std::string& out, std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<uint8_t>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
    clean.push_back(c);
  }
  AppendEscaped(out, clean);
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (char c : text) {
    auto u = static_cast<uint8_t>(c);
    bool unreserved = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                      (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' || u == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

std::string FormDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace tribune::html
