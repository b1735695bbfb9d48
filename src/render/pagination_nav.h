#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace tribune::render {

// Appends <nav class="pagination"> for page `current` of `total` (nothing when
// total is 1): Back, the numbers with gaps, Next. `path_of(n)` gives page n's URL.
void AppendPagination(std::string& out, int64_t current, int64_t total,
                      const std::function<std::string(int64_t)>& path_of,
                      const char* label = "Pages");

}  // namespace tribune::render
