#include "http/framing.h"

#include <vector>

namespace tribune::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsChunked(std::string_view coding) {
  constexpr std::string_view kChunked = "chunked";
  if (coding.size() != kChunked.size()) return false;
  for (size_t i = 0; i < coding.size(); ++i) {
    char c = coding[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kChunked[i]) return false;
  }
  return true;
}

// The codings of every field as one list; empty list elements are dropped
// (RFC 9110 §5.6.1), parameters stay with their coding.
std::vector<std::string_view> Codings(std::span<const std::string_view> fields) {
  std::vector<std::string_view> out;
  for (std::string_view field : fields) {
    while (!field.empty()) {
      size_t comma = field.find(',');
      std::string_view item = Trim(field.substr(0, comma));
      field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
      if (!item.empty()) out.push_back(item);
    }
  }
  return out;
}

}  // namespace

FramingProblem CheckFraming(std::span<const std::string_view> transfer_encodings,
                            bool has_content_length, unsigned version) {
  if (transfer_encodings.empty()) return {};
  if (version < 11) return {400, "Transfer-Encoding is not allowed in an HTTP/1.0 request"};
  if (has_content_length) {
    return {400, "a request must not carry both Transfer-Encoding and Content-Length"};
  }
  std::vector<std::string_view> codings = Codings(transfer_encodings);
  if (codings.empty() || !IsChunked(codings.back())) {
    return {400, "the last transfer coding of a request must be chunked"};
  }
  codings.pop_back();
  for (std::string_view coding : codings) {
    if (IsChunked(coding)) return {400, "chunked may be applied only once"};
  }
  if (!codings.empty()) return {501, "no transfer coding other than chunked is supported"};
  return {};
}

}  // namespace tribune::http
