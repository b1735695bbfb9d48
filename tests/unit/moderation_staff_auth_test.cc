#include <gtest/gtest.h>

#include "moderation/staff_auth.h"

namespace tribune::moderation {
namespace {

TEST(StaffPasswords, HashVerifiesOnlyTheSamePassword) {
  std::string hash = HashPassword("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(CheckPassword(hash, "correct horse battery"));
  EXPECT_FALSE(CheckPassword(hash, "correct horse batterY"));
  EXPECT_FALSE(CheckPassword(hash, ""));
  EXPECT_FALSE(CheckPassword("not a hash", "correct horse battery"));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(HashPassword("correct horse battery"), hash);
}

TEST(StaffPasswords, GeneratedPasswordsAreLongAndDiffer) {
  std::string a = GeneratePassword(), b = GeneratePassword();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_of("lo01iI"), std::string::npos) << a;
  // Every symbol of the alphabet turns up: 32 of them, with 'A' the last.
  std::string seen;
  for (int i = 0; i < 200; ++i) seen += GeneratePassword();
  EXPECT_NE(seen.find('A'), std::string::npos);
}

class StaffSessionsTest : public ::testing::Test {
 protected:
  StaffSessionsTest() : signer_("site-secret"), sessions_(signer_) {
    staff_.id = 7;
    staff_.name = "maria";
    staff_.password_hash = "$argon2id$v=19$first";
  }
  comments::Signer signer_;
  StaffSessions sessions_;
  site::Staff staff_;
  const int64_t now_ = 1'800'000'000;
};

TEST_F(StaffSessionsTest, IssuedCookieIsValidUntilItExpires) {
  std::string c = sessions_.Issue(staff_, now_ + 3600);
  EXPECT_EQ(StaffSessions::StaffId(c), 7);
  EXPECT_TRUE(sessions_.Valid(c, staff_, now_));
  EXPECT_TRUE(sessions_.Valid(c, staff_, now_ + 3599));
  EXPECT_FALSE(sessions_.Valid(c, staff_, now_ + 3600));
}

TEST_F(StaffSessionsTest, ForgedOrForeignCookiesAreRefused) {
  std::string c = sessions_.Issue(staff_, now_ + 3600);
  site::Staff other = staff_;
  other.id = 8;
  EXPECT_FALSE(sessions_.Valid(c, other, now_));  // another member's id
  std::string longer = c;
  longer.replace(longer.find('.') + 1, 10, std::to_string(now_ + 7200));
  EXPECT_FALSE(sessions_.Valid(longer, staff_, now_));  // a later expiry, same signature
  EXPECT_FALSE(sessions_.Valid("7.1800003600.", staff_, now_));
  EXPECT_FALSE(sessions_.Valid("", staff_, now_));
  EXPECT_FALSE(StaffSessions::StaffId("x.1.2").has_value());
  comments::Signer other_site("another-secret");
  EXPECT_FALSE(StaffSessions(other_site).Valid(c, staff_, now_));
  // An expiry beyond a session's lifetime was not issued by this site.
  std::string far = sessions_.Issue(staff_, now_ + StaffSessions::kLifetime + 60);
  EXPECT_FALSE(sessions_.Valid(far, staff_, now_));
}

TEST_F(StaffSessionsTest, ANewPasswordEndsEverySession) {
  std::string c = sessions_.Issue(staff_, now_ + 3600);
  staff_.password_hash = "$argon2id$v=19$second";
  EXPECT_FALSE(sessions_.Valid(c, staff_, now_));
}

TEST_F(StaffSessionsTest, ANewSessionEpochEndsEverySession) {
  std::string c = sessions_.Issue(staff_, now_ + 3600);
  staff_.session_epoch = 1;
  EXPECT_FALSE(sessions_.Valid(c, staff_, now_));
  EXPECT_TRUE(sessions_.Valid(sessions_.Issue(staff_, now_ + 3600), staff_, now_));
}

TEST_F(StaffSessionsTest, FormTokensBelongToOneSession) {
  std::string a = sessions_.Issue(staff_, now_ + 3600);
  std::string b = sessions_.Issue(staff_, now_ + 3601);
  std::string token = sessions_.FormToken(a);
  EXPECT_TRUE(sessions_.FormTokenFits(a, token));
  EXPECT_FALSE(sessions_.FormTokenFits(b, token));
  EXPECT_FALSE(sessions_.FormTokenFits("", sessions_.FormToken("")));
  EXPECT_FALSE(sessions_.FormTokenFits(a, ""));
}

}  // namespace
}  // namespace tribune::moderation
