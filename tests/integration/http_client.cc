#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace tribune::itest {
namespace {

constexpr size_t kReadChunk = 16 * 1024;
// A response head larger than this is surely a runaway.
constexpr size_t kMaxHeadBytes = 1 << 20;

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

bool HasHeader(const HeaderList& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return EqualsNoCase(h.first, name); });
}

[[noreturn]] void Fail(const std::string& what) { throw std::runtime_error("http: " + what); }

}  // namespace

std::optional<std::string> Response::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsNoCase(k, name)) return v;
  }
  return std::nullopt;
}

std::vector<std::string> Response::AllHeaders(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : headers) {
    if (EqualsNoCase(k, name)) out.push_back(v);
  }
  return out;
}

std::string Response::DecodedBody() const {
  auto encoding = Header("Content-Encoding");
  if (encoding && EqualsNoCase(*encoding, "gzip")) return Gunzip(body);
  return body;
}

std::string BuildRequest(const Request& request, int port) {
  std::string out = request.method + " " + request.target + " HTTP/1.1\r\n";
  if (!HasHeader(request.headers, "Host"))
    out += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (const auto& [k, v] : request.headers) out += k + ": " + v + "\r\n";
  bool wants_length = !request.body.empty() || request.method == "POST" || request.method == "PUT";
  if (wants_length && !HasHeader(request.headers, "Content-Length") &&
      !HasHeader(request.headers, "Transfer-Encoding")) {
    out += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
  }
  out += "\r\n";
  out += request.body;
  return out;
}

HttpConnection::HttpConnection(int port, std::chrono::milliseconds io_timeout,
                               const std::string& from)
    : port_(port), io_timeout_(io_timeout) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) Fail(std::string("socket: ") + std::strerror(errno));
  if (!from.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    if (::inet_pton(AF_INET, from.c_str(), &local.sin_addr) != 1 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      int err = errno;
      ::close(fd_);
      fd_ = -1;
      Fail("bind to " + from + ": " + std::strerror(err));
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    Fail("connect to port " + std::to_string(port) + ": " + std::strerror(err));
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool HttpConnection::SendRaw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EPIPE || errno == ECONNRESET)) return false;
    if (n < 0) Fail(std::string("send: ") + std::strerror(errno));
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool HttpConnection::Fill() {
  pollfd pfd{fd_, POLLIN, 0};
  int ready;
  do {
    ready = ::poll(&pfd, 1, static_cast<int>(io_timeout_.count()));
  } while (ready < 0 && errno == EINTR);
  if (ready == 0) Fail("timed out waiting for the server");
  char chunk[kReadChunk];
  ssize_t n;
  do {
    n = ::recv(fd_, chunk, sizeof chunk, 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0 && errno == ECONNRESET) return false;
  if (n < 0) Fail(std::string("recv: ") + std::strerror(errno));
  if (n == 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::string HttpConnection::ReadLine() {
  size_t eol;
  while ((eol = buffer_.find("\r\n")) == std::string::npos) {
    if (buffer_.size() > kMaxHeadBytes) Fail("response line too long");
    if (!Fill()) Fail("connection closed in the middle of a response head");
  }
  std::string line = buffer_.substr(0, eol);
  buffer_.erase(0, eol + 2);
  return line;
}

std::string HttpConnection::ReadExact(size_t n) {
  while (buffer_.size() < n) {
    if (!Fill()) Fail("connection closed in the middle of a body");
  }
  std::string out = buffer_.substr(0, n);
  buffer_.erase(0, n);
  return out;
}

std::string HttpConnection::ReadChunkedBody() {
  std::string body;
  for (;;) {
    std::string size_line = ReadLine();
    size_t size = std::stoul(size_line.substr(0, size_line.find(';')), nullptr, 16);
    if (size == 0) break;
    body += ReadExact(size);
    if (!ReadLine().empty()) Fail("chunk not followed by CRLF");
  }
  while (!ReadLine().empty()) {
    // Trailer fields: none are expected, skip them.
  }
  return body;
}

std::optional<Response> HttpConnection::ReadResponse(bool head) {
  if (buffer_.empty() && !Fill()) return std::nullopt;
  Response r;
  std::string status_line = ReadLine();
  if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12) {
    Fail("bad status line: " + status_line);
  }
  r.status = std::stoi(status_line.substr(9, 3));
  r.reason = status_line.size() > 13 ? status_line.substr(13) : "";
  for (std::string line = ReadLine(); !line.empty(); line = ReadLine()) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) Fail("bad header line: " + line);
    r.headers.emplace_back(line.substr(0, colon), Trim(line.substr(colon + 1)));
  }
  bool no_body = head || r.status == 204 || r.status == 304 || r.status / 100 == 1;
  auto te = r.Header("Transfer-Encoding");
  auto length = r.Header("Content-Length");
  if (no_body) return r;
  if (te && te->find("chunked") != std::string::npos) {
    r.chunked = true;
    r.body = ReadChunkedBody();
  } else if (length) {
    r.body = ReadExact(std::stoul(*length));
  } else {
    // Delimited by close.
    while (Fill()) {
    }
    r.body = std::move(buffer_);
    buffer_.clear();
  }
  return r;
}

Response HttpConnection::Send(const Request& request) {
  if (!SendRaw(BuildRequest(request, port_))) Fail("connection closed while sending");
  auto r = ReadResponse(request.method == "HEAD");
  if (!r) Fail("connection closed without a response to " + request.method + " " + request.target);
  return *r;
}

Response HttpConnection::Get(const std::string& target, const HeaderList& headers) {
  return Send(Request{"GET", target, headers, ""});
}

bool HttpConnection::WaitForClose(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd pfd{fd_, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    char chunk[kReadChunk];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0 || (n < 0 && errno == ECONNRESET)) return true;
  }
}

Response Fetch(int port, const Request& request) {
  HttpConnection conn(port);
  return conn.Send(request);
}

Response Get(int port, const std::string& target, const HeaderList& headers) {
  return Fetch(port, Request{"GET", target, headers, ""});
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string FormEncode(const HeaderList& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += PercentEncode(k) + "=" + PercentEncode(v);
  }
  return out;
}

void CookieJar::Store(const Response& response) {
  for (const std::string& line : response.AllHeaders("Set-Cookie")) {
    std::string pair = line.substr(0, line.find(';'));
    size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    std::string name = Trim(pair.substr(0, eq));
    std::string value = Trim(pair.substr(eq + 1));
    bool expired = line.find("Max-Age=0") != std::string::npos ||
                   line.find("max-age=0") != std::string::npos || value.empty();
    std::erase_if(cookies_, [&](const auto& c) { return c.first == name; });
    if (!expired) cookies_.emplace_back(name, value);
  }
}

std::optional<std::string> CookieJar::Get(const std::string& name) const {
  for (const auto& [k, v] : cookies_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string CookieJar::HeaderValue() const {
  std::string out;
  for (const auto& [k, v] : cookies_) {
    if (!out.empty()) out += "; ";
    out += k + "=" + v;
  }
  return out;
}

std::string Gunzip(std::string_view data) {
  z_stream zs{};
  // 16 + MAX_WBITS: expect a gzip header and trailer, not raw zlib.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) Fail("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[kReadChunk];
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      Fail("not a valid gzip stream (zlib error " + std::to_string(rc) + ")");
    }
    out.append(chunk, sizeof chunk - zs.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&zs);
  return out;
}

}  // namespace tribune::itest
