// multipart/form-data bodies (RFC 7578), as a browser sends a form with a
// file: the parts with their names, file names, types and bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tribune::http {

struct FormPart {
  std::string name;          // the form field
  std::string filename;      // "" for a plain field
  std::string content_type;  // as the client said ("" when it did not)
  std::string data;
};

inline constexpr size_t kMaxFormParts = 32;

// The parts of `body` sent with Content-Type `content_type`. InvalidArgument
// (in words) when it is not multipart/form-data, has no boundary, is cut
// short, or has more than kMaxFormParts parts.
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace tribune::http
