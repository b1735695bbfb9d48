// The PostgreSQL backend: a small pool of connections, each with its
// statements prepared once; every write one transaction committed with
// synchronous_commit = on. A connection the server dropped (a restart) is
// re-established on its next use; until the server is back, calls fail
// with Unavailable at once rather than wait.
#pragma once

#include <memory>
#include <string>

#include "core/incident_log.h"
#include "store/store.h"

namespace tribune::store {

struct PostgresOptions {
  std::string url;      // postgresql://user[:password]@host[:port]/database[?...]
  int connections = 4;  // the pool: calls that may run at once
  // Where failures are told, once per incident (IncidentLog). Empty: not told.
  IncidentLog::Line failure_log;
};

// Whether `db` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(const std::string& db);

// `url` as logs may show it: any password replaced by "***".
std::string PostgresDisplayName(const std::string& url);

// Connects the pool. Unavailable with the server's reason when it cannot.
// The schema is not touched until Migrate().
Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options);

}  // namespace tribune::store
