// Images editors upload, made ready to serve: the type is told by the bytes
// (JPEG, PNG, WebP or GIF; anything else, SVG included, is refused), a
// picture too large to decode safely is refused before it is decoded, the
// orientation its camera recorded is applied, every kind of metadata (EXIF
// with its GPS position, XMP, IPTC, ICC profiles) is dropped, and it is
// written as WebP at a few widths for srcset. libvips does the work.
//
// Thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace tribune::media {

inline constexpr std::array<int, 3> kWidths = {480, 960, 1600};
inline constexpr int64_t kMaxPixels = 40'000'000;   // width × height of an upload
inline constexpr size_t kMaxUploadBytes = 10 << 20;

struct ReadyImage {
  int width = 0, height = 0;  // of the widest file
  std::string source_type;    // "jpeg", "png", "webp" or "gif", as the bytes said
  std::vector<std::pair<int, std::string>> files;  // (width, WebP bytes), narrowest first
};

// InvalidArgument, in words for the editor, when `bytes` is not an image
// Tribune takes or is too large.
Result<ReadyImage> PrepareUpload(std::string_view bytes);

}  // namespace tribune::media
