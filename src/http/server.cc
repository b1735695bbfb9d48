#include <utility>  // must precede Asio on Boost 1.74 with g++ 12

#include "http/server.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/optional.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <thread>
#include <unordered_set>

#include "core/event_loop.h"
#include "core/time_format.h"
#include "http/beast_message.h"
#include "http/header_safety.h"

namespace tribune::http {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
// Concrete executor types: no polymorphic executor copied on every operation.
using Executor = net::io_context::executor_type;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Acceptor = net::basic_socket_acceptor<tcp, Executor>;
using Timer = net::basic_waitable_timer<Clock, net::wait_traits<Clock>, Executor>;

namespace {

// The Date header, formatted once per second per thread.
std::string_view DateHeader() {
  thread_local int64_t last = -1;
  thread_local std::string value;
  int64_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    value = timefmt::HttpDate(now);
  }
  return value;
}

void AppendHeader(std::string& head, std::string_view name, std::string_view value) {
  head += name;
  head += ": ";
  head += value;
  head += "\r\n";
}

// The response head, into `head` (whose capacity is reused between requests).
// Appended, not formatted: this runs for every response.
void BuildHead(const Response& r, size_t length, bool keep_alive, std::string& head) {
  head.clear();
  head += "HTTP/1.1 ";
  head += std::to_string(r.status);
  head += ' ';
  head += StatusText(r.status);
  head += "\r\nServer: tribune\r\n";
  AppendHeader(head, "Date", DateHeader());
  if (!r.content_type.empty() && r.status != 304) AppendHeader(head, "Content-Type", r.content_type);
  for (const auto& [k, v] : r.headers) AppendHeader(head, k, v);
  if (r.status != 304 && r.status != 204) {
    AppendHeader(head, "Content-Length", std::to_string(length));
  }
  if (!keep_alive) head += "Connection: close\r\n";
  head += "\r\n";
}

// `address`:`port` as a URL writes it: IPv6 in brackets, an IPv4 client of a
// dual-stack socket as IPv4.
std::string Authority(net::ip::address address, uint16_t port) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  if (address.is_v6()) return fmt::format("[{}]:{}", address.to_string(), port);
  return fmt::format("{}:{}", address.to_string(), port);
}

Response ErrorResponse(int status, std::string_view reason) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = fmt::format("{} {}: {}\n", status, StatusText(status), reason);
  r.close = true;
  return r;
}

// The id a request came with when it is safe to log as it is; else a new one.
std::string RequestIdFor(std::string_view given) {
  bool safe = !given.empty() && given.size() <= 64;
  for (char c : given) {
    safe = safe && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  }
  if (safe) return std::string(given);
  // A random prefix per thread and a counter: unique per node, cheap.
  static thread_local uint64_t prefix =
      std::random_device{}() ^ (uint64_t{std::random_device{}()} << 32);
  static thread_local uint32_t counter = 0;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08x%08x", static_cast<uint32_t>(prefix >> 16), ++counter);
  return buf;
}

size_t BodyLimitFor(const ServerOptions& o, std::string_view target) {
  for (const auto& [t, limit] : o.larger_bodies) {
    if (t == target) return std::max(limit, o.body_limit);
  }
  return o.body_limit;
}

size_t LargestBodyLimit(const ServerOptions& o) {
  size_t most = o.body_limit;
  for (const auto& [t, limit] : o.larger_bodies) most = std::max(most, limit);
  return most;
}

}  // namespace

class Worker;
class Session;

// A request waiting for its answer, which may come from another thread (the
// comment writer). Until it does, the loop has work, so a graceful stop waits
// for it. The answer moves the session out, so the handler's copies of the
// callback (kept by another thread until it is done) no longer hold it: the
// last reference to the session is then dropped on its loop's thread, which
// alone may touch its session list. One allocation per request, and a
// callback small enough for std::function to keep without another.
struct PendingAnswer {
  PendingAnswer(std::shared_ptr<Session> s, Executor ex) : session(std::move(s)), work(ex) {}
  std::shared_ptr<Session> session;
  net::executor_work_guard<Executor> work;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket socket, Worker& worker);
  ~Session();
  void Start() { WaitForRequest(); }
  // Starts a connection accepted while stopping: served only if its request
  // has begun to arrive.
  void StartDraining() {
    shutting_down_ = true;
    WaitForRequest();
  }
  // Closes the connection when it is between requests; otherwise it closes
  // after the response in progress.
  void Shutdown();
  // Called by the worker's sweep: ends the operation in progress if it has
  // run past its deadline (see ExpiresAfter).
  void CheckDeadline(Clock::time_point now);

 private:
  bool RequestArriving();
  void WaitForRequest();
  void ReadRequest();
  void OnHeader(beast::error_code ec);
  void OnRead(beast::error_code ec);
  void Dispatch();
  // The server's own answer `status` (ServerOptions::error_page); closes the connection.
  void WriteError(int status, std::string_view reason);
  void Write(Response response);
  // `response_` when its head is safe to send; else a 500, logged.
  void RefuseUnsafeHead();
  void OnWritten(beast::error_code ec);
  void Close();
  // The operation about to start must end within `ms` (no deadline: -1).
  // Past it, the sweep cancels it: a request being read gets 408, an idle
  // or unread connection is closed.
  void ExpiresAfter(Clock::time_point now, int ms);
  // A read that ended with `ec` was cut short by its deadline.
  bool TimedOut(beast::error_code ec) const;

  Socket socket_;
  Worker& worker_;
  beast::flat_buffer buffer_;
  boost::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request request_;
  Response response_;
  std::string head_;
  std::vector<net::const_buffer> buffers_;
  bool idle_ = true;
  bool shutting_down_ = false;
  bool keep_alive_ = true;
  bool timed_out_ = false;
  Clock::time_point started_;
  Clock::time_point deadline_ = Clock::time_point::max();
};

class Worker {
 public:
  Worker(const ServerOptions& options, const Handler& handler)
      : options(options),
        handler(handler),
        ioc(1),
        acceptor(ioc.get_executor()),
        sweep(ioc.get_executor()) {}

  Status Listen(const tcp::endpoint& endpoint) {
    beast::error_code ec;
    acceptor.open(endpoint.protocol(), ec);
    // Not SO_REUSEPORT: with it a second server on this port would be let
    // in to take a share of the connections, and connections waiting in a
    // stopped server's own queue would be reset.
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      return Unavailable(fmt::format("cannot listen on {}:{}: {}",
                                     endpoint.address().to_string(), endpoint.port(),
                                     ec.message()));
    }
    return Status::Ok();
  }

  // Accepts from `first`'s listening socket: every loop waits on it, and the
  // first to wake takes the connection.
  Status Share(Worker& first) {
    int fd = ::fcntl(first.acceptor.native_handle(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return Unavailable(fmt::format("cannot share the listener: {}", std::strerror(errno)));
    beast::error_code ec;
    acceptor.assign(first.acceptor.local_endpoint(ec).protocol(), fd, ec);
    if (ec) {
      ::close(fd);
      return Unavailable(fmt::format("cannot share the listener: {}", ec.message()));
    }
    return Status::Ok();
  }

  void Accept() {
    acceptor.async_accept([this](beast::error_code ec, Socket socket) {
      if (ec) {
        if (acceptor.is_open()) Accept();
        return;
      }
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), *this)->Start();
      Accept();
    });
  }

  // Timeouts: one timer per loop checks every connection's deadline a few
  // times per timeout, instead of a timer re-armed for each read and write.
  // It stops once the loop is stopping and has no connection left.
  void Sweep() {
    int shortest = std::min(options.read_timeout_ms, options.idle_timeout_ms);
    sweep.expires_after(std::chrono::milliseconds(std::clamp(shortest / 4, 10, 1000)));
    sweep.async_wait([this](beast::error_code ec) {
      if (ec) return;
      Clock::time_point now = Clock::now();
      std::vector<Session*> live(sessions.begin(), sessions.end());
      for (Session* s : live) s->CheckDeadline(now);
      if (!stopping || !sessions.empty()) Sweep();
    });
  }

  // Once stopping and without connections, the sweep ends, and with it the loop.
  void EndSweepWhenIdle() {
    if (stopping && sessions.empty()) sweep.cancel();
  }

  void Stop() {
    net::post(ioc, [this] {
      stopping = true;
      beast::error_code ec;
      // Connections already in the backlog may carry requests in flight.
      acceptor.non_blocking(true, ec);
      for (;;) {
        Socket socket(ioc.get_executor());
        acceptor.accept(socket, ec);
        if (ec) break;
        std::make_shared<Session>(std::move(socket), *this)->StartDraining();
      }
      acceptor.close(ec);
      std::vector<Session*> live(sessions.begin(), sessions.end());
      for (Session* s : live) s->Shutdown();
      EndSweepWhenIdle();
    });
  }

  const ServerOptions& options;
  const Handler& handler;
  net::io_context ioc;
  Acceptor acceptor;
  Timer sweep;
  bool stopping = false;                  // touched only on this worker's thread
  std::unordered_set<Session*> sessions;  // touched only on this worker's thread
};

Session::Session(Socket socket, Worker& worker) : socket_(std::move(socket)), worker_(worker) {
  worker_.sessions.insert(this);
  beast::error_code ec;
  auto ep = socket_.remote_endpoint(ec);
  if (!ec) request_.remote_addr = ep.address().to_string();
  auto local = socket_.local_endpoint(ec);
  if (!ec) request_.local_endpoint = Authority(local.address(), local.port());
}

Session::~Session() {
  worker_.sessions.erase(this);
  worker_.EndSweepWhenIdle();
}

bool Session::RequestArriving() {
  beast::error_code ec;
  return buffer_.size() > 0 || socket_.available(ec) > 0;
}

void Session::Shutdown() {
  shutting_down_ = true;
  // Cancelling the wait for a request closes the connection unless bytes of
  // a request were read meanwhile: that request is in flight and is answered.
  beast::error_code ec;
  if (idle_) socket_.cancel(ec);
}

void Session::ExpiresAfter(Clock::time_point now, int ms) {
  deadline_ = ms < 0 ? Clock::time_point::max() : now + std::chrono::milliseconds(ms);
}

void Session::CheckDeadline(Clock::time_point now) {
  if (now < deadline_) return;
  deadline_ = Clock::time_point::max();
  timed_out_ = true;
  beast::error_code ec;
  socket_.cancel(ec);
}

bool Session::TimedOut(beast::error_code ec) const {
  return timed_out_ && ec == net::error::operation_aborted;
}

void Session::WaitForRequest() {
  idle_ = true;
  if (shutting_down_ && !RequestArriving()) return Close();
  if (buffer_.size() > 0) return ReadRequest();  // a pipelined request is already here
  ExpiresAfter(Clock::now(), worker_.options.idle_timeout_ms);
  socket_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](
                                                     beast::error_code ec, size_t n) {
    self->buffer_.commit(n);
    // A stop cancels this wait; bytes of a request that reached the socket
    // before the wait saw them still make it a request in flight.
    bool arriving = ec == net::error::operation_aborted && self->shutting_down_ &&
                    self->RequestArriving();
    if (ec && !arriving) return self->Close();
    self->ReadRequest();
  });
}

void Session::ReadRequest() {
  idle_ = false;
  started_ = Clock::now();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(worker_.options.header_limit));
  parser_->body_limit(LargestBodyLimit(worker_.options));
  ExpiresAfter(started_, worker_.options.read_timeout_ms);
  bhttp::async_read_header(socket_, buffer_, *parser_, [self = shared_from_this()](
                                                           beast::error_code ec, size_t) {
    self->OnHeader(ec);
  });
}

void Session::OnHeader(beast::error_code ec) {
  if (ec) return OnRead(ec);
  FramingProblem problem = internal::CheckHeaderFraming(parser_->get().base());
  if (problem.status != 0) return WriteError(problem.status, problem.reason);
  if (parser_->is_done()) return OnRead({});  // no body: no second read
  if (!worker_.options.larger_bodies.empty()) {
    // The head was read with the largest limit: now the target's own.
    auto target = parser_->get().target();
    size_t limit = BodyLimitFor(worker_.options, std::string_view(target.data(), target.size()));
    auto length = parser_->content_length();
    if (length && *length > limit) return WriteError(413, "the request body is too large");
    parser_->body_limit(limit);
  }
  bhttp::async_read(socket_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
}

void Session::OnRead(beast::error_code ec) {
  if (TimedOut(ec)) return WriteError(408, "the request did not arrive in time");
  if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
      ec == net::error::connection_reset || ec == net::error::operation_aborted) {
    return Close();
  }
  if (ec) {
    internal::ParseFailure failure = internal::ParseFailureFor(ec);
    return WriteError(failure.status, failure.reason);
  }
  Dispatch();
}

void Session::WriteError(int status, std::string_view reason) {
  std::string target;
  if (parser_) target = std::string(parser_->get().target());  // set once the start line is read
  if (!worker_.options.error_page) return Write(ErrorResponse(status, reason));
  Response r = worker_.options.error_page(status, reason, target);
  r.close = true;
  Write(std::move(r));
}

void Session::Dispatch() {
  auto& msg = parser_->get();
  keep_alive_ = msg.keep_alive();
  internal::ToRequest(msg, request_);
  request_.id = RequestIdFor(request_.Header("x-request-id"));
  ExpiresAfter(started_, -1);
  auto self = shared_from_this();
  RequestIdScope current(request_.id);
  worker_.handler(request_, [pending = std::make_shared<PendingAnswer>(
                                 std::move(self), worker_.ioc.get_executor())](Response r) {
    std::shared_ptr<Session> session = std::move(pending->session);
    if (!session) return;  // answered already
    auto work = std::move(pending->work);
    if (work.get_executor().running_in_this_thread()) {
      // Answered on this loop (a cached page): written at once, not queued.
      return session->Write(std::move(r));
    }
    // The session moves into the job: were a copy left here, the loop could
    // run the job and let the connection go before this thread dropped the
    // copy, and the session would end on this thread, touching its loop's
    // session list from outside (a crash seen under load at shutdown).
    Executor loop = work.get_executor();
    net::post(loop, [session = std::move(session), work = std::move(work), r = std::move(r)]() mutable {
      session->Write(std::move(r));
      session.reset();
      work.reset();
    });
  });
}

void Session::RefuseUnsafeHead() {
  std::string bad = UnsafeHeader(response_);
  if (bad.empty()) return;
  spdlog::error("refused to send header '{}' (a control character or an invalid name) in the "
                "answer to {} {}; sent 500 instead",
                bad, Printable(request_.method, 16), Printable(request_.path));
  response_ = ErrorResponse(500, "the response could not be sent");
}

void Session::Write(Response response) {
  response_ = std::move(response);
  if (worker_.options.finish) worker_.options.finish(response_);
  RefuseUnsafeHead();
  if (response_.close || shutting_down_) keep_alive_ = false;
  bool head_only = request_.method == "HEAD";
  if (!request_.id.empty()) response_.headers.emplace_back("X-Request-Id", request_.id);
  BuildHead(response_, response_.BodySize(), keep_alive_, head_);
  buffers_.clear();
  buffers_.push_back(net::buffer(head_));
  if (!head_only) {
    if (response_.pieces.empty()) {
      buffers_.push_back(net::buffer(response_.body));
    } else {
      for (auto p : response_.pieces) buffers_.push_back(net::buffer(p.data(), p.size()));
    }
  }
  ExpiresAfter(Clock::now(), worker_.options.idle_timeout_ms);
  net::async_write(socket_, buffers_, [self = shared_from_this()](beast::error_code ec, size_t) {
    self->OnWritten(ec);
  });
}

void Session::OnWritten(beast::error_code ec) {
  if (worker_.options.access_log) {
    int64_t micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_)
                         .count();
    worker_.options.access_log({request_.remote_addr, request_.method, request_.target,
                                request_.Header("user-agent"), request_.id, response_.status,
                                response_.BodySize(), micros});
  }
  if (ec || !keep_alive_) return Close();
  response_ = Response();
  request_.id.clear();
  WaitForRequest();
}

void Session::Close() {
  beast::error_code ec;
  deadline_ = Clock::time_point::max();
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  socket_.close(ec);
}

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  std::vector<std::unique_ptr<Worker>> workers;
  uint16_t port = 0;
};

Server::Server(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

Server::~Server() = default;

Status Server::Listen() {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.address, ec);
  if (ec) return InvalidArgument(fmt::format("bad listen address '{}'", impl_->options.address));
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i) {
    auto w = std::make_unique<Worker>(impl_->options, impl_->handler);
    if (i == 0) {
      TRIBUNE_RETURN_IF_ERROR(w->Listen(tcp::endpoint(address, impl_->options.port)));
    } else {
      TRIBUNE_RETURN_IF_ERROR(w->Share(*impl_->workers.front()));
    }
    impl_->workers.push_back(std::move(w));
  }
  impl_->port = impl_->workers.front()->acceptor.local_endpoint().port();
  return Status::Ok();
}

uint16_t Server::port() const { return impl_->port; }

void Server::Run() {
  std::vector<std::thread> threads;
  for (auto& w : impl_->workers) {
    w->Accept();
    w->Sweep();
    threads.emplace_back([&w] {
      EventLoopThread loop;  // a database or Redis call made here is counted
      w->ioc.run();
    });
  }
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  for (auto& w : impl_->workers) w->Stop();
}

}  // namespace tribune::http
