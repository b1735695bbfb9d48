// Page numbers for a paginated list, seed style: "Back 1 2 … 10 ... 26 Next".
#pragma once

#include <cstdint>
#include <vector>

namespace tribune::site {

// Number of pages needed for `items` items, at least 1.
int64_t PageCount(int64_t items, int64_t per_page);

// The page numbers to show around `current` of `total`; 0 stands for a gap
// (an ellipsis). Always shows the first and last page, a window around the
// current one, and the first 10 on the first pages (as the seed does).
std::vector<int64_t> PageLinks(int64_t current, int64_t total);

}  // namespace tribune::site
