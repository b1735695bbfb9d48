// Devices a staff member has signed in from before: a signed, long-lived,
// HttpOnly cookie set at every successful sign-in. It proves nothing about who
// sits at the device (the password still does); it earns the device sign-in
// attempts of its own, ahead of the queue and limited per device rather than
// per network, so that a flood of attempts from many networks cannot keep a
// moderator out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "comments/signer.h"

namespace tribune::moderation {

class KnownDevices {
 public:
  static constexpr std::string_view kCookie = "td";
  static constexpr int64_t kLifetime = 180 * 86400;

  explicit KnownDevices(const comments::Signer& signer) : signer_(signer) {}

  // A cookie value for a new device of staff member `staff_id`, valid until
  // `expires` (Unix seconds).
  std::string Issue(int64_t staff_id, int64_t expires) const;
  // The device's id (random, fixed for the cookie's life) when `cookie` is a
  // valid, unexpired device cookie at `now`; "" when it is forged, malformed
  // or expired.
  std::string Verify(std::string_view cookie, int64_t now) const;

 private:
  const comments::Signer& signer_;
};

}  // namespace tribune::moderation
