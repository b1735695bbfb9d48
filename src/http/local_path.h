// Redirect targets on this site. A Location built from request data must
// never send a browser to another origin, and browsers are lenient: their URL
// parser drops tabs and newlines anywhere, reads "\" as "/", and takes
// "//host" (so also "/\host" and "/<tab>/host") for another host.
#pragma once

#include <cstddef>
#include <string_view>

namespace tribune::http {

inline constexpr size_t kMaxLocalPath = 2048;

// True when `target` is a path on this site that every browser resolves on
// this site: it starts with "/" not followed by "/" or "\", holds only
// printable ASCII other than "\" and space (no control character, no byte
// above 0x7E), and is at most kMaxLocalPath bytes. Query and fragment may
// follow the path ("/news/1-a.html?posted=2#c2").
bool IsLocalPath(std::string_view target);

}  // namespace tribune::http
