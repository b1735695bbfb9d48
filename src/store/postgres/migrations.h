// The PostgreSQL schema, version by version: the same versions, tables and
// columns as the SQLite schema (store/sqlite/migrations.cc), so a site moves
// between the two with `tribune db copy`.
#pragma once

#include "core/status.h"
#include "store/postgres/connection.h"

namespace tribune::store::pg {

int LatestSchemaVersion();
// Throws Error.
int CurrentSchemaVersion(Connection& c);
// Brings the schema up to date, each version in its own transaction, under
// an advisory lock so that nodes starting at once migrate one at a time.
Status ApplyMigrations(Connection& c);

}  // namespace tribune::store::pg
