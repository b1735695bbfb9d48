// How both backends keep an image's widths: "480,960,1600" in one column.
#pragma once

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace tribune::store {

inline std::vector<int> ParseWidths(const std::string& text) {
  std::vector<int> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(std::atoi(text.substr(start, comma - start).c_str()));
    start = comma + 1;
  }
  return out;
}

inline std::string WidthsText(const std::vector<std::pair<int, std::string>>& files) {
  std::string out;
  for (const auto& [w, data] : files) out += (out.empty() ? "" : ",") + std::to_string(w);
  return out;
}

}  // namespace tribune::store
