// The HTTP/1.1 server: one event loop per thread, all accepting from one
// listening socket that no other process can share; keep-alive; limits on
// header and body size; a read timeout so a slow client cannot hold a
// worker; graceful stop.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/request.h"

namespace tribune::http {

struct AccessRecord {
  std::string_view remote, method, target, user_agent, request_id;
  int status;
  size_t bytes;
  int64_t micros;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;          // 0: any free port (see Server::port())
  int threads = 1;
  int read_timeout_ms = 10000;   // for a whole request once its first byte came
  int idle_timeout_ms = 60000;   // between requests on a keep-alive connection
  size_t header_limit = 16 * 1024;
  size_t body_limit = 64 * 1024;
  // Targets allowed a larger body than body_limit (an upload form), exactly
  // as the request line names them.
  std::vector<std::pair<std::string, size_t>> larger_bodies;
  std::function<void(const AccessRecord&)> access_log;  // may be empty
  // Runs on every response, the server's own errors included, before its head
  // is checked and sent: headers every response must carry. May be empty.
  std::function<void(Response&)> finish;
  // Writes the server's own error answers (400, 408, 413, 431, 501) to a
  // request for `target` ("" when its head could not be read). May be empty:
  // plain text. Such an answer always closes the connection.
  std::function<Response(int status, std::string_view reason, std::string_view target)> error_page;
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();

  // Binds the listeners. Unavailable (with the reason) when the address is taken.
  Status Listen();
  // The bound port.
  uint16_t port() const;
  // Serves on options.threads threads until Stop(); returns when every
  // in-flight request has been answered.
  void Run();
  // Stops accepting, closes idle connections, lets in-flight requests finish.
  // Thread- and signal-handler-safe to call from any thread (not from a raw signal handler).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tribune::http
