// An image editors put in articles: kept at a few widths, with the alt text
// readers who cannot see it get instead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tribune::site {

struct Image {
  int64_t id = 0;
  std::string alt;          // required: what the image shows, for readers who cannot see it
  int width = 0, height = 0;  // of the largest file kept
  std::vector<int> widths;  // the files kept, narrowest first (WebP, metadata stripped)
  std::string created_by;
  int64_t created_at = 0;
};

// The path a file of image `id` at `width` is served from: "/media/{id}-{width}.webp".
std::string ImagePath(int64_t id, int width);

}  // namespace tribune::site
