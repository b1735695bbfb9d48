#include "web/operations.h"

#include <fmt/format.h>

#include <algorithm>

namespace tribune::web {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

size_t RouteIndex(std::string_view label) {
  auto it = std::find(Metrics::kRoutes.begin(), Metrics::kRoutes.end(), label);
  return static_cast<size_t>(it - Metrics::kRoutes.begin());
}

// Compares without leaking the token's length or contents through timing.
bool SameToken(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ (i < b.size() ? b[i] : 0);
  return diff == 0;
}

}  // namespace

std::string_view RouteLabel(std::string_view method, std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path == "/") return "front";
  if (path == "/healthz") return "healthz";
  if (path == "/readyz") return "readyz";
  if (path == "/metrics") return "metrics";
  if (StartsWith(path, "/static/")) return "static";
  if (StartsWith(path, "/api/")) return "api";
  if (path == "/newsroom" || StartsWith(path, "/newsroom/")) return "newsroom";
  if (EndsWith(path, ".rss") || EndsWith(path, ".xml")) return "feed";
  if (StartsWith(path, "/comments/")) return "comment_action";
  if (StartsWith(path, "/news/")) {
    if (EndsWith(path, ".html")) return "article";
    if (EndsWith(path, "/comments")) return method == "POST" ? "comment_post" : "other";
    if (path.find("/comments/page/") != std::string_view::npos) return "comments_page";
  }
  return "other";
}

void Metrics::Record(std::string_view method, std::string_view target, int status,
                     int64_t micros) {
  Route& r = routes_[RouteIndex(RouteLabel(method, target))];
  if (status >= 100 && status <= 599) {
    r.by_status[static_cast<size_t>(status - 100)].fetch_add(1, std::memory_order_relaxed);
  }
  r.latency.Observe(micros);
}

void Metrics::Add(std::string name, std::string type, std::string help, std::string labels,
                  Value value) {
  std::lock_guard lock(mu_);
  for (Family& f : families_) {
    if (f.name == name) {
      f.lines.emplace_back(std::move(labels), std::move(value));
      return;
    }
  }
  families_.push_back({std::move(name), std::move(type), std::move(help), {}, nullptr});
  families_.back().lines.emplace_back(std::move(labels), std::move(value));
}

void Metrics::AddHistogram(std::string name, std::string help, const Histogram* histogram) {
  std::lock_guard lock(mu_);
  families_.push_back({std::move(name), "histogram", std::move(help), {}, histogram});
}

namespace {

void RenderHistogram(std::string& out, std::string_view name, std::string_view labels,
                     const Histogram& h) {
  std::string sep = labels.empty() ? "" : ",";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < Histogram::kBounds.size(); ++i) {
    cumulative += h.count(i);
    out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep, Histogram::kBounds[i],
                       cumulative);
  }
  cumulative += h.count(Histogram::kBounds.size());
  out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, cumulative);
  std::string braces = labels.empty() ? "" : fmt::format("{{{}}}", labels);
  out += fmt::format("{}_sum{} {}\n{}_count{} {}\n", name, braces, h.sum_seconds(), name, braces,
                     cumulative);
}

}  // namespace

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP tribune_http_requests_total Requests answered, by route and status.\n"
         "# TYPE tribune_http_requests_total counter\n";
  for (size_t r = 0; r < kRoutes.size(); ++r) {
    for (size_t s = 0; s < routes_[r].by_status.size(); ++s) {
      uint64_t n = routes_[r].by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("tribune_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                         kRoutes[r], s + 100, n);
    }
  }
  out += "# HELP tribune_http_request_duration_seconds From the request's first byte to its "
         "answer written, by route.\n"
         "# TYPE tribune_http_request_duration_seconds histogram\n";
  for (size_t r = 0; r < kRoutes.size(); ++r) {
    if (routes_[r].latency.total() == 0) continue;
    RenderHistogram(out, "tribune_http_request_duration_seconds",
                    fmt::format("route=\"{}\"", kRoutes[r]), routes_[r].latency);
  }
  std::lock_guard lock(mu_);
  for (const Family& f : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", f.name, f.help, f.name, f.type);
    if (f.histogram) {
      RenderHistogram(out, f.name, "", *f.histogram);
      continue;
    }
    for (const auto& [labels, value] : f.lines) {
      out += fmt::format("{}{} {}\n", f.name, labels.empty() ? "" : "{" + labels + "}", value());
    }
  }
  return out;
}

bool Operations::MayReadMetrics(const http::Request& req) const {
  std::string_view auth = req.Header("authorization");
  if (!metrics_token.empty() && StartsWith(auth, "Bearer ") &&
      SameToken(auth.substr(7), metrics_token)) {
    return true;
  }
  auto address = site::ParseAddressRange(req.remote_addr);
  if (!address) return false;
  for (const auto& range : metrics_allow) {
    if (range.Contains(*address)) return true;
  }
  return false;
}

Status ParseAllowList(const std::vector<std::string>& allow, std::vector<site::AddressRange>* out) {
  for (const std::string& a : allow) {
    auto r = site::ParseAddressRange(a);
    if (!r) {
      return InvalidArgument(fmt::format(
          "key 'ops.metrics_allow': '{}' is not an address or a range such as 10.0.0.0/8",
          a.substr(0, 60)));
    }
    out->push_back(*r);
  }
  return Status::Ok();
}

}  // namespace tribune::web
