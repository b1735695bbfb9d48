#include "store/postgres/connection.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace tribune::store::pg {
namespace {

std::string Trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Params& Params::Add(int64_t v) {
  values_.push_back(std::to_string(v));
  lengths_.push_back(0);
  formats_.push_back(0);
  return *this;
}

Params& Params::Add(std::string_view v) {
  values_.emplace_back(v);
  lengths_.push_back(0);
  formats_.push_back(0);
  return *this;
}

Params& Params::AddDouble(double v) {
  values_.push_back(fmt::format("{}", v));  // shortest text that reads back exactly
  lengths_.push_back(0);
  formats_.push_back(0);
  return *this;
}

Params& Params::AddBytes(std::string_view v) {
  values_.emplace_back(v);
  lengths_.push_back(static_cast<int>(v.size()));
  formats_.push_back(1);
  return *this;
}

Params& Params::AddNull() {
  values_.emplace_back();
  lengths_.push_back(-1);  // marks NULL below
  formats_.push_back(0);
  return *this;
}

const char* const* Params::values() const {
  pointers_.clear();
  for (size_t i = 0; i < values_.size(); ++i) {
    pointers_.push_back(lengths_[i] < 0 ? nullptr : values_[i].c_str());
  }
  return pointers_.data();
}

int64_t Rows::Int(int row, int col) const {
  std::string_view v = View(row, col);
  int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

double Rows::Double(int row, int col) const {
  if (Null(row, col)) return 0;
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

std::string Rows::Text(int row, int col) const { return std::string(View(row, col)); }

std::string_view Rows::View(int row, int col) const {
  if (Null(row, col)) return {};
  return {PQgetvalue(r_.get(), row, col),
          static_cast<size_t>(PQgetlength(r_.get(), row, col))};
}

int64_t Rows::affected() const {
  const char* n = PQcmdTuples(r_.get());
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (c == nullptr) return Unavailable("PostgreSQL: out of memory");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = Trimmed(PQerrorMessage(c));
    PQfinish(c);
    return Unavailable(fmt::format("PostgreSQL at {}: {}", Redacted(url), why));
  }
  auto conn = std::unique_ptr<Connection>(new Connection(c, url));
  try {
    // Durable means committed on disk before the answer; times are plain integers.
    conn->Exec("SET synchronous_commit = on; SET client_min_messages = warning; "
               "SET TIME ZONE 'UTC'");
  } catch (const Error& e) {
    return Unavailable(e.what());
  }
  return conn;
}

Connection::~Connection() { PQfinish(c_); }

bool Connection::healthy() const { return PQstatus(c_) == CONNECTION_OK; }

bool Connection::Reconnect() {
  PQreset(c_);
  prepared_.clear();  // a new session knows none of them
  if (PQstatus(c_) != CONNECTION_OK) return false;
  try {
    Exec("SET synchronous_commit = on; SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  } catch (const Error&) {
    return false;
  }
  return true;
}

Rows Connection::Check(PGresult* r, const char* what) {
  ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return Rows(r);
  std::string state;
  std::string message;
  if (r) {
    const char* code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    state = code ? code : "";
    message = Trimmed(PQresultErrorMessage(r));
    PQclear(r);
  }
  if (message.empty()) message = Trimmed(PQerrorMessage(c_));
  // A statement that failed because the session is gone leaves no SQLSTATE.
  if (PQstatus(c_) != CONNECTION_OK) state.clear();
  throw Error(fmt::format("postgresql {}: {}", what, message), state);
}

void Connection::Exec(const std::string& sql) { Check(PQexec(c_, sql.c_str()), "exec"); }

Rows Connection::Run(const char* sql, const Params& params, bool bytes_result) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("t{}", prepared_.size());
    Check(PQprepare(c_, name.c_str(), sql, 0, nullptr), "prepare");
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  return Check(PQexecPrepared(c_, it->second.c_str(), params.size(), params.values(),
                              params.lengths(), params.formats(), bytes_result ? 1 : 0),
               "statement");
}

Rows Connection::RunOnce(const std::string& sql, const Params& params, bool bytes_result) {
  return Check(PQexecParams(c_, sql.c_str(), params.size(), nullptr, params.values(),
                            params.lengths(), params.formats(), bytes_result ? 1 : 0),
               "statement");
}

std::vector<std::string> Connection::TakeNotifications() {
  if (PQconsumeInput(c_) == 0) throw Error(Trimmed(PQerrorMessage(c_)), "");
  std::vector<std::string> out;
  while (PGnotify* n = PQnotifies(c_)) {
    out.emplace_back(n->extra ? n->extra : "");
    PQfreemem(n);
  }
  return out;
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    c_.Exec("ROLLBACK");
  } catch (const Error&) {
    // The connection is gone: so is the transaction.
  }
}

void Transaction::Commit() {
  c_.Exec("COMMIT");
  done_ = true;
}

std::string Redacted(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace tribune::store::pg
