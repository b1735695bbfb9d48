#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tribune::render {

struct SiteInfo;

// Appends <nav class="pagination"> for page `current` of `total` (nothing when
// total is 1): Back, the numbers with gaps, Next (in `site`'s language when given). `path_of(n)` gives page n's URL.
void AppendPagination(std::string& out, int64_t current, int64_t total,
                      const std::function<std::string(int64_t)>& path_of,
                      std::string_view label = "Pages", const SiteInfo* site = nullptr);

}  // namespace tribune::render
