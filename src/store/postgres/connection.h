// A thin RAII layer over one libpq connection: parameters sent as text (or
// bytes for BYTEA), statements prepared once per connection and cached by
// their text. Not thread-safe: one thread uses a Connection at a time.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tribune::store::pg {

// A failed statement or a lost connection. `sqlstate` is PostgreSQL's
// five-character code ("23505" a unique violation), empty when the
// connection itself failed.
class Error : public std::runtime_error {
 public:
  Error(const std::string& what, std::string sqlstate)
      : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool unique_violation() const { return sqlstate_ == "23505"; }
  // The server went away or refused: a retry on a fresh connection may work.
  bool connection_lost() const {
    return sqlstate_.empty() || sqlstate_.starts_with("08") || sqlstate_.starts_with("57P");
  }

 private:
  std::string sqlstate_;
};

// A statement's parameters, in order ($1, $2, ...).
class Params {
 public:
  Params& Add(int64_t v);
  Params& Add(std::string_view v);
  Params& Add(const char* v) { return Add(std::string_view(v)); }
  Params& Add(const std::string& v) { return Add(std::string_view(v)); }
  Params& AddDouble(double v);
  Params& AddBytes(std::string_view v);  // a BYTEA parameter, sent as bytes
  Params& AddNull();

  int size() const { return static_cast<int>(values_.size()); }
  const char* const* values() const;
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  std::vector<std::string> values_;
  std::vector<int> lengths_, formats_;
  mutable std::vector<const char*> pointers_;
};

// A statement's result rows. Columns come as text (or as bytes when asked).
class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, &PQclear) {}
  int size() const { return PQntuples(r_.get()); }
  bool empty() const { return size() == 0; }
  bool Null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  int64_t Int(int row, int col) const;    // NULL reads as 0
  double Double(int row, int col) const;  // NULL reads as 0
  std::string Text(int row, int col) const;
  std::string_view View(int row, int col) const;
  int64_t affected() const;  // rows an INSERT, UPDATE or DELETE touched
  int columns() const { return PQnfields(r_.get()); }
  std::string ColumnName(int col) const { return PQfname(r_.get(), col); }
  Oid ColumnType(int col) const { return PQftype(r_.get(), col); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class Connection {
 public:
  // Connects to `url` (postgresql://user@host:port/db?...) with synchronous
  // commits and UTC. Unavailable with libpq's reason when it cannot.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Whether the connection still works, as far as libpq knows.
  bool healthy() const;
  // Connects again (after the server restarted); false when it cannot yet.
  bool Reconnect();

  // For LISTEN: the socket to wait on, and the notifications that arrived
  // (their payloads); TakeNotifications throws Error when the connection is lost.
  int socket() const { return PQsocket(c_); }
  std::vector<std::string> TakeNotifications();

  // Runs one or more statements without parameters; throws Error.
  void Exec(const std::string& sql);
  // Runs `sql`, prepared on first use and cached by its address (so `sql`
  // must outlive the connection: a literal or a static string). Throws Error.
  Rows Run(const char* sql, const Params& params = Params(), bool bytes_result = false);
  // Runs `sql` once, unprepared (for statements built at run time). Throws Error.
  Rows RunOnce(const std::string& sql, const Params& params = Params(), bool bytes_result = false);

 private:
  explicit Connection(PGconn* c, std::string url) : c_(c), url_(std::move(url)) {}
  Rows Check(PGresult* r, const char* what);
  PGconn* c_;
  std::string url_;
  std::map<const char*, std::string> prepared_;  // statement text -> name
};

// RAII transaction: BEGIN on construction, ROLLBACK unless Commit().
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) { c_.Exec("BEGIN"); }
  ~Transaction();
  void Commit();

 private:
  Connection& c_;
  bool done_ = false;
};

// `url` with any password replaced by "***", for messages and logs.
std::string Redacted(const std::string& url);

}  // namespace tribune::store::pg
