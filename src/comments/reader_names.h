// The key a reader's name is reserved by: look-alike letters folded (as the
// spam engine folds them), case and spaces ignored, so "N i n o" and "NІNO"
// (with a Cyrillic І) are both "nino".
#pragma once

#include <string>
#include <string_view>

namespace tribune::comments {

std::string ReaderNameKey(std::string_view name);

}  // namespace tribune::comments
