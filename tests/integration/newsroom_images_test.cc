// Images in articles: an editor uploads one (multipart, with the session's
// token) with its alt text; a file that is not an image, or one without alt
// text, is refused with the reason and the alt text kept; the files are served
// as WebP with a year's cache lifetime; "[img=ID]" in an article places a
// <figure> with srcset and the alt text; other roles are refused.
#include <zlib.h>

#include "server_fixture.h"

namespace tribune::itest {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

void Chunk(std::string& png, const char* type, const std::string& data) {
  uint32_t n = static_cast<uint32_t>(data.size());
  for (int s = 24; s >= 0; s -= 8) png += static_cast<char>((n >> s) & 0xff);
  std::string body = std::string(type, 4) + data;
  png += body;
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  for (int s = 24; s >= 0; s -= 8) png += static_cast<char>((crc >> s) & 0xff);
}

// A `width` × `height` RGB gradient as a PNG file.
std::string Png(int width, int height) {
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // no filter
    for (int x = 0; x < width; ++x) {
      raw += static_cast<char>(x * 255 / width);
      raw += static_cast<char>(y * 255 / height);
      raw += static_cast<char>(128);
    }
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string z(size, '\0');
  compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  z.resize(size);
  std::string ihdr;
  for (uint32_t v : {static_cast<uint32_t>(width), static_cast<uint32_t>(height)}) {
    for (int s = 24; s >= 0; s -= 8) ihdr += static_cast<char>((v >> s) & 0xff);
  }
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB
  std::string png = "\x89PNG\r\n\x1a\n";
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", z);
  Chunk(png, "IEND", "");
  return png;
}

std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file, const std::string& filename) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
            "\r\n";
  }
  body += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
          "\"\r\nContent-Type: image/png\r\n\r\n" + file + "\r\n--BOUNDARY--\r\n";
  return body;
}

TEST(NewsroomImages, EditorsUploadImagesThatArticlesPlace) {
  TempDir dir;
  TribuneServer server(dir.path(), PostingConfigToml());
  server.Start();
  int port = server.port();
  auto sign_in = [&](const std::string& role) {
    ProcessResult r = RunTribune({"staff", "add", role + "-img", "--role", role, "--db",
                                  server.db().string()},
                                 dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string password = FirstMatch(r.out, R"(password: (\S+))").value_or("");
    Response in = Fetch(port, {"POST", "/newsroom/sign-in", kForm,
                               FormEncode({{"name", role + "-img"}, {"password", password}})});
    EXPECT_EQ(in.status, 303);
    CookieJar jar;
    jar.Store(in);
    return jar;
  };
  CookieJar editor = sign_in("editor");
  Response page = Get(port, "/newsroom/images", {{"Cookie", editor.HeaderValue()}});
  ASSERT_EQ(page.status, 200);
  std::string token =
      UnescapeAttribute(FirstMatch(page.body, R"re(name="t" value="([^"]*)")re").value_or(""));
  HeaderList headers = {{"Content-Type", "multipart/form-data; boundary=BOUNDARY"},
                        {"Cookie", editor.HeaderValue()}};
  auto upload = [&](const std::string& t, const std::string& alt, const std::string& file) {
    return Fetch(port, {"POST", "/newsroom/images", headers,
                        Multipart({{"t", t}, {"alt", alt}}, file, "photo.png")});
  };
  std::string png = Png(1200, 800);
  EXPECT_EQ(upload("forged", "A bridge", png).status, 403);
  Response no_alt = upload(token, "  ", png);
  EXPECT_EQ(no_alt.status, 422);
  EXPECT_NE(no_alt.body.find("An image needs its alt text"), std::string::npos);
  Response not_image = upload(token, "Kept alt", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  EXPECT_EQ(not_image.status, 422);
  EXPECT_NE(not_image.body.find("not a JPEG, PNG, WebP or GIF"), std::string::npos);
  EXPECT_NE(not_image.body.find("value=\"Kept alt\""), std::string::npos);

  Response added = upload(token, "The bridge at dusk", png);
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 500);
  auto id = FirstMatch(added.Header("location").value_or(""), R"(added=(\d+))");
  ASSERT_TRUE(id.has_value());
  Response listed = Get(port, "/newsroom/images?added=" + *id, {{"Cookie", editor.HeaderValue()}});
  EXPECT_NE(listed.body.find("[img=" + *id + "]"), std::string::npos);
  for (int width : {480, 960, 1200}) {
    Response file = Get(port, "/media/" + *id + "-" + std::to_string(width) + ".webp");
    ASSERT_EQ(file.status, 200) << width;
    EXPECT_EQ(file.Header("Content-Type").value_or(""), "image/webp");
    EXPECT_EQ(file.Header("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
    EXPECT_EQ(file.body.substr(8, 4), "WEBP");
  }
  EXPECT_EQ(Get(port, "/media/" + *id + "-1600.webp").status, 404);

  // Placed in an article.
  Response editor_page = Get(port, "/newsroom/articles/new", {{"Cookie", editor.HeaderValue()}});
  std::string t2 =
      UnescapeAttribute(FirstMatch(editor_page.body, R"re(name="t" value="([^"]*)")re").value_or(""));
  HeaderList form = kForm;
  form.emplace_back("Cookie", editor.HeaderValue());
  Response published = Fetch(port, {"POST", "/newsroom/articles", form,
                                     FormEncode({{"t", t2}, {"title", "The bridge reopens"},
                                                 {"body", "It reopened.\n\n[img=" + *id + "]\n\nAt dusk."},
                                                 {"do", "publish"}, {"comments_open", "1"}})});
  ASSERT_EQ(published.status, 303) << published.body.substr(0, 500);
  auto article = FirstMatch(published.Header("location").value_or(""), R"(/articles/(\d+))");
  Response shown = Get(port, "/news/" + article.value_or("0") + "-the-bridge-reopens.html");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("<figure class=\"article-image\">"), std::string::npos);
  EXPECT_NE(shown.body.find("alt=\"The bridge at dusk\""), std::string::npos);
  EXPECT_NE(shown.body.find("/media/" + *id + "-480.webp 480w"), std::string::npos);
  EXPECT_NE(shown.body.find("width=\"1200\" height=\"800\""), std::string::npos);

  CookieJar moderator = sign_in("moderator");
  EXPECT_EQ(Get(port, "/newsroom/images", {{"Cookie", moderator.HeaderValue()}}).status, 403);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tribune::itest
