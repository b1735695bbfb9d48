#include "http/beast_message.h"

#include <fmt/format.h>

#include <boost/beast/http/error.hpp>
#include <cctype>
#include <vector>

namespace tribune::http::internal {
namespace bhttp = boost::beast::http;

FramingProblem CheckHeaderFraming(const BeastRequest::header_type& header) {
  // Beast reads a Content-Length beside a Transfer-Encoding that does not
  // end in chunked; RFC 9112 says such a request must not be read at all.
  std::vector<std::string_view> codings;
  auto [first, last] = header.equal_range(bhttp::field::transfer_encoding);
  for (auto it = first; it != last; ++it) codings.push_back(it->value());
  bool has_length = header.find(bhttp::field::content_length) != header.end();
  return CheckFraming(codings, has_length, header.version());
}

void ToRequest(BeastRequest& msg, Request& out) {
  out.method = std::string(msg.method_string());
  out.target = std::string(msg.target());
  size_t q = out.target.find('?');
  out.path = out.target.substr(0, q);
  out.query = q == std::string::npos ? std::string() : out.target.substr(q + 1);
  out.headers.clear();
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(msg.body());
}

ParseFailure ParseFailureFor(const boost::beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return {431, "the request header is too large"};
  if (ec == bhttp::error::body_limit) return {413, "the request body is too large"};
  return {400, fmt::format("malformed request ({})", ec.message())};
}

}  // namespace tribune::http::internal
