// Keys the operator issued to API clients ([api] keys, "NAME:SECRET"): a
// client sends "Authorization: Bearer SECRET".
#pragma once

#include <string>
#include <string_view>

#include "core/config.h"

namespace tribune::comments {

// The name of the key `authorization` (a header value) carries; "" with
// `*known` true when there is no header, "" with `*known` false for an
// unknown or malformed key. Secrets are compared in constant time.
std::string ApiKeyName(const Config& config, std::string_view authorization, bool* known);

}  // namespace tribune::comments
