// Whole numbers from text a client or an operator wrote (paths, query
// parameters, form fields, the listen port): one parser, so that every caller
// treats "", "+1", " 1", "1.0", "0x10" and a number too large for 64 bits the
// same way, as not a number, never as 0 or as some fallback.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tribune {

// True when `text` is one or more ASCII digits and nothing else.
bool IsDigits(std::string_view text);

// `text` as a number from 0 to INT64_MAX written in decimal digits only;
// nullopt for anything else, including numbers too large.
std::optional<int64_t> ParseWhole(std::string_view text);

// The same, from 1 to INT64_MAX.
std::optional<int64_t> ParsePositive(std::string_view text);

}  // namespace tribune
