// tribune: the news site and comment engine. One binary, several commands.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app/app.h"
#include "cli/options.h"
#include "moderation/audit.h"
#include "spam/cli/commands.h"

namespace tribune::cli {

void AddStoreOptions(CLI::App& cmd, StoreOptions& opts) {
  cmd.add_option("--config", opts.config_path, "TOML configuration file")->check(CLI::ExistingFile);
  cmd.add_option("--db", opts.db, "SQLite database file or postgresql:// URL (overrides storage.db)");
}

void AuditFromCommandLine(store::AuditStore& audit, std::string action, std::string target,
                          std::string before, std::string after) {
  Status st = moderation::RecordAction(audit, moderation::CommandLineActor(), std::move(action),
                                       std::move(target), std::move(before), std::move(after),
                                       std::time(nullptr));
  if (!st.ok()) std::cerr << "tribune: warning: audit log: " << st.message() << "\n";
}

std::unique_ptr<store::Store> OpenStoreOrExit(const Config& config) {
  auto store = app::OpenStore(config);
  if (!store.ok()) {
    std::cerr << "tribune: " << store.status().message() << "\n";
    std::exit(1);
  }
  return std::move(store).value();
}

Config LoadConfigOrExit(const StoreOptions& opts) {
  Config config;
  if (!opts.config_path.empty()) {
    auto loaded = LoadConfig(opts.config_path);
    if (!loaded.ok()) {
      std::cerr << "tribune: configuration error: " << loaded.status().message() << "\n";
      std::exit(2);
    }
    config = std::move(loaded).value();
  }
  if (!opts.db.empty()) config.storage.db = opts.db;
  Status st = ValidateConfig(config);
  if (!st.ok()) {
    std::cerr << "tribune: configuration error: " << st.message() << "\n";
    std::exit(2);
  }
  return config;
}

namespace {

void RegisterServe(CLI::App& app) {
  struct ServeOptions {
    StoreOptions store;
    std::string listen, static_dir;
    int threads = -1;
    bool no_demo = false;
  };
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the site over HTTP");
  AddStoreOptions(*serve, opts->store);
  serve->add_option("--listen", opts->listen, "ADDRESS:PORT to listen on (overrides server.listen)");
  serve->add_option("--static-dir", opts->static_dir, "Folder of static files (server.static_dir)");
  serve->add_option("--threads", opts->threads, "Worker threads; 0 = one per core");
  serve->add_flag("--no-demo", opts->no_demo, "Do not write demo content into an empty store");
  serve->callback([opts] {
    Config config = LoadConfigOrExit(opts->store);
    if (!opts->listen.empty()) config.server.listen = opts->listen;
    if (!opts->static_dir.empty()) config.server.static_dir = opts->static_dir;
    if (opts->threads >= 0) config.server.threads = opts->threads;
    if (opts->no_demo) config.demo_content = false;
    Status st = ValidateConfig(config);
    if (!st.ok()) {
      std::cerr << "tribune: configuration error: " << st.message() << "\n";
      std::exit(2);
    }
    std::exit(app::Serve(config));
  });
}

void RegisterMigrate(CLI::App& app) {
  auto opts = std::make_shared<StoreOptions>();
  CLI::App* migrate = app.add_subcommand("migrate", "Bring the database schema up to date");
  AddStoreOptions(*migrate, *opts);
  migrate->callback([opts] {
    Config config = LoadConfigOrExit(*opts);
    auto store = OpenStoreOrExit(config);
    std::cout << "schema version " << *store->SchemaVersion() << "\n";
  });
}

}  // namespace
}  // namespace tribune::cli

int main(int argc, char** argv) {
  CLI::App app{"Tribune: a news site with a comment section that stays readable"};
  app.require_subcommand(1);
  tribune::cli::RegisterServe(app);
  tribune::cli::RegisterMigrate(app);
  tribune::cli::RegisterArticleCommands(app);
  tribune::cli::RegisterModerateCommands(app);
  tribune::cli::RegisterStaffCommands(app);
  tribune::cli::RegisterReaderCommands(app);
  tribune::cli::RegisterDbCommands(app);
  tribune::cli::RegisterBackupCommands(app);
  tribune::spam::RegisterCommands(app);
  tribune::cli::RegisterExplainCommand(*app.get_subcommand("spam"));
  tribune::cli::RegisterShadowCommands(*app.get_subcommand("spam"));
  CLI11_PARSE(app, argc, argv);
  return 0;
}
