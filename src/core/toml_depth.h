// How deeply the keys of a TOML text nest, found without parsing it. toml++
// recurses once per part of a dotted key ("a.b.c = 1", "[a.b.c]"), so a file
// with a key of tens of thousands of parts exhausts the stack in the parser;
// the configuration loader refuses such text before handing it over.
#pragma once

#include <cstddef>
#include <string_view>

namespace tribune {

// The most parts of one dotted key in `toml` (1 for "a = 1", 3 for
// "[a.b.c]"). Counts '.' outside strings and comments between the places a
// new key can start ('=', ',', '{', '[', ']', '}', a line break), so a float
// value counts 2; a text that is not valid TOML gets some count all the same.
// Linear in the size of `toml`; never fails.
size_t MaxKeyParts(std::string_view toml);

}  // namespace tribune
