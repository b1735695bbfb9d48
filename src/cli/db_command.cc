// `tribune db copy`: moves a whole site from its SQLite file to PostgreSQL.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/options.h"
#include "store/backup.h"
#include "store/postgres/postgres_store.h"
#include "store/site_copy.h"

namespace tribune::cli {
namespace {

// One line per table, redrawn in place on a terminal; elsewhere (a log) a
// line at each tenth and at the end.
class ProgressBar {
 public:
  ProgressBar() : tty_(::isatty(STDERR_FILENO) != 0) {}
  void Show(const std::string& table, int64_t done, int64_t total) {
    int tenth = total > 0 ? static_cast<int>(done * 10 / total) : 10;
    if (table != table_) {
      if (!table_.empty() && tty_) std::cerr << "\n";
      table_ = table;
      last_tenth_ = -1;
    }
    if (!tty_ && tenth == last_tenth_) return;
    last_tenth_ = tenth;
    int width = 30;
    int filled = total > 0 ? static_cast<int>(std::min(done, total) * width / total) : width;
    std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
    std::cerr << (tty_ ? "\r" : "")
              << fmt::format("{:<18} [{}] {:>9} / {:<9}", table, bar, done, total)
              << (tty_ ? "" : "\n") << std::flush;
  }
  void Done() {
    if (tty_ && !table_.empty()) std::cerr << "\n";
  }

 private:
  bool tty_;
  std::string table_;
  int last_tenth_ = -1;
};

std::string SqlitePath(const std::string& from) {
  return from.starts_with("sqlite:") ? from.substr(7) : from;
}

}  // namespace

void RegisterDbCommands(CLI::App& app) {
  CLI::App* db = app.add_subcommand("db", "Move a site between databases");
  db->require_subcommand(1);
  struct Opts {
    std::string from, to;
    int batch = 1000;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* copy = db->add_subcommand(
      "copy",
      "Copy a whole site from a SQLite file to PostgreSQL (resumable; checked by counts and "
      "checksums at the end)");
  copy->add_option("--from", opts->from, "sqlite:PATH (the source; its schema is brought up to date)")
      ->required();
  copy->add_option("--to", opts->to, "postgresql://USER@HOST:PORT/DATABASE (the target)")
      ->required();
  copy->add_option("--batch", opts->batch, "rows per target transaction")->check(CLI::Range(1, 100000));
  copy->callback([opts] {
    if (!store::IsPostgresUrl(opts->to)) {
      std::cerr << "tribune db copy: --to must be a postgresql:// URL\n";
      std::exit(2);
    }
    ProgressBar bar;
    store::CopyOptions o;
    o.sqlite_path = SqlitePath(opts->from);
    o.postgres_url = opts->to;
    o.batch = opts->batch;
    o.progress = [&bar](const std::string& t, int64_t done, int64_t total) {
      bar.Show(t, done, total);
    };
    auto copied = store::CopySqliteToPostgres(o);
    bar.Done();
    if (!copied.ok()) {
      std::cerr << "tribune db copy: " << copied.status().message()
                << "\n(run the same command again to go on where it stopped)\n";
      std::exit(1);
    }
    bool all = true;
    std::cout << fmt::format("{:<18} {:>9} {:>9} {:>9} {:>9}  {}\n", "table", "source", "copied",
                             "refreshed", "target", "sha-256 (source = target)");
    for (const store::TableCopy& t : *copied) {
      all = all && t.matches();
      std::cout << fmt::format("{:<18} {:>9} {:>9} {:>9} {:>9}  {} {}\n", t.table, t.source_rows,
                               t.copied, t.refreshed, t.target_rows, t.source_sha256.substr(0, 16),
                               t.matches() ? "ok" : "DIFFERS: " + t.target_sha256.substr(0, 16));
    }
    if (!all) {
      std::cerr << "tribune db copy: the target differs from the source: it has rows the "
                   "source has not (has it been used as a site?), or the source changed during "
                   "the copy (run it again with the site stopped)\n";
      std::exit(1);
    }
    std::cout << "copied and verified: " << store::PostgresDisplayName(opts->to) << "\n";
  });
}

void RegisterBackupCommands(CLI::App& app) {
  struct Opts {
    StoreOptions store;
    std::string file;
    bool force = false;
  };
  auto backup = std::make_shared<Opts>();
  CLI::App* b = app.add_subcommand(
      "backup", "Write a backup of the site's database to a file (the site may keep running)");
  AddStoreOptions(*b, backup->store);
  b->add_option("--to", backup->file, "the backup file (created readable by its owner alone)")
      ->required();
  b->callback([backup] {
    Config config = LoadConfigOrExit(backup->store);
    const std::string& db = config.storage.db;
    Status st = store::IsPostgresUrl(db) ? store::BackupPostgres(db, backup->file)
                                         : store::BackupSqlite(db, backup->file);
    if (!st.ok()) {
      std::cerr << "tribune backup: " << st.message() << "\n";
      std::exit(1);
    }
    std::cout << "backup written: " << backup->file << "\n";
  });

  auto restore = std::make_shared<Opts>();
  CLI::App* r = app.add_subcommand(
      "restore", "Replace the site's database with a backup (stop the site first)");
  AddStoreOptions(*r, restore->store);
  r->add_option("--from", restore->file, "a file `tribune backup` wrote")->required();
  r->add_flag("--force", restore->force, "replace a database that holds a site");
  r->callback([restore] {
    Config config = LoadConfigOrExit(restore->store);
    const std::string& db = config.storage.db;
    Status st = store::IsPostgresUrl(db)
                    ? store::RestorePostgres(restore->file, db, restore->force)
                    : store::RestoreSqlite(restore->file, db, restore->force);
    if (!st.ok()) {
      std::cerr << "tribune restore: " << st.message() << "\n";
      std::exit(st.code() == Code::kFailedPrecondition ? 2 : 1);
    }
    std::cout << "restored from " << restore->file << "\n";
  });
}

}  // namespace tribune::cli
