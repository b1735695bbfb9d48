// The SQLite backend: one write connection (serialised by a mutex) and a
// pool of read connections; WAL lets readers run beside the writer.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace tribune::store {

struct SqliteOptions {
  std::string path;          // database file; created when missing
  int read_connections = 4;  // readers that may run at once
};

// Opens the database. The schema is not touched until Migrate().
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

}  // namespace tribune::store
