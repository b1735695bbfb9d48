#include "store/backup.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

extern char** environ;

namespace tribune::store {
namespace {

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

Status Open(const std::string& path, int flags, Db& out) {
  if (sqlite3_open_v2(path.c_str(), &out.db, flags, nullptr) != SQLITE_OK) {
    return Unavailable(fmt::format("cannot open '{}': {}", path,
                                   out.db ? sqlite3_errmsg(out.db) : "out of memory"));
  }
  sqlite3_busy_timeout(out.db, 10000);
  return Status::Ok();
}

// Copies `from` into `to` with the online backup API, 256 pages a step.
Status Copy(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return Unavailable(fmt::format("{}: {}", what, sqlite3_errmsg(to)));
  int rc;
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(5);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return Unavailable(fmt::format("{}: {}", what, sqlite3_errstr(rc)));
  return Status::Ok();
}

// Whether the store at `db` holds a site: any article or comment.
bool HoldsSite(Store& s) {
  auto n = s.CountArticles();
  return n.ok() && *n > 0;
}

// Runs `argv` (no shell); its standard error is kept for the message.
Status Run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  char err_path[] = "/tmp/tribune-backup-XXXXXX";
  int err_fd = mkstemp(err_path);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  std::string err;
  auto read_err = [&] {
    if (err_fd < 0) return;
    lseek(err_fd, 0, SEEK_SET);
    char buf[4096];
    ssize_t n;
    while ((n = ::read(err_fd, buf, sizeof buf)) > 0 && err.size() < 4000) err.append(buf, n);
    ::close(err_fd);
    ::unlink(err_path);
    while (!err.empty() && err.back() == '\n') err.pop_back();
  };
  if (rc != 0) {
    read_err();
    return Unavailable(fmt::format("cannot run {}: {}", argv[0], std::strerror(rc)));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  read_err();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Unavailable(fmt::format("{} failed: {}", argv[0], err.empty() ? "no message" : err));
  }
  return Status::Ok();
}

}  // namespace

Status BackupSqlite(const std::string& db, const std::string& to) {
  Db from, out;
  TRIBUNE_RETURN_IF_ERROR(Open(db, SQLITE_OPEN_READONLY, from));
  std::string tmp = to + ".partial";
  std::filesystem::remove(tmp);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable(fmt::format("cannot create '{}': {}", tmp, std::strerror(errno)));
  ::close(fd);
  TRIBUNE_RETURN_IF_ERROR(Open(tmp, SQLITE_OPEN_READWRITE, out));
  Status st = Copy(from.db, out.db, "backup");
  sqlite3_close(out.db);
  out.db = nullptr;
  if (!st.ok()) {
    std::filesystem::remove(tmp);
    return st;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, to, ec);  // whole or not at all
  if (ec) return Unavailable(fmt::format("cannot write '{}': {}", to, ec.message()));
  return Status::Ok();
}

Status RestoreSqlite(const std::string& from, const std::string& db, bool force) {
  if (!std::filesystem::exists(from)) return NotFound(fmt::format("no backup '{}'", from));
  {
    auto s = OpenSqliteStore({db, 1, {}});
    if (!s.ok()) return s.status();
    if ((*s)->Migrate().ok() && HoldsSite(**s) && !force) {
      return FailedPrecondition(fmt::format(
          "'{}' holds a site: stop it, and pass --force to replace it with the backup", db));
    }
  }
  Db in, out;
  TRIBUNE_RETURN_IF_ERROR(Open(from, SQLITE_OPEN_READONLY, in));
  TRIBUNE_RETURN_IF_ERROR(Open(db, SQLITE_OPEN_READWRITE, out));
  TRIBUNE_RETURN_IF_ERROR(Copy(in.db, out.db, "restore"));
  // The restored schema may be older than this build: brought up to date.
  auto s = OpenSqliteStore({db, 1, {}});
  if (!s.ok()) return s.status();
  return (*s)->Migrate();
}

Status BackupPostgres(const std::string& url, const std::string& to) {
  std::string tmp = to + ".partial";
  std::filesystem::remove(tmp);
  mode_t old = ::umask(077);
  Status st = Run({"pg_dump", "--format=custom", "--no-owner", "--file", tmp, "--dbname", url});
  ::umask(old);
  if (!st.ok()) {
    std::filesystem::remove(tmp);
    return st;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, to, ec);
  if (ec) return Unavailable(fmt::format("cannot write '{}': {}", to, ec.message()));
  return Status::Ok();
}

Status RestorePostgres(const std::string& from, const std::string& url, bool force) {
  if (!std::filesystem::exists(from)) return NotFound(fmt::format("no backup '{}'", from));
  {
    auto s = OpenPostgresStore({url, 1, {}});
    if (!s.ok()) return s.status();
    auto v = (*s)->SchemaVersion();
    if (v.ok() && *v > 0 && HoldsSite(**s) && !force) {
      return FailedPrecondition(fmt::format(
          "{} holds a site: stop its nodes, and pass --force to replace it with the backup",
          PostgresDisplayName(url)));
    }
  }
  TRIBUNE_RETURN_IF_ERROR(Run({"pg_restore", "--clean", "--if-exists", "--no-owner",
                               "--single-transaction", "--exit-on-error", "--dbname", url, from}));
  auto s = OpenPostgresStore({url, 1, {}});
  if (!s.ok()) return s.status();
  return (*s)->Migrate();
}

}  // namespace tribune::store
