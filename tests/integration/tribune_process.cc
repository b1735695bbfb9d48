#include "tribune_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "http_client.h"

namespace tribune::itest {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr auto kPollInterval = std::chrono::milliseconds(20);
constexpr int kStartAttempts = 3;

// fork + exec `argv` with stdout/stderr appended to the given files; as
// "nobody" when `unprivileged` and running as root.
pid_t Spawn(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err,
            bool unprivileged = false) {
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    // Relative defaults in the config (static files, spam model) are
    // relative to the repository, as when tribune runs from its checkout.
    if (in < 0 || o < 0 || e < 0 || ::chdir(TRIBUNE_SOURCE_DIR) != 0) _exit(126);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    if (unprivileged && ::getuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
      _exit(125);
    }
    ::execv(cargv[0], cargv.data());
    _exit(127);
  }
  return pid;
}

// Polls for `pid` to exit until `deadline`. True and *status set if it did.
bool WaitUntil(pid_t pid, Clock::time_point deadline, int* status) {
  for (;;) {
    pid_t r = ::waitpid(pid, status, WNOHANG);
    if (r == pid) return true;
    if (r < 0 && errno != EINTR) return true;  // not our child any more
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollInterval);
  }
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

std::string Tail(const fs::path& path, size_t max_bytes) {
  std::string s = ReadFile(path);
  if (s.size() > max_bytes) s = "..." + s.substr(s.size() - max_bytes);
  return s;
}

}  // namespace

fs::path TribuneBinary() { return TRIBUNE_BIN; }
fs::path StaticDir() { return fs::path(TRIBUNE_SOURCE_DIR) / "web" / "static"; }

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "tribune-it-XXXXXX").string();
  if (::mkdtemp(templ.data()) == nullptr) {
    throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  }
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

// A loopback port kept bound until this goes: no other process's bind to
// port 0 is given it meanwhile, so two servers started at once (ctest -j)
// cannot both pick it. Bound with SO_REUSEADDR and never listening, as the
// server's listener is bound with SO_REUSEADDR: the server can take the port
// while it is held.
class PortReservation {
 public:
  PortReservation() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      int error = errno;
      if (fd_ >= 0) ::close(fd_);
      throw std::runtime_error(std::string("picking a port: ") + std::strerror(error));
    }
    port_ = ntohs(addr.sin_port);
  }
  ~PortReservation() { ::close(fd_); }
  PortReservation(const PortReservation&) = delete;
  PortReservation& operator=(const PortReservation&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace

int PickFreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(std::string("picking a port: ") + std::strerror(errno));
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

void WriteFile(const fs::path& path, const std::string& contents) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << contents;
  if (!f) throw std::runtime_error("cannot write " + path.string());
}

std::string ReadFile(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

ProcessResult RunTribune(const std::vector<std::string>& args, const fs::path& work_dir,
                         std::chrono::milliseconds timeout) {
  static int counter = 0;
  std::string tag = "cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  fs::path out = work_dir / (tag + ".out");
  fs::path err = work_dir / (tag + ".err");
  std::vector<std::string> argv{TribuneBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_t pid = Spawn(argv, out, err);
  ProcessResult result;
  int status = 0;
  if (!WaitUntil(pid, Clock::now() + timeout, &status)) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    result.timed_out = true;
  } else {
    result.exit_code = ExitCode(status);
  }
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

TribuneServer::TribuneServer(fs::path dir, std::string config_toml)
    : dir_(std::move(dir)), config_toml_(std::move(config_toml)) {}

TribuneServer::~TribuneServer() {
  // A failed test shows what the server said, and how it ended if it did:
  // its directory goes with the test.
  if (::testing::Test::HasFailure()) {
    std::string ended;
    int status = 0;
    if (running() && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      ended = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                  : "exited with code " + std::to_string(ExitCode(status));
    }
    std::cerr << "--- the test failed; tribune serve " << (ended.empty() ? "was running" : ended)
              << " ---\n"
              << Logs(6000);
  }
  if (running()) Kill();
}

void TribuneServer::Start(std::chrono::milliseconds timeout) {
  if (running()) throw std::runtime_error("server already running");
  // The port was free when picked but another process may take it first;
  // only that failure is worth another try.
  for (int attempt = 1;; ++attempt) {
    try {
      StartOnce(timeout);
      return;
    } catch (const std::runtime_error& e) {
      bool port_taken = std::string(e.what()).find("Address already in use") != std::string::npos;
      if (!port_taken || attempt == kStartAttempts) throw;
    }
  }
}

void TribuneServer::StartOnce(std::chrono::milliseconds timeout) {
  // Held until the server answers (or this attempt fails).
  PortReservation reserved;
  port_ = reserved.port();
  ++starts_;
  std::vector<std::string> argv{TribuneBinary().string(),
                                "serve",
                                "--listen",
                                listen_address_ + ":" + std::to_string(port_),
                                "--db",
                                db().string(),
                                "--static-dir",
                                StaticDir().string()};
  if (!config_toml_.empty()) {
    WriteFile(dir_ / "config.toml", config_toml_);
    argv.push_back("--config");
    argv.push_back((dir_ / "config.toml").string());
  }
  std::string marker =
      "=== start " + std::to_string(starts_) + " port " + std::to_string(port_) + " ===\n";
  std::ofstream(dir_ / "server.out", std::ios::app) << marker;
  std::ofstream(dir_ / "server.err", std::ios::app) << marker;
  pid_ = Spawn(argv, dir_ / "server.out", dir_ / "server.err", unprivileged_);

  auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("tribune serve exited early with code " +
                               std::to_string(ExitCode(status)) + "\n" + Logs());
    }
    try {
      HttpConnection conn(port_, std::chrono::milliseconds(2000));
      if (conn.Get("/healthz").status == 200) return;
    } catch (const std::runtime_error&) {
      // Not listening yet.
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  Kill();
  throw std::runtime_error("tribune serve did not answer GET /healthz with 200 in time\n" + Logs());
}

bool TribuneServer::WaitExit(std::chrono::milliseconds timeout, int* wait_status) {
  return WaitUntil(pid_, Clock::now() + timeout, wait_status);
}

int TribuneServer::Stop(std::chrono::milliseconds timeout) {
  if (!running()) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  if (!WaitExit(timeout, &status)) {
    Kill();
    return -1;
  }
  pid_ = -1;
  return ExitCode(status);
}

void TribuneServer::Kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string TribuneServer::Logs(size_t max_bytes) const {
  return "--- server stdout (" + (dir_ / "server.out").string() + ") ---\n" +
         Tail(dir_ / "server.out", max_bytes) + "\n--- server stderr ---\n" +
         Tail(dir_ / "server.err", max_bytes) + "\n";
}

std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run: " + command);
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = ::pclose(p);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("failed: " + command + "\n" + out);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string TestPostgresServer() {
  const char* url = std::getenv("TRIBUNE_TEST_POSTGRES");
  if (!url || !*url) throw std::runtime_error("TRIBUNE_TEST_POSTGRES is not set: run through ctest");
  return url;
}

std::string FreshPostgresDatabase(const std::string& server_url, const std::string& prefix) {
  static int n = 0;
  std::string name = prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(n++);
  Shell("psql -q -v ON_ERROR_STOP=1 '" + server_url + "' -c 'DROP DATABASE IF EXISTS " + name +
        "' -c 'CREATE DATABASE " + name + "' 2>&1");
  return server_url.substr(0, server_url.rfind('/') + 1) + name;
}

}  // namespace tribune::itest
