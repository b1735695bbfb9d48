// Backups of a site's store, and restoring one. SQLite: the online backup
// API, a page range at a time, so a running server goes on writing (the
// copy is of one moment). PostgreSQL: pg_dump's custom format and
// pg_restore, run as child processes (they must be on PATH, of the
// server's major version or newer).
#pragma once

#include <string>

#include "core/status.h"

namespace tribune::store {

// Writes a consistent copy of the SQLite database at `db` to `to` (created
// readable by its owner alone; an existing file is replaced).
Status BackupSqlite(const std::string& db, const std::string& to);
// Replaces the database at `db` with the backup `from` (the file is created
// when missing). FailedPrecondition when `db` holds a site and !force.
Status RestoreSqlite(const std::string& from, const std::string& db, bool force);

// pg_dump --format=custom of the database at `url` into `to` (0600).
Status BackupPostgres(const std::string& url, const std::string& to);
// pg_restore of `from` into the database at `url`: every table of the site
// dropped and made again from the backup. FailedPrecondition when the
// database holds a site and !force.
Status RestorePostgres(const std::string& from, const std::string& url, bool force);

}  // namespace tribune::store
