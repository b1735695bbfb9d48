// A thin RAII layer over one SQLite connection and its cached prepared
// statements. Not thread-safe: one thread uses a Connection at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tribune::store::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();  // resets the statement and clears its bindings for reuse
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindDouble(int index, double value);
  Statement& BindBlob(int index, std::string_view value);
  Statement& BindNull(int index);
  // Steps once: true when a row is ready, false when done. Errors throw
  // std::runtime_error (they abort the whole operation).
  bool Step();
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating if needed, readable by the owner alone) `path` in WAL
  // mode with synchronous=FULL; SQLite gives -wal and -shm the file's mode.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  // Runs one or more statements without results; throws on error.
  void Exec(const std::string& sql);
  // A prepared statement, cached on this connection by its text.
  Statement Prepare(const char* sql);
  int64_t LastInsertId() const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> cache_;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless Commit().
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) { c_.Exec("BEGIN IMMEDIATE"); }
  ~Transaction();
  void Commit();

 private:
  Connection& c_;
  bool done_ = false;
};

}  // namespace tribune::store::sqlite
