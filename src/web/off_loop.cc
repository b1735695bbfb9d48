#include "web/off_loop.h"

#include <spdlog/spdlog.h>

#include <memory>

#include "core/event_loop.h"

namespace tribune::web {
namespace {

constexpr const char* kBusy =
    "The site is very busy just now; please try again in a moment.";

void RunCaught(http::Request& req, const http::Respond& respond, const ErrorWriter& errors,
               const LoopJob& job) {
  try {
    job(req, respond);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.target, e.what());
    respond(errors(500, "Something went wrong on our side; please try again."));
  }
}

}  // namespace

bool MustLeaveLoop(const Context& ctx) { return ctx.work != nullptr && OnEventLoop(); }

void OffLoop(Context& ctx, http::Request& req, http::Respond respond, ErrorWriter errors,
             LoopJob job) {
  if (!MustLeaveLoop(ctx)) return job(req, respond);
  auto own = std::make_shared<http::Request>(req);
  bool queued = ctx.work->TrySubmit(
      [own, respond, errors, job = std::move(job)] {
        http::RequestIdScope id(own->id);
        RunCaught(*own, respond, errors, job);
      });
  if (queued) return;
  http::Response r = errors(503, kBusy);
  r.headers.emplace_back("Retry-After", "1");
  respond(std::move(r));
}

RouteTable::Offload OffLoopOf(Context& ctx) {
  return [&ctx](http::Request& req, http::Respond respond, ErrorWriter errors, LoopJob job) {
    OffLoop(ctx, req, std::move(respond), std::move(errors), std::move(job));
  };
}

}  // namespace tribune::web
