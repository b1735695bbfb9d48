// Paths, the methods each answers, and their handlers: one table per area of
// the site (public pages, newsroom, API), so that what happens to a method a
// path does not take is decided once, not by each handler:
//   - a known path asked with another method: 405 with an Allow header;
//   - OPTIONS on a known path: 204 with Allow (and, for paths shared across
//     origins, the CORS preflight answer of web/cors.h);
//   - HEAD: the GET handler's answer (the server sends no body);
//   - a number in the path too large for an id or page: 400;
//   - no pattern matches: false, and the caller answers 404.
// Errors are written by the table's ErrorWriter, so each area keeps its own
// kind (an HTML page, a private newsroom page, an RFC 9457 problem).
//
// Handlers may wait on the database: with LeaveLoopWith, a route's handler
// runs through the given offload (web/off_loop.h: the work pool) unless the
// route is marked OnLoop (a cached page, a file, a redirect).
//
// Built once at start-up, then read-only: Serve is thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace tribune::web {

class CorsPolicy;

// What the placeholders of a matched pattern held.
struct PathArgs {
  int64_t id = 0;         // {id}: a whole number from 1
  int64_t page = 0;       // {page}: the same
  std::string slug;       // {slug}: the text up to the next '.' or '/'
  std::string_view rest;  // {*}: the rest of the path (a view into the request's path)
};

using RouteHandler = std::function<void(http::Request&, const PathArgs&, http::Respond)>;
using ErrorWriter = std::function<http::Response(int status, const std::string& detail)>;
using LoopJob = std::function<void(http::Request&, const http::Respond&)>;

class RouteTable {
 public:
  // The handlers of one pattern, set by the builder calls below.
  class Route {
   public:
    explicit Route(std::string pattern) : pattern_(std::move(pattern)) {}
    Route& Get(RouteHandler h);  // answers HEAD too
    Route& Post(RouteHandler h);
    Route& Put(RouteHandler h);
    Route& Patch(RouteHandler h);
    // Its GET (and HEAD) may be read by the origins the CORS policy allows.
    Route& SharedAcrossOrigins();
    // Its handlers never wait on the database or the network, or move their
    // own slow part off the loop: they run where the request was read.
    Route& OnLoop();

    const std::string& pattern() const { return pattern_; }
    bool shared() const { return shared_; }
    bool on_loop() const { return on_loop_; }
    // The handler for `method` ("HEAD" gets GET's); null when there is none.
    const RouteHandler* For(std::string_view method) const;
    // The Allow header: every method with a handler, and OPTIONS.
    std::string Allow() const;

   private:
    std::string pattern_;
    RouteHandler get_, post_, put_, patch_;
    bool shared_ = false;
    bool on_loop_ = false;
  };

  // Runs `job` (a route's handler with the request) off the event loop, or
  // answers with the ErrorWriter when it cannot.
  using Offload = std::function<void(http::Request&, http::Respond, ErrorWriter, LoopJob)>;

  // `not_found` is the detail of NotFound(). `cors` may be null (no path is
  // shared across origins); it must outlive the table.
  RouteTable(ErrorWriter errors, std::string not_found, const CorsPolicy* cors = nullptr);

  // Handlers of routes not marked OnLoop run through `offload` from now on.
  void LeaveLoopWith(Offload offload) { offload_ = std::move(offload); }

  // Adds a pattern, matched after those added before it. Literal text with
  // placeholders {id}, {page}, {slug}, and {*} at the end (see PathArgs).
  Route& Add(std::string pattern);

  // Answers `req` for `path` when a pattern matches it (true); false, having
  // answered nothing, when none does.
  bool Serve(http::Request& req, std::string_view path, const http::Respond& respond) const;

  // Writes an error in this table's kind.
  http::Response Error(int status, const std::string& detail) const {
    return errors_(status, detail);
  }
  // The answer for a path no pattern matches: 404.
  http::Response NotFound() const { return errors_(404, not_found_); }

 private:
  void Answer(const Route& route, http::Request& req, const PathArgs& args,
              const http::Respond& respond) const;
  void Call(const RouteHandler& handler, const Route& route, http::Request& req,
            const PathArgs& args, const http::Respond& respond) const;

  ErrorWriter errors_;
  std::string not_found_;
  const CorsPolicy* cors_;
  Offload offload_;
  std::deque<Route> routes_;  // a deque: Add's references stay valid
};

// How `path` fits `pattern`: kNumberTooLarge when it fits but a number
// placeholder holds more digits than any id can have.
enum class PathFit { kNo, kYes, kNumberTooLarge };
PathFit MatchPath(std::string_view pattern, std::string_view path, PathArgs& args);

}  // namespace tribune::web
