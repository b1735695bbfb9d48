#include "http/local_path.h"

namespace tribune::http {

bool IsLocalPath(std::string_view target) {
  if (target.empty() || target.size() > kMaxLocalPath || target[0] != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  for (char c : target) {
    // Printable ASCII is 0x21..0x7E; the space and the backslash are refused too.
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '\\') return false;
  }
  return true;
}

}  // namespace tribune::http
