// What an operator asks a running node: GET /readyz (can it serve: the
// database and Redis answer, the schema is current) and GET /metrics
// (Prometheus text: requests by route and status with latency histograms,
// comments by verdict, the moderation queue, the page cache, spam-engine
// timings, the database pool). /metrics is closed to the public: only the
// configured addresses, or a request with the configured bearer token.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/histogram.h"
#include "core/status.h"
#include "http/request.h"
#include "site/ban.h"

namespace tribune::web {

// The route a request's path belongs to, as /metrics labels it ("article",
// "comment_post", "api", "newsroom", "static", ...): a handful of values.
std::string_view RouteLabel(std::string_view method, std::string_view target);

class Metrics {
 public:
  static constexpr std::array<std::string_view, 13> kRoutes = {
      "front",    "article",  "comments_page", "comment_post", "comment_action",
      "feed",     "api",      "newsroom",      "static",       "healthz",
      "readyz",   "metrics",  "other"};

  // One answered request (from the server's access hook, any thread).
  void Record(std::string_view method, std::string_view target, int status, int64_t micros);

  // Values read when /metrics is rendered. `labels` is "" or like
  // `status="held"`; a family's lines share its name, help and type.
  using Value = std::function<double()>;
  void Add(std::string name, std::string type, std::string help, std::string labels, Value value);
  void AddHistogram(std::string name, std::string help, const Histogram* histogram);

  std::string Render() const;

 private:
  struct Route {
    std::array<std::atomic<uint64_t>, 500> by_status{};  // 100..599
    Histogram latency;
  };
  struct Family {
    std::string name, type, help;
    std::vector<std::pair<std::string, Value>> lines;
    const Histogram* histogram = nullptr;
  };
  std::array<Route, kRoutes.size()> routes_;
  mutable std::mutex mu_;
  std::vector<Family> families_;
};

struct Operations {
  Metrics metrics;
  // What keeps this node from serving; empty when it is ready.
  std::function<std::vector<std::string>()> problems;
  std::vector<site::AddressRange> metrics_allow;
  std::string metrics_token;

  // Whether `req` may read /metrics.
  bool MayReadMetrics(const http::Request& req) const;
};

// InvalidArgument naming the first entry of `allow` that is not an address or range.
Status ParseAllowList(const std::vector<std::string>& allow, std::vector<site::AddressRange>* out);

}  // namespace tribune::web
