#include "http/multipart.h"

#include <algorithm>

#include "core/ascii.h"

namespace tribune::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `name` in a header value like `form-data; name="x"`.
std::string Param(std::string_view value, std::string_view name) {
  size_t at = 0;
  while ((at = value.find(';', at)) != std::string_view::npos) {
    ++at;
    std::string_view rest = Trim(value.substr(at));
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (AsciiLower(Trim(rest.substr(0, eq))) != name) continue;
    std::string_view v = Trim(rest.substr(eq + 1));
    if (!v.empty() && v.front() == '"') {
      std::string out;
      for (size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        out += v[i];
      }
      return out;
    }
    return std::string(v.substr(0, v.find(';')));
  }
  return {};
}

}  // namespace

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (AsciiLower(Trim(content_type.substr(0, content_type.find(';')))) != "multipart/form-data") {
    return InvalidArgument("the form must be sent as multipart/form-data");
  }
  std::string boundary = Param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) {
    return InvalidArgument("the multipart form has no boundary");
  }
  const std::string delimiter = "--" + boundary;
  size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return InvalidArgument("the multipart form has no parts");
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return InvalidArgument("the multipart form is malformed");
    at += 2;
    size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) return InvalidArgument("a form part is cut short");
    FormPart part;
    std::string_view head = body.substr(at, head_end - at);
    for (size_t line = 0; line <= head.size();) {
      size_t eol = head.find("\r\n", line);
      if (eol == std::string_view::npos) eol = head.size();
      std::string_view h = head.substr(line, eol - line);
      if (h.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
        return InvalidArgument("a form part's head has a stray line break or NUL");
      }
      size_t colon = h.find(':');
      if (colon != std::string_view::npos) {
        std::string key = AsciiLower(Trim(h.substr(0, colon)));
        std::string_view value = Trim(h.substr(colon + 1));
        if (key == "content-disposition") {
          part.name = Param(value, "name");
          part.filename = Param(value, "filename");
        } else if (key == "content-type") {
          part.content_type = std::string(value);
        }
      }
      line = eol + 2;
    }
    size_t data_start = head_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) return InvalidArgument("a form part is cut short");
    part.data = std::string(body.substr(data_start, next - data_start));
    if (parts.size() == kMaxFormParts) return InvalidArgument("the form has too many parts");
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

}  // namespace tribune::http
