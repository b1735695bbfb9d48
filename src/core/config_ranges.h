// The allowed values of every numeric configuration key, in one table: the
// loader checks a value against its range before narrowing it to the field
// (so 9223372036854775807 is refused, not read as -1), and ValidateConfig
// checks the assembled config (command-line overrides included) again.
#pragma once

#include <span>
#include <string_view>

#include "core/config.h"

namespace tribune {

struct NumericRange {
  std::string_view key;           // "server.threads"
  double min = 0, max = 0;        // inclusive
  bool integer = true;            // an integer key (else any number)
  double (*read)(const Config&);  // the key's value in a config
};

// Every numeric key with its range.
std::span<const NumericRange> NumericRanges();
// The range of `key`, or null when the key has none.
const NumericRange* RangeOf(std::string_view key);
// OK when `value` lies in `range`; else InvalidArgument naming the key, the
// allowed range and `shown` (the value as written). NaN is outside every range.
Status CheckRange(const NumericRange& range, double value, std::string_view shown);

// Secrets shorter than this are refused: a short HMAC key can be guessed.
inline constexpr size_t kMinSecretBytes = 16;

}  // namespace tribune
