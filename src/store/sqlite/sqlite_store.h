// The SQLite backend: one write connection (serialised by a mutex) and a
// pool of read connections; WAL lets readers run beside the writer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/incident_log.h"
#include "store/store.h"

namespace tribune::store {

struct SqliteOptions {
  std::string path;          // database file; created when missing
  int read_connections = 4;  // readers that may run at once
  // Where failures of SQLite itself (a read-only, full or corrupt database)
  // are told, once per incident for reads and for writes (IncidentLog); a
  // missing row is no failure. Empty: not told (the Status still says).
  IncidentLog::Line failure_log;
};

// Opens the database, creating it readable and writable by its owner alone
// (0600; its -wal and -shm files follow). The schema is not touched until
// Migrate().
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

// The database file and its -wal, -shm and -journal companions that users
// other than the owner may read or write, each as "PATH (mode 0644)"; empty
// when there are none.
std::vector<std::string> ExposedDatabaseFiles(const std::string& path);

}  // namespace tribune::store
