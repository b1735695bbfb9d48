// ParseConfig and the key-depth guard in front of toml++.
#include <gtest/gtest.h>

#include <string>

#include "core/config.h"
#include "core/toml_depth.h"

namespace tribune {
namespace {

std::string DottedKey(int parts) {
  std::string key = "a";
  for (int i = 1; i < parts; ++i) key += ".a";
  return key;
}

TEST(MaxKeyParts, CountsDottedKeysAndTableHeaders) {
  EXPECT_EQ(MaxKeyParts(""), 1u);
  EXPECT_EQ(MaxKeyParts("a = 1\n"), 1u);
  EXPECT_EQ(MaxKeyParts("server.listen = \"x\"\n"), 2u);
  EXPECT_EQ(MaxKeyParts("[a.b.c]\nd = 1\n"), 3u);
  EXPECT_EQ(MaxKeyParts("x = { a.b = 1, c = 2 }\n"), 2u);
  EXPECT_EQ(MaxKeyParts("x = [1.5, 2.5]\n"), 2u);  // a float counts two
}

TEST(MaxKeyParts, SkipsStringsAndComments) {
  EXPECT_EQ(MaxKeyParts("a = \"x.y.z.w\"  # b.c.d.e\n"), 1u);
  EXPECT_EQ(MaxKeyParts("a = 'x.y.z'\n\"q.u.o\".t = 1\n"), 2u);
  EXPECT_EQ(MaxKeyParts("a = \"\"\"\n1.2.3.4\n\\\"\"\" x.y.z\n\"\"\"\nb = 1\n"), 1u);
  EXPECT_EQ(MaxKeyParts("a = '''\nx.y.z.w\n'''\n"), 1u);
  EXPECT_EQ(MaxKeyParts("a = \"unterminated.x\nb.c = 1\n"), 2u);
}

// toml++ recursed once per part and ran out of stack at about 30,000 parts.
TEST(ParseConfig, RefusesKeysNestedTooDeeplyForTheParser) {
  for (std::string text : {DottedKey(100000) + " = 1\n", "[" + DottedKey(100000) + "]\n"}) {
    auto c = ParseConfig(text, "deep.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.status().message().find("deep.toml: a key has more than 64 dotted parts"),
              std::string::npos)
        << c.status().message();
  }
  auto ok = ParseConfig("[comments]\nper_page = 5\n", "ok.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->comments.per_page, 5);
}

TEST(LoadConfig, AMissingFileIsNamed) {
  auto c = LoadConfig("/nonexistent/tribune.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/tribune.toml: cannot be read"),
            std::string::npos);
}

}  // namespace
}  // namespace tribune
