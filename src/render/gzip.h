#pragma once

#include <string>
#include <string_view>

namespace tribune::render {

// gzip (RFC 1952) of `data` at `level` (1 fastest .. 9 smallest).
std::string Gzip(std::string_view data, int level = 6);

}  // namespace tribune::render
