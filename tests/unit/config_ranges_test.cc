// Every numeric configuration key against its range, read from a real TOML
// file: its bounds load, a value just outside them (and one far outside) stops
// start-up with a message naming the key and the range.
#include "core/config_ranges.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <string>

#include "core/config.h"

namespace tribune {
namespace {

std::string Toml(std::string_view key, const std::string& value) {
  size_t dot = key.find('.');
  return "[" + std::string(key.substr(0, dot)) + "]\n" + std::string(key.substr(dot + 1)) + " = " +
         value + "\n";
}

// Each test runs in a process of its own, several at once: a file per process.
Result<Config> Load(const std::string& toml) {
  std::string path =
      std::string(TRIBUNE_TEST_TMP) + "/range-" + std::to_string(::getpid()) + ".toml";
  std::ofstream(path, std::ios::trunc) << toml;
  return LoadConfig(path);
}

// A TOML literal of the key's own type: integers for integer keys.
std::string Literal(const NumericRange& r, double v) {
  if (r.integer) return std::to_string(static_cast<int64_t>(v));
  return fmt::format("{:.6f}", v);
}

TEST(ConfigRanges, DefaultsLieInTheirRanges) {
  EXPECT_TRUE(ValidateConfig(Config{}).ok()) << ValidateConfig(Config{}).message();
}

TEST(ConfigRanges, EveryKeyAcceptsItsBoundsAndNamesItsRangeBeyondThem) {
  for (const NumericRange& r : NumericRanges()) {
    SCOPED_TRACE(std::string(r.key));
    for (double ok : {r.min, r.max}) {
      auto c = Load(Toml(r.key, Literal(r, ok)));
      // Keys bound by a rule between keys (hold_at <= spam_at ...) may refuse
      // a bound for that rule; never for the range.
      if (!c.ok()) {
        EXPECT_EQ(c.status().message().find("between"), std::string::npos);
      }
    }
    double step = std::max(1.0, (r.max - r.min) / 1000);
    for (double bad : {r.min - step, r.max + step, r.max * 1e6 + 1e6}) {
      auto c = Load(Toml(r.key, Literal(r, bad)));
      ASSERT_FALSE(c.ok()) << bad;
      const std::string& m = c.status().message();
      EXPECT_NE(m.find("'" + std::string(r.key) + "'"), std::string::npos) << m;
      EXPECT_NE(m.find("between"), std::string::npos) << m;
    }
  }
}

TEST(ConfigRanges, NumbersTooLargeForTheFieldAreRefusedNotWrapped) {
  auto c = Load("[comments]\nmax_length = 9223372036854775807\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("comments.max_length"), std::string::npos);
  EXPECT_NE(c.status().message().find("9223372036854775807"), std::string::npos);
  EXPECT_EQ(c.status().message().find("not -1"), std::string::npos) << c.status().message();
  c = Load("[server]\nthreads = 100000\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("'server.threads' must be between 0 and 256"),
            std::string::npos)
      << c.status().message();
  c = Load("[limits]\nper_email_per_minute = nan\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("limits.per_email_per_minute"), std::string::npos);
}

TEST(ConfigRanges, BodyLimitIsCapped) {
  EXPECT_TRUE(Load("[server]\nbody_limit = 4194304\n").ok());
  auto c = Load("[server]\nbody_limit = 1073741824\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("server.body_limit"), std::string::npos);
}

TEST(ConfigRanges, ShortSecretsAreRefused) {
  auto c = Load("[site]\nsecret = \"x\"\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("site.secret"), std::string::npos);
  EXPECT_NE(c.status().message().find("16"), std::string::npos);
  EXPECT_FALSE(Load("[site]\nsecret = \"fifteen-bytes!!\"\n").ok());
  EXPECT_TRUE(Load("[site]\nsecret = \"sixteen-bytes!!!\"\n").ok());
}

TEST(ConfigRanges, CommandLineOverridesAreCheckedToo) {
  Config c;
  c.server.threads = 100000;
  EXPECT_NE(ValidateConfig(c).message().find("server.threads"), std::string::npos);
  c = Config{};
  c.server.listen = "127.0.0.1:99999";
  EXPECT_NE(ValidateConfig(c).message().find("server.listen"), std::string::npos);
  c.server.listen = "127.0.0.1:80x";
  EXPECT_FALSE(ValidateConfig(c).ok());
  c.server.listen = "[::1]:8080";
  EXPECT_TRUE(ValidateConfig(c).ok());
}

TEST(ConfigRanges, AFormMustBeSendableBeforeItExpires) {
  auto c = Load("[comments]\nmin_seconds = 120\ntoken_max_age_s = 60\n");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("comments.token_max_age_s"), std::string::npos);
}

}  // namespace
}  // namespace tribune
