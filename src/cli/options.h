// Options every command that touches the store shares: --config and --db.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include <memory>

#include "core/config.h"
#include "store/store.h"

namespace tribune::cli {

struct StoreOptions {
  std::string config_path;
  std::string db;
};

void AddStoreOptions(CLI::App& cmd, StoreOptions& opts);

// The config file (or the defaults) with --db applied; exits with a message
// naming the key when it is wrong.
Config LoadConfigOrExit(const StoreOptions& opts);

// The store `config` names, opened and migrated; exits with the reason when it cannot be.
std::unique_ptr<store::Store> OpenStoreOrExit(const Config& config);

// Records a staff action taken from the command line in the audit log (the
// actor is "cli:" and the user); a failure to record it is a warning.
void AuditFromCommandLine(store::AuditStore& audit, std::string action, std::string target,
                          std::string before = {}, std::string after = {});

void RegisterArticleCommands(CLI::App& app);
// Adds `explain` to the `spam` command group.
void RegisterExplainCommand(CLI::App& spam);
void RegisterModerateCommands(CLI::App& app);
void RegisterStaffCommands(CLI::App& app);
void RegisterReaderCommands(CLI::App& app);
// `db copy`.
void RegisterDbCommands(CLI::App& app);
// `backup` and `restore`.
void RegisterBackupCommands(CLI::App& app);
// Adds `shadow` and `promote` to the `spam` command group.
void RegisterShadowCommands(CLI::App& spam);

}  // namespace tribune::cli
