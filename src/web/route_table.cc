#include "web/route_table.h"

#include "core/numbers.h"
#include "web/cors.h"

namespace tribune::web {
namespace {

constexpr std::string_view kNumberTooLargeDetail =
    "A number in this address is too large to be a page or an id.";

// Consumes a number placeholder's digits from `path`; kNo when there are none
// or they are 0, kNumberTooLarge when they overflow.
PathFit TakeNumber(std::string_view& path, int64_t& out) {
  size_t n = 0;
  while (n < path.size() && path[n] >= '0' && path[n] <= '9') ++n;
  std::string_view digits = path.substr(0, n);
  path.remove_prefix(n);
  if (digits.empty()) return PathFit::kNo;
  std::optional<int64_t> value = ParsePositive(digits);
  if (value) out = *value;
  if (value) return PathFit::kYes;
  return ParseWhole(digits) ? PathFit::kNo : PathFit::kNumberTooLarge;
}

// Consumes one placeholder `name` from `path`.
PathFit TakePlaceholder(std::string_view name, std::string_view& path, PathArgs& args) {
  if (name == "id") return TakeNumber(path, args.id);
  if (name == "page") return TakeNumber(path, args.page);
  if (name == "*") {
    args.rest = path;
    path = {};
    return PathFit::kYes;
  }
  size_t end = path.find_first_of("./");  // {slug}: up to '.', '/' or the end
  if (end == std::string_view::npos) end = path.size();
  if (end == 0) return PathFit::kNo;
  args.slug = std::string(path.substr(0, end));
  path.remove_prefix(end);
  return PathFit::kYes;
}

}  // namespace

PathFit MatchPath(std::string_view pattern, std::string_view path, PathArgs& args) {
  bool too_large = false;
  while (!pattern.empty()) {
    size_t open = pattern.find('{');
    std::string_view literal = pattern.substr(0, open);
    if (path.substr(0, literal.size()) != literal) return PathFit::kNo;
    path.remove_prefix(literal.size());
    if (open == std::string_view::npos) break;
    size_t close = pattern.find('}', open);
    PathFit fit = TakePlaceholder(pattern.substr(open + 1, close - open - 1), path, args);
    if (fit == PathFit::kNo) return fit;
    too_large = too_large || fit == PathFit::kNumberTooLarge;
    pattern.remove_prefix(close + 1);
  }
  if (!path.empty()) return PathFit::kNo;
  return too_large ? PathFit::kNumberTooLarge : PathFit::kYes;
}

RouteTable::Route& RouteTable::Route::Get(RouteHandler h) { return get_ = std::move(h), *this; }
RouteTable::Route& RouteTable::Route::Post(RouteHandler h) { return post_ = std::move(h), *this; }
RouteTable::Route& RouteTable::Route::Put(RouteHandler h) { return put_ = std::move(h), *this; }
RouteTable::Route& RouteTable::Route::Patch(RouteHandler h) { return patch_ = std::move(h), *this; }
RouteTable::Route& RouteTable::Route::SharedAcrossOrigins() { return shared_ = true, *this; }
RouteTable::Route& RouteTable::Route::OnLoop() { return on_loop_ = true, *this; }

const RouteHandler* RouteTable::Route::For(std::string_view method) const {
  const RouteHandler* h = method == "GET" || method == "HEAD" ? &get_
                          : method == "POST"                  ? &post_
                          : method == "PUT"                   ? &put_
                          : method == "PATCH"                 ? &patch_
                                                              : nullptr;
  return h && *h ? h : nullptr;
}

std::string RouteTable::Route::Allow() const {
  std::string allow;
  auto add = [&allow](const RouteHandler& h, std::string_view names) {
    if (!h) return;
    allow += names;
    allow += ", ";
  };
  add(get_, "GET, HEAD");
  add(post_, "POST");
  add(put_, "PUT");
  add(patch_, "PATCH");
  return allow + "OPTIONS";
}

RouteTable::RouteTable(ErrorWriter errors, std::string not_found, const CorsPolicy* cors)
    : errors_(std::move(errors)), not_found_(std::move(not_found)), cors_(cors) {}

RouteTable::Route& RouteTable::Add(std::string pattern) {
  return routes_.emplace_back(std::move(pattern));
}

bool RouteTable::Serve(http::Request& req, std::string_view path,
                       const http::Respond& respond) const {
  for (const Route& route : routes_) {
    PathArgs args;
    PathFit fit = MatchPath(route.pattern(), path, args);
    if (fit == PathFit::kNo) continue;
    if (fit == PathFit::kNumberTooLarge) {
      respond(errors_(400, std::string(kNumberTooLargeDetail)));
    } else {
      Answer(route, req, args, respond);
    }
    return true;
  }
  return false;
}

void RouteTable::Answer(const Route& route, http::Request& req, const PathArgs& args,
                        const http::Respond& respond) const {
  bool shared = route.shared() && cors_ && cors_->enabled();
  if (req.method == "OPTIONS") {
    if (shared) return respond(cors_->Preflight(req, route.Allow()));
    http::Response r;
    r.status = 204;
    r.content_type.clear();
    r.headers.emplace_back("Allow", route.Allow());
    return respond(std::move(r));
  }
  const RouteHandler* handler = route.For(req.method);
  if (!handler) {
    http::Response r = errors_(405, "This method is not allowed here.");
    r.headers.emplace_back("Allow", route.Allow());
    return respond(std::move(r));
  }
  if (!offload_ || route.on_loop()) return Call(*handler, route, req, args, respond);
  // The job gets its own copy of the request: {*} must point into that one.
  size_t rest_at = args.rest.empty() ? 0 : static_cast<size_t>(args.rest.data() - req.path.data());
  offload_(req, respond, errors_,
           [this, handler, &route, args, rest_at](http::Request& own, const http::Respond& out) {
             PathArgs moved = args;
             if (!args.rest.empty()) moved.rest = std::string_view(own.path).substr(rest_at, args.rest.size());
             Call(*handler, route, own, moved, out);
           });
}

void RouteTable::Call(const RouteHandler& handler, const Route& route, http::Request& req,
                      const PathArgs& args, const http::Respond& respond) const {
  bool shared = route.shared() && cors_ && cors_->enabled();
  if (!shared || (req.method != "GET" && req.method != "HEAD")) return handler(req, args, respond);
  handler(req, args, [this, origin = std::string(req.Header("origin")), respond](http::Response r) {
    cors_->AddReadHeaders(origin, r);
    respond(std::move(r));
  });
}

}  // namespace tribune::web
