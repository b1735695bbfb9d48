// Running the real `tribune` binary: one-shot CLI commands and a `serve`
// process on a free loopback port. Paths come from compile definitions set
// by integration.cmake (TRIBUNE_BIN, TRIBUNE_SOURCE_DIR). Every child runs
// in the repository root, so relative paths in the default config resolve.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tribune::itest {

// The binary under test and the repository's static files.
std::filesystem::path TribuneBinary();
std::filesystem::path StaticDir();

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A loopback port that was free a moment ago (bind to 0, read, close).
int PickFreePort();

void WriteFile(const std::filesystem::path& path, const std::string& contents);
std::string ReadFile(const std::filesystem::path& path);

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs `tribune args...` to completion (killed after `timeout`), capturing
// its standard output and error through files in `work_dir`.
ProcessResult RunTribune(const std::vector<std::string>& args,
                         const std::filesystem::path& work_dir,
                         std::chrono::milliseconds timeout = std::chrono::seconds(30));

// A `tribune serve` child process.
class TribuneServer {
 public:
  // The server keeps its db and logs in `dir`. `config_toml`, when not
  // empty, is written to dir/config.toml and passed with --config.
  explicit TribuneServer(std::filesystem::path dir, std::string config_toml = "");
  ~TribuneServer();  // SIGKILL if still running
  TribuneServer(const TribuneServer&) = delete;
  TribuneServer& operator=(const TribuneServer&) = delete;

  // Starts on a fresh port and waits until GET /healthz answers 200;
  // throws (with the logs) when that does not happen within `timeout`.
  // Retries with another port when the picked one was taken meanwhile.
  void Start(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Sends SIGTERM and waits up to `timeout`. Returns the exit code, or -1
  // if it died from a signal or did not exit in time (then it is killed).
  int Stop(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // SIGKILL and reap: a crash, as far as the server can tell.
  void Kill();

  // Later starts run the server as user "nobody" when the tests run as root
  // (root ignores file modes, so only then does a read-only file stay so).
  void RunUnprivileged() { unprivileged_ = true; }

  // Later starts listen on `address` (default 127.0.0.1); the tests still
  // connect to 127.0.0.1, so it must be that or a wildcard address.
  void ListenOn(std::string address) { listen_address_ = std::move(address); }

  // Later starts use `db` (a postgresql:// URL, say) instead of dir/t.db.
  void UseDatabase(std::string db) { db_ = std::move(db); }

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::filesystem::path db() const { return db_.empty() ? dir_ / "t.db" : std::filesystem::path(db_); }
  const std::filesystem::path& dir() const { return dir_; }
  // The last `max_bytes` of stdout and stderr, for failure messages.
  std::string Logs(size_t max_bytes = 8000) const;

 private:
  // One start on a freshly picked port; throws like Start.
  void StartOnce(std::chrono::milliseconds timeout);
  // Waits up to `timeout` for the child to exit; stores its wait status.
  bool WaitExit(std::chrono::milliseconds timeout, int* wait_status);

  std::filesystem::path dir_;
  std::string config_toml_;
  pid_t pid_ = -1;
  int port_ = 0;
  int starts_ = 0;
  bool unprivileged_ = false;
  std::string listen_address_ = "127.0.0.1";
  std::string db_;
};

// Runs `command` with /bin/sh; its standard output without trailing newlines.
// Throws (with the output) when it fails.
std::string Shell(const std::string& command);

// The PostgreSQL server ctest started (TRIBUNE_TEST_POSTGRES, a URL ending in
// /postgres); throws when it is not set.
std::string TestPostgresServer();
// A new, empty database on the server at `server_url` (…/postgres), named
// `prefix` and this process's id and a counter; its URL.
std::string FreshPostgresDatabase(const std::string& server_url, const std::string& prefix);

// The uid and gid the unprivileged server runs as ("nobody").
inline constexpr unsigned kNobody = 65534;

}  // namespace tribune::itest
