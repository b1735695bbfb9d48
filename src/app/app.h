// The composition root: the one place that builds the parts and wires them.
#pragma once

#include <memory>

#include "core/config.h"
#include "core/incident_log.h"
#include "core/status.h"
#include "spam/engine.h"
#include "store/store.h"

namespace tribune::app {

// Opens the configured store and brings its schema up to date. SQLite's own
// failures go to `failure_log`, once per incident (see IncidentLog).
Result<std::unique_ptr<store::Store>> OpenStore(const Config& config,
                                                IncidentLog::Line failure_log = nullptr);

// `path` as given when it exists or is absolute, else the same relative path
// in the source tree the binary was built from, if it exists there.
std::string ResolveShipped(const std::string& path);

// `config` with the shipped files (spam model, static files) resolved by ResolveShipped.
Config WithShippedPaths(Config config);

// Runs the site until SIGTERM or SIGINT; returns the process exit code.
int Serve(const Config& config);

}  // namespace tribune::app
