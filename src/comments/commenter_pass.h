// Known good commenters: a signed cookie given to a reader whose comment was
// published, so that a spam wave, which raises the proof-of-work cost for
// everyone new, does not raise it for them. The cookie names the commenter
// by a keyed hash of the e-mail address, never the address itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "comments/signer.h"

namespace tribune::comments {

class CommenterPass {
 public:
  static constexpr std::string_view kCookie = "tc";

  explicit CommenterPass(const Signer& signer) : signer_(signer) {}

  // The keyed hash of an e-mail address (case-insensitive); empty for "".
  std::string Hash(std::string_view email) const;
  // The cookie's value for `email`, valid until `expires` (Unix seconds).
  std::string Issue(std::string_view email, int64_t expires) const;
  // The commenter hash in a cookie value, or "" when it is forged, malformed
  // or expired.
  std::string Verify(std::string_view cookie, int64_t now) const;

 private:
  const Signer& signer_;
};

}  // namespace tribune::comments
