#include "bbcode/clean_input.h"

#include <cstdint>

#include "core/utf8.h"

namespace tribune::bbcode {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsDroppedControl(uint8_t u) {
  return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F;
}

// Length of the sequence a lead byte announces, or 0 for a byte that cannot
// start one.
size_t SequenceLength(uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool NeedsCleaning(std::string_view source) {
  for (char c : source) {
    if (IsDroppedControl(static_cast<uint8_t>(c))) return true;
  }
  return !utf8::IsValid(source);
}

}  // namespace

std::string CleanSource(std::string_view source) {
  if (!NeedsCleaning(source)) return std::string(source);
  std::string out;
  out.reserve(source.size());
  size_t i = 0;
  while (i < source.size()) {
    auto u = static_cast<uint8_t>(source[i]);
    if (u < 0x80) {
      if (!IsDroppedControl(u)) out.push_back(source[i]);
      ++i;
      continue;
    }
    size_t n = SequenceLength(u);
    if (n != 0 && i + n <= source.size() && utf8::IsValid(source.substr(i, n))) {
      out.append(source.substr(i, n));
      i += n;
    } else {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

}  // namespace tribune::bbcode
