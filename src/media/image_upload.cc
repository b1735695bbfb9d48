#include "media/image_upload.h"

#include <fmt/format.h>
#include <vips/vips8>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace tribune::media {
namespace {

void StartVips() {
  static std::once_flag once;
  std::call_once(once, [] {
    vips_init("tribune");
    vips_cache_set_max(0);  // each upload is decoded once: nothing to keep
    vips_concurrency_set(1);
  });
}

// The kind of image the bytes are, by libvips' sniffing; "" when not one we take.
std::string KindOf(std::string_view bytes) {
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (!loader) return {};
  // A class name such as "VipsForeignLoadJpegBuffer" or "VipsForeignLoadNsgifBuffer".
  std::string name = loader;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* kind : {"jpeg", "png", "webp", "gif"}) {
    if (name.find(kind) != std::string::npos) return kind;
  }
  return {};
}

// The widths to write for an image `original` wide: each of kWidths below
// it (and below the widest), then the original's own width up to the widest.
std::vector<int> WidthsFor(int original) {
  int top = std::min(original, kWidths.back());
  std::vector<int> out;
  for (int w : kWidths) {
    if (w < top) out.push_back(w);
  }
  out.push_back(top);
  return out;
}

// `image` with every metadata field gone (EXIF and its GPS position, XMP,
// IPTC, ICC profiles, Photoshop blocks), whatever the saver would keep.
vips::VImage WithoutMetadata(const vips::VImage& image) {
  vips::VImage out = image.copy();
  gchar** fields = vips_image_get_fields(out.get_image());
  for (gchar** f = fields; f && *f; ++f) {
    std::string name = *f;
    bool meta = name.rfind("exif-", 0) == 0 || name.rfind("xmp", 0) == 0 ||
                name.rfind("iptc", 0) == 0 || name.rfind("icc", 0) == 0 ||
                name.rfind("photoshop", 0) == 0 || name == "orientation" ||
                name.rfind("png-comment", 0) == 0 || name.rfind("gif-comment", 0) == 0;
    if (meta) vips_image_remove(out.get_image(), name.c_str());
  }
  g_strfreev(fields);
  return out;
}

}  // namespace

Result<ReadyImage> PrepareUpload(std::string_view bytes) {
  StartVips();
  if (bytes.size() > kMaxUploadBytes) {
    return InvalidArgument(fmt::format("The image is larger than {} MiB.", kMaxUploadBytes >> 20));
  }
  ReadyImage out;
  out.source_type = KindOf(bytes);
  if (out.source_type.empty()) {
    return InvalidArgument("This file is not a JPEG, PNG, WebP or GIF image (whatever its name "
                           "says).");
  }
  try {
    // The header only: the size is checked before anything is decoded.
    vips::VImage head = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    int64_t pixels = int64_t{head.width()} * head.height();
    if (pixels > kMaxPixels) {
      return InvalidArgument(fmt::format("The image has {} megapixels; at most {} are taken.",
                                         pixels / 1'000'000, kMaxPixels / 1'000'000));
    }
    VipsBlob* blob = vips_blob_copy(bytes.data(), bytes.size());
    for (int width : WidthsFor(head.width())) {
      vips::VImage scaled = vips::VImage::thumbnail_buffer(
          blob, width, vips::VImage::option()->set("size", VIPS_SIZE_DOWN));
      scaled = WithoutMetadata(scaled);
      VipsBlob* webp = scaled.webpsave_buffer(
          vips::VImage::option()->set("strip", true)->set("Q", 82));
      size_t len = 0;
      const void* data = vips_blob_get(webp, &len);
      out.files.emplace_back(scaled.width(), std::string(static_cast<const char*>(data), len));
      vips_area_unref(VIPS_AREA(webp));
      out.width = scaled.width();
      out.height = scaled.height();
    }
    vips_area_unref(VIPS_AREA(blob));
  } catch (const vips::VError& e) {
    return InvalidArgument(std::string("The image could not be read: ") + e.what());
  }
  return out;
}

}  // namespace tribune::media
