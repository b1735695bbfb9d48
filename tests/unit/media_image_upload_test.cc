// Uploads made ready to serve: told by their bytes, never enlarged, written
// at the widths for srcset, stripped of their metadata; too large and
// unknown kinds refused.
#include <gtest/gtest.h>
#include <vips/vips8>

#include "media/image_upload.h"

namespace tribune::media {
namespace {

std::string Encoded(const vips::VImage& image, const char* suffix) {
  void* buf = nullptr;
  size_t len = 0;
  image.write_to_buffer(suffix, &buf, &len);
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

vips::VImage Picture(int width, int height) {
  PrepareUpload("");  // starts libvips
  return (vips::VImage::black(width, height, vips::VImage::option()->set("bands", 3)) + 90)
      .cast(VIPS_FORMAT_UCHAR);
}

TEST(ImageUpload, WidthsForSrcsetNeverEnlarged) {
  auto ready = PrepareUpload(Encoded(Picture(1200, 800), ".jpg"));
  ASSERT_TRUE(ready.ok()) << ready.status().message();
  EXPECT_EQ(ready->source_type, "jpeg");
  ASSERT_EQ(ready->files.size(), 3u);
  EXPECT_EQ(ready->files[0].first, 480);
  EXPECT_EQ(ready->files[1].first, 960);
  EXPECT_EQ(ready->files[2].first, 1200);  // its own width, not 1600
  EXPECT_EQ(ready->width, 1200);
  EXPECT_EQ(ready->height, 800);
  for (const auto& [w, data] : ready->files) EXPECT_EQ(data.substr(8, 4), "WEBP") << w;
  auto small = PrepareUpload(Encoded(Picture(300, 200), ".png"));
  ASSERT_TRUE(small.ok());
  ASSERT_EQ(small->files.size(), 1u);
  EXPECT_EQ(small->files[0].first, 300);
}

TEST(ImageUpload, MetadataIsDropped) {
  vips::VImage image = Picture(640, 480).copy();
  std::string xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">GPS 41.7151 44.8271 secret</x:xmpmeta>";
  image.set("xmp-data", reinterpret_cast<VipsCallbackFn>(NULL), xmp.data(), xmp.size());
  std::string upload = Encoded(image, ".webp");
  ASSERT_NE(upload.find("secret"), std::string::npos);  // the upload carries it
  auto ready = PrepareUpload(upload);
  ASSERT_TRUE(ready.ok()) << ready.status().message();
  for (const auto& [w, data] : ready->files) {
    EXPECT_EQ(data.find("secret"), std::string::npos) << w;
    EXPECT_EQ(data.find("XMP "), std::string::npos) << w;
  }
}

TEST(ImageUpload, KindsAndSizesRefused) {
  for (std::string bytes : {std::string("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                            std::string("%PDF-1.4 not an image"), std::string("GIF89a broken")}) {
    auto r = PrepareUpload(bytes);
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << bytes;
  }
  auto huge = PrepareUpload(Encoded(Picture(8000, 6000), ".png"));  // 48 megapixels
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.status().message().find("megapixels"), std::string::npos);
}

}  // namespace
}  // namespace tribune::media
