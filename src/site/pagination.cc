#include "site/pagination.h"

#include <algorithm>

namespace tribune::site {
namespace {
constexpr int64_t kLeadingPages = 10;  // pages 1..10 shown while near the start
constexpr int64_t kWindow = 3;         // pages shown each side of the current one
}  // namespace

int64_t PageCount(int64_t items, int64_t per_page) {
  if (items <= 0 || per_page <= 0) return 1;
  return (items + per_page - 1) / per_page;
}

int64_t PageOffset(int64_t page, int64_t per_page) { return (page - 1) * per_page; }

int64_t PageOfPosition(int64_t position, int64_t per_page) {
  if (position < 0 || per_page <= 0) return 1;
  return position / per_page + 1;
}

std::vector<int64_t> PageLinks(int64_t current, int64_t total) {
  std::vector<int64_t> out;
  if (total <= kLeadingPages + 2) {
    for (int64_t p = 1; p <= total; ++p) out.push_back(p);
    return out;
  }
  int64_t lo, hi;
  if (current <= kLeadingPages - kWindow) {
    lo = 1, hi = kLeadingPages;
  } else if (current >= total - (kLeadingPages - kWindow) + 1) {
    lo = total - kLeadingPages + 1, hi = total;
  } else {
    lo = current - kWindow, hi = current + kWindow;
  }
  if (lo > 1) out.push_back(1);
  if (lo > 2) out.push_back(0);
  for (int64_t p = lo; p <= hi; ++p) out.push_back(p);
  if (hi < total - 1) out.push_back(0);
  if (hi < total) out.push_back(total);
  return out;
}

}  // namespace tribune::site
