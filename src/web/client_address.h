// The reader's address when Tribune sits behind proxies it trusts (nginx, a
// load balancer): their X-Forwarded-For says who connected to them. Trusted
// only from the configured proxies; from anyone else the header is ignored,
// or a reader could pick the address their limits are counted under.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "site/ban.h"

namespace tribune::web {

class ClientAddress {
 public:
  // `trusted`: addresses or ranges ("127.0.0.1", "10.0.0.0/8", "::1").
  // InvalidArgument naming the first that is neither.
  static Result<ClientAddress> Make(const std::vector<std::string>& trusted);

  // `peer` when it is not a trusted proxy (or there is no header). Otherwise
  // the X-Forwarded-For entries are read from the right (the nearest hop
  // first), skipping trusted proxies: the first other one is the reader. A
  // malformed entry ends the walk: the hop before it is the answer.
  std::string Of(std::string_view peer, std::string_view forwarded_for) const;

  bool empty() const { return trusted_.empty(); }

 private:
  bool Trusted(std::string_view address) const;
  std::vector<site::AddressRange> trusted_;
};

}  // namespace tribune::web
