// Storage failures in the log: one error line per incident, not one per
// failing request; a reminder while it lasts; a line when it is over.
#include "core/incident_log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tribune {
namespace {

class IncidentLogTest : public ::testing::Test {
 protected:
  std::vector<std::string> errors_, infos_;
  IncidentLog log_{"database writes", 60'000, [this](bool error, const std::string& text) {
                     (error ? errors_ : infos_).push_back(text);
                   }};
};

TEST_F(IncidentLogTest, AFloodOfFailuresIsOneErrorLine) {
  for (int i = 0; i < 1000; ++i) log_.Failed("attempt to write a readonly database", i * 10);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], "database writes are failing: attempt to write a readonly database");
  EXPECT_TRUE(infos_.empty());
}

TEST_F(IncidentLogTest, ALongIncidentIsRemindedWithItsCount) {
  for (int64_t ms = 0; ms <= 130'000; ms += 1000) log_.Failed("disk full", ms);
  ASSERT_EQ(errors_.size(), 3u);  // at 0 s, 60 s and 120 s
  EXPECT_EQ(errors_[1], "database writes are still failing (60 more failures in 60 s): disk full");
}

TEST_F(IncidentLogTest, ASuccessEndsTheIncidentAndTheNextFailureStartsAnother) {
  log_.Succeeded(0);
  EXPECT_TRUE(infos_.empty());
  log_.Failed("disk full", 1000);
  log_.Failed("disk full", 2000);
  log_.Succeeded(5000);
  ASSERT_EQ(infos_.size(), 1u);
  EXPECT_EQ(infos_[0], "database writes work again, after 4 s and 2 failures");
  log_.Succeeded(6000);
  EXPECT_EQ(infos_.size(), 1u);
  log_.Failed("database disk image is malformed", 7000);
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[1], "database writes are failing: database disk image is malformed");
}

}  // namespace
}  // namespace tribune
