#include "store/sqlite/connection.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>

namespace tribune::store::sqlite {
namespace {

[[noreturn]] void Fail(sqlite3* db, const char* what) {
  throw std::runtime_error(fmt::format("sqlite {}: {}", what, sqlite3_errmsg(db)));
}

// Creates `path` for the owner alone (0600) unless it exists: SQLite would
// create it with the umask's leave (often 0644), and it gives the -wal and
// -shm files the database's own mode. The file holds the site's secret,
// password hashes and readers' addresses.
void CreatePrivately(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;  // it exists (or cannot be made: SQLite will say why)
  ::fchmod(fd, 0600);  // whatever the umask took away
  ::close(fd);
}

}  // namespace

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::Bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), "bind");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail(sqlite3_db_handle(stmt_), "bind");
  }
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), "bind");
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view value) {
  if (sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail(sqlite3_db_handle(stmt_), "bind");
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) Fail(sqlite3_db_handle(stmt_), "bind");
  return *this;
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(sqlite3_db_handle(stmt_), "step");
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Statement::Text(int col) const {
  // Works for blobs too: bytes are returned as they are.
  auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string(p, sqlite3_column_bytes(stmt_, col)) : std::string();
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  if (!path.empty() && path != ":memory:") CreatePrivately(path);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Unavailable(fmt::format("cannot open database '{}': {}", path, msg));
  }
  std::unique_ptr<Connection> c(new Connection(db));
  try {
    sqlite3_busy_timeout(db, 10000);
    c->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (const std::exception& e) {
    return Unavailable(fmt::format("cannot use database '{}': {}", path, e.what()));
  }
  return c;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(fmt::format("sqlite exec: {}", msg));
  }
}

Statement Connection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    Fail(db_, "prepare");
  }
  cache_.emplace(sql, stmt);
  return Statement(stmt);
}

int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.Exec("ROLLBACK");
    } catch (...) {
      // Rolling back an already failed transaction may fail; nothing is lost.
    }
  }
}

void Transaction::Commit() {
  c_.Exec("COMMIT");
  done_ = true;
}

}  // namespace tribune::store::sqlite
