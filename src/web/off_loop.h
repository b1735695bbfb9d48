// Moving a request's work off the event loop: a handler that may wait on the
// database or Redis runs on the node's work pool (core/work_pool.h), so an
// event-loop thread only parses, serves cached pages and writes answers.
#pragma once

#include <functional>
#include <string>

#include "http/request.h"
#include "web/context.h"
#include "web/route_table.h"

namespace tribune::web {

// Whether work that may block must move before it runs: the caller is an
// event-loop thread and the node has a work pool.
bool MustLeaveLoop(const Context& ctx);

// Runs `job` with the request on ctx's work pool (with its own copy of the
// request and the request's id in its log lines) when MustLeaveLoop, else
// at once. When the pool's queue is full, answers errors(503) with
// Retry-After; when the job throws, errors(500) (unless it answered).
void OffLoop(Context& ctx, http::Request& req, http::Respond respond, ErrorWriter errors,
             LoopJob job);

// OffLoop bound to `ctx`, for RouteTable::LeaveLoopWith.
RouteTable::Offload OffLoopOf(Context& ctx);

}  // namespace tribune::web
