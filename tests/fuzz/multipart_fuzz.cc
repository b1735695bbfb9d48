// multipart/form-data bodies (the newsroom's image upload): the parser never
// fails but with a reason, keeps to its part limit, gives each part's bytes
// exactly as they stand in the body, and what it returns, written out again
// with a boundary none of the data holds, parses back to the same parts.
#include <string>

#include "fuzz_check.h"
#include "http/multipart.h"

namespace {

using tribune::fuzz::Check;
using tribune::http::FormPart;
using tribune::http::ParseMultipart;

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Written(const std::vector<FormPart>& parts, const std::string& boundary) {
  std::string body;
  for (const FormPart& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + Quoted(p.name);
    if (!p.filename.empty()) body += "; filename=" + Quoted(p.filename);
    body += "\r\n\r\n" + p.data + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = tribune::fuzz::AsText(data, size);
  // The first line is the boundary the Content-Type names; the rest, the body.
  size_t eol = input.find('\n');
  std::string boundary(input.substr(0, eol == std::string_view::npos ? 0 : eol));
  std::string_view body = eol == std::string_view::npos ? input : input.substr(eol + 1);
  auto parts = ParseMultipart("multipart/form-data; boundary=" + boundary, body);
  if (!parts.ok()) {
    Check(!parts.status().message().empty(), "a refusal says why");
    return 0;
  }
  Check(parts->size() <= tribune::http::kMaxFormParts, "at most kMaxFormParts parts");
  for (const FormPart& p : *parts) {
    Check(body.find(p.data) != std::string_view::npos, "a part's bytes stand in the body", p.data);
    Check(p.name.find_first_of("\r\n") == std::string::npos, "a name is one line", p.name);
  }
  // Names and file names with a quote or backslash are written escaped; a
  // boundary none of the data or names hold, and short, as boundaries must be
  // (growing one letter at a time, an input holding "Fz0xxx…" made it longer
  // than the parser takes).
  std::string fresh;
  for (int n = 0;; ++n) {
    fresh = "Fz" + std::to_string(n);
    bool held = false;
    for (const FormPart& p : *parts) {
      held = held || p.data.find(fresh) != std::string::npos ||
             p.name.find(fresh) != std::string::npos || p.filename.find(fresh) != std::string::npos;
    }
    if (!held) break;
  }
  auto again = ParseMultipart("multipart/form-data; boundary=" + fresh, Written(*parts, fresh));
  Check(again.ok(), "written parts parse", again.ok() ? "" : again.status().message());
  Check(again->size() == parts->size(), "as many parts again");
  for (size_t i = 0; i < parts->size(); ++i) {
    Check((*again)[i].data == (*parts)[i].data, "the same bytes again", (*parts)[i].data);
    Check((*again)[i].name == (*parts)[i].name, "the same name again", (*parts)[i].name);
  }
  return 0;
}
