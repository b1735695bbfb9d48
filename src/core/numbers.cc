#include "core/numbers.h"

#include <charconv>

namespace tribune {

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<int64_t> ParseWhole(std::string_view text) {
  if (!IsDigits(text)) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int64_t> ParsePositive(std::string_view text) {
  std::optional<int64_t> value = ParseWhole(text);
  if (!value || *value < 1) return std::nullopt;
  return value;
}

}  // namespace tribune
