// Property checks for the fuzz targets: a failed check prints what went wrong
// (with the offending text made printable) and aborts, which libFuzzer
// reports as a crash and saves the input that caused it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::fuzz {

// Prints "property failed: `what`" and `detail`, then aborts.
[[noreturn]] void Fail(std::string_view what, std::string_view detail = {});

// Aborts through Fail unless `ok`.
inline void Check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) Fail(what, detail);
}

// The fuzzer's bytes as text.
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when `text` contains `needle`, ASCII letters compared case-insensitively.
bool ContainsNoCase(std::string_view text, std::string_view needle);

}  // namespace tribune::fuzz
