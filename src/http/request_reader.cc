#include "http/request_reader.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include "http/beast_message.h"

namespace tribune::http {
namespace {
namespace bhttp = boost::beast::http;
using Parser = bhttp::request_parser<bhttp::string_body>;
using Kind = ReadOutcome::Kind;

// Feeds `bytes` from `*used` on until `done` says stop or the parser wants
// more than there is. False with `ec` set when the parser refused the bytes.
template <typename Done>
bool Feed(Parser& parser, std::string_view bytes, size_t* used, Done done,
          boost::beast::error_code& ec) {
  while (!done()) {
    size_t n = parser.put(boost::asio::buffer(bytes.data() + *used, bytes.size() - *used), ec);
    *used += n;
    if (ec == bhttp::error::need_more) ec = {};
    if (ec) return false;
    if (n == 0) return true;  // nothing more can be parsed from what is here
  }
  return true;
}

ReadOutcome Refused(int status, std::string reason) {
  ReadOutcome out;
  out.kind = Kind::kRefused;
  out.status = status;
  out.reason = std::move(reason);
  return out;
}

}  // namespace

ReadOutcome ReadRequest(std::string_view bytes, const RequestLimits& limits) {
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
  parser.body_limit(limits.body_limit);
  boost::beast::error_code ec;
  size_t used = 0;
  if (!Feed(
          parser, bytes, &used, [&] { return parser.is_header_done(); }, ec)) {
    internal::ParseFailure f = internal::ParseFailureFor(ec);
    return Refused(f.status, std::move(f.reason));
  }
  if (!parser.is_header_done()) return {};
  FramingProblem problem = internal::CheckHeaderFraming(parser.get().base());
  if (problem.status != 0) return Refused(problem.status, std::move(problem.reason));
  parser.eager(true);  // as http::async_read, which the server reads bodies with
  if (!Feed(
          parser, bytes, &used, [&] { return parser.is_done(); }, ec)) {
    internal::ParseFailure f = internal::ParseFailureFor(ec);
    return Refused(f.status, std::move(f.reason));
  }
  if (!parser.is_done()) return {};
  ReadOutcome out;
  out.kind = Kind::kRequest;
  out.keep_alive = parser.get().keep_alive();
  internal::ToRequest(parser.get(), out.request);
  out.consumed = used;
  return out;
}

}  // namespace tribune::http
