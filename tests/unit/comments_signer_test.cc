// HMAC-SHA256 against RFC 4231's test vectors, and the Signer built on it.
#include <gtest/gtest.h>

#include <string>

#include "comments/hmac_sha256.h"
#include "comments/signer.h"

namespace tribune::comments {
namespace {

std::string Hex(const HmacSha256::Mac& mac) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : mac) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

TEST(HmacSha256, MatchesRfc4231) {
  EXPECT_EQ(Hex(HmacSha256(std::string(20, '\x0b')).Of("Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(Hex(HmacSha256("Jefe").Of("what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // A key longer than a block is hashed first.
  EXPECT_EQ(Hex(HmacSha256(std::string(131, '\xaa'))
                    .Of("Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // A message longer than a block.
  EXPECT_EQ(Hex(HmacSha256(std::string(131, '\xaa'))
                    .Of("This is a test using a larger than block-size key and a larger than "
                        "block-size data. The key needs to be hashed before being used by the "
                        "HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(HmacSha256, CopiesAndRepeatedUseGiveTheSameMac) {
  HmacSha256 h("Jefe");
  HmacSha256 copy = h;
  EXPECT_EQ(h.Of("abc"), h.Of("abc"));
  EXPECT_EQ(copy.Of("abc"), h.Of("abc"));
  EXPECT_NE(h.Of("abc"), h.Of("abd"));
}

TEST(Signer, ShowsTheFirstHalfOfTheMacAndVerifiesIt) {
  Signer signer(std::string(20, '\x0b'));
  EXPECT_EQ(signer.Sign("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b");
  Signer::Mac mac{};
  EXPECT_TRUE(signer.Verify("Hi There", "b0344c61d8db38535ca8afceaf0bf12b", &mac));
  EXPECT_EQ(Hex(mac), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_FALSE(signer.Verify("Hi There", "b0344c61d8db38535ca8afceaf0bf12c"));
  EXPECT_FALSE(signer.Verify("Hi There", "b0344c61"));
}

}  // namespace
}  // namespace tribune::comments
