// Moving a whole site from a SQLite file to PostgreSQL: every table, row for
// row with its ids (articles, comments with every revision and verdict,
// staff, spam models, spent form tokens, the audit log, bans, reports,
// settings with the site's secret). Resumable: run again after an
// interruption, it goes on after the last row the target has, and rows the
// source changed since they were copied are written again (never over a
// target that has rows the source has not: one used as a site). Checked at
// the end: each table's row count and a SHA-256 over its rows in key order
// must be the same on both sides.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace tribune::store {

struct TableCopy {
  std::string table;
  int64_t source_rows = 0;
  int64_t copied = 0;        // rows written by this run
  int64_t refreshed = 0;     // rows written again: changed in the source since an earlier run
  int64_t target_rows = 0;
  std::string source_sha256, target_sha256;  // hex, over the rows in key order
  bool matches() const { return source_rows == target_rows && source_sha256 == target_sha256; }
};

struct CopyOptions {
  std::string sqlite_path;   // the source
  std::string postgres_url;  // the target; its schema is brought up to date first
  int batch = 1000;          // rows per target transaction
  // Told as rows go: (table, rows done of the table, rows in the table).
  std::function<void(const std::string&, int64_t, int64_t)> progress;
};

// Copies, then verifies every table. InvalidArgument when the two are at
// different schema versions; Unavailable when either cannot be opened.
Result<std::vector<TableCopy>> CopySqliteToPostgres(const CopyOptions& options);

}  // namespace tribune::store
