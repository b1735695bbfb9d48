#pragma once

#include "store/sqlite/connection.h"

namespace tribune::store::sqlite {

// The newest schema version this build knows.
int LatestSchemaVersion();
// The schema version of the database (0 for an empty one).
int CurrentSchemaVersion(Connection& c);
// Applies every migration above the current version, each in its own transaction.
// Fails with FailedPrecondition when the database is newer than this build.
Status ApplyMigrations(Connection& c);

}  // namespace tribune::store::sqlite
