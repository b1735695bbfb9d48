#include "core/utf8.h"

#include <cstdint>

namespace tribune::utf8 {
namespace {

// Decodes one code point at `i`; returns its length, or 0 when malformed.
size_t Decode(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t n;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool IsSpace(char32_t cp) {
  return cp <= 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace

size_t DecodeAt(std::string_view text, size_t i, char32_t& cp) { return Decode(text, i, cp); }

bool IsValid(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Fast path over ASCII runs.
    if (static_cast<uint8_t>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    size_t n = Decode(text, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t Length(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    char32_t cp;
    size_t n = Decode(text, begin, cp);
    if (n == 0 || !IsSpace(cp)) break;
    begin += n;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<uint8_t>(text[start]) & 0xC0) == 0x80) --start;
    char32_t cp;
    size_t n = Decode(text, start, cp);
    if (n == 0 || start + n != end || !IsSpace(cp)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string Truncate(std::string_view text, size_t max_chars) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) == 0x80) continue;
    if (count == max_chars) return std::string(text.substr(0, i)) + "\u2026";
    ++count;
  }
  return std::string(text);
}

}  // namespace tribune::utf8
