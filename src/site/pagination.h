// Page numbers for a paginated list, seed style: "Back 1 2 … 10 ... 26 Next".
#pragma once

#include <cstdint>
#include <vector>

namespace tribune::site {

// Number of pages needed for `items` items, at least 1.
int64_t PageCount(int64_t items, int64_t per_page);

// Where page `page` (from 1) starts in the list: the items it shows are
// [PageOffset, PageOffset + per_page).
int64_t PageOffset(int64_t page, int64_t per_page);

// The page showing the item at `position` (0 for the first item of the
// list, in the list's own order): the inverse of PageOffset.
int64_t PageOfPosition(int64_t position, int64_t per_page);

// The page numbers to show around `current` of `total`; 0 stands for a gap
// (an ellipsis). Always shows the first and last page, a window around the
// current one, and the first 10 on the first pages (as the seed does).
std::vector<int64_t> PageLinks(int64_t current, int64_t total);

}  // namespace tribune::site
