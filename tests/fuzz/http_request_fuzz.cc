// HTTP requests: any bytes a client can send are read as the server reads
// them (http/request_reader.h), up to a few pipelined requests. Each request
// read keeps its invariants, a strict prefix of it is incomplete (never a
// different request), and what handlers ask of it (headers, query
// parameters, cookies, gzip, the redirect check) answers consistently; the
// route table answers a path it takes exactly once, with a status it may give.
#include <string>

#include "core/html.h"
#include "core/numbers.h"
#include "fuzz_check.h"
#include "http/local_path.h"
#include "http/request_reader.h"
#include "web/route_table.h"

namespace {

using tribune::fuzz::Check;
namespace http = tribune::http;
using Kind = http::ReadOutcome::Kind;

constexpr int kMaxPipelined = 4;

void CheckShape(const http::Request& r) {
  Check(!r.method.empty(), "a request has a method");
  std::string joined = r.path;
  if (r.target.find('?') != std::string::npos) joined += "?" + r.query;
  Check(joined == r.target, "path and query make up the target", r.target);
  Check(r.path.find('?') == std::string::npos, "the path holds no '?'", r.path);
  for (const auto& [name, value] : r.headers) {
    for (char c : name) Check(c < 'A' || c > 'Z', "header names are lower case", name);
    Check(value.find_first_of("\r\n") == std::string::npos, "no line break in a header value",
          value);
  }
}

void CheckAccessors(const http::Request& r) {
  for (size_t i = 0; i < r.headers.size(); ++i) {
    const auto& [name, value] = r.headers[i];
    bool first = true;
    for (size_t j = 0; j < i; ++j) first = first && r.headers[j].first != name;
    if (first) Check(r.Header(name) == value, "Header returns the first field of a name", name);
  }
  auto params = http::ParseForm(r.query);
  for (const auto& [name, value] : params) {
    std::string found = r.QueryParam(name);
    for (const auto& [n, v] : params) {
      if (n == name) {
        Check(found == v, "QueryParam returns the first value of a name", name);
        break;
      }
    }
  }
  std::optional<int64_t> page = r.PositiveParam("page", 1);
  if (page && !r.QueryParam("page").empty()) {
    Check(*page >= 1 && tribune::IsDigits(r.QueryParam("page")), "a page is digits from 1");
  }
  (void)r.AcceptsGzip();
  (void)r.Cookie("tc");
  if (tribune::http::IsLocalPath(r.target)) {
    Check(r.target[0] == '/' && r.target.size() <= tribune::http::kMaxLocalPath,
          "a local path starts with '/' and is not too long", r.target);
  }
}

// The site's kinds of path, each answering 200 when its handler runs.
const tribune::web::RouteTable& Routes() {
  using tribune::web::PathArgs;
  static const auto* table = [] {
    auto* t = new tribune::web::RouteTable(
        [](int status, const std::string&) {
          http::Response r;
          r.status = status;
          return r;
        },
        "none");
    auto ok = [](http::Request&, const PathArgs& a, http::Respond respond) {
      Check(a.slug.find_first_of("./") == std::string::npos, "a slug stops at '.' or '/'", a.slug);
      respond(http::Response());
    };
    t->Add("/static/{*}").Get(ok);
    t->Add("/").Get(ok);
    t->Add("/comments/{id}/edit").Get(ok).Post(ok);
    t->Add("/news/{id}-{slug}.html").Get(ok);
    t->Add("/news/{id}-{slug}/comments").Post(ok);
    t->Add("/news/{id}-{slug}/comments/page/{page}").Get(ok);
    t->Add("/api/v1/articles/{id}/comments").Get(ok).Post(ok);
    t->Add("/api/v1/comments/{id}").Put(ok).Patch(ok);
    return t;
  }();
  return *table;
}

// A path the table takes is answered exactly once, with a status it may
// give; one it does not take is not answered at all.
void CheckRouting(http::Request& r) {
  int answers = 0;
  http::Response last;
  bool taken = Routes().Serve(r, r.path, [&](http::Response resp) {
    ++answers;
    last = std::move(resp);
  });
  Check(answers == (taken ? 1 : 0), "a route answers exactly once when it takes a path", r.path);
  if (!taken) return;
  int s = last.status;
  Check(s == 200 || s == 204 || s == 400 || s == 405, "a route answers 200, 204, 400 or 405",
        std::to_string(s) + " " + r.method + " " + r.path);
  if (s == 405) {
    bool allow = false;
    for (const auto& [k, v] : last.headers) allow = allow || k == "Allow";
    Check(allow, "a 405 says which methods are allowed", r.path);
  }
}

// A strict prefix of a whole request cannot be read as anything but incomplete.
void CheckPrefix(std::string_view bytes, size_t consumed) {
  for (size_t cut : {consumed / 2, consumed - 1}) {
    http::ReadOutcome partial = http::ReadRequest(bytes.substr(0, cut));
    Check(partial.kind == Kind::kIncomplete, "a strict prefix of a request is incomplete",
          bytes.substr(0, cut));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = tribune::fuzz::AsText(data, size);
  for (int i = 0; i < kMaxPipelined && !bytes.empty(); ++i) {
    http::ReadOutcome out = http::ReadRequest(bytes);
    if (out.kind == Kind::kRefused) {
      Check(out.status == 400 || out.status == 413 || out.status == 431 || out.status == 501,
            "refusals are 400, 413, 431 or 501", out.reason);
    }
    if (out.kind != Kind::kRequest) break;
    Check(out.consumed > 0 && out.consumed <= bytes.size(), "a request consumes its bytes");
    CheckShape(out.request);
    CheckAccessors(out.request);
    CheckRouting(out.request);
    CheckPrefix(bytes, out.consumed);
    bytes.remove_prefix(out.consumed);
  }
  return 0;
}
