#include "site/slug.h"

#include <fmt/format.h>


namespace tribune::site {

std::string Slugify(std::string_view title) {
  constexpr size_t kMax = 80;
  std::string out;
  bool dash = false;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      dash = !out.empty();
      continue;
    }
    if (dash) out.push_back('-');
    dash = false;
    out.push_back(c);
    if (out.size() >= kMax) break;
  }
  return out.empty() ? "article" : out;
}

}  // namespace tribune::site
