#include "store/site_copy.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <deque>
#include <memory>

#include "store/postgres/connection.h"
#include "store/postgres/migrations.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace tribune::store {
namespace {

// Parents before children; settings last, so a target that has the site's
// secret has everything else too.
constexpr const char* kTables[] = {"articles", "comments",  "comment_revisions", "staff",
                                   "spam_models", "spent_tokens", "audit_log", "bans",
                                   "reports", "images", "image_files", "readers",
                                   "subscriptions", "outbox", "jobs", "settings"};

enum class Kind { kInt, kReal, kText, kBytes };

struct Column {
  std::string name;
  Kind kind;
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::string key;  // "id", or the text primary key
  bool numeric_key() const { return key == "id"; }
  // Statement texts, kept for the copy's lifetime (SQLite caches statements
  // by the address of their text).
  std::string sqlite_page, sqlite_all, sqlite_count, pg_insert, pg_upsert, pg_all;
};

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
  }
  // A value with its length, so no two rows hash alike by shifting bytes.
  void Add(bool null, std::string_view v) {
    std::string head = null ? "N" : fmt::format("{}:", v.size());
    EVP_DigestUpdate(ctx_.get(), head.data(), head.size());
    EVP_DigestUpdate(ctx_.get(), v.data(), v.size());
  }
  std::string Hex() {
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx_.get(), d, &len);
    std::string out;
    for (unsigned i = 0; i < len; ++i) out += fmt::format("{:02x}", d[i]);
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

std::string HexOf(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

// The column list as PostgreSQL has it (the same names and order SQLite's
// migrations give), with the kind of each.
Table Describe(pg::Connection& pg, const std::string& name) {
  Table t;
  t.name = name;
  pg::Rows r = pg.RunOnce(
      "SELECT column_name, data_type FROM information_schema.columns "
      "WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position",
      pg::Params().Add(name));
  for (int i = 0; i < r.size(); ++i) {
    std::string type = r.Text(i, 1);
    Kind k = type == "bigint"             ? Kind::kInt
             : type == "double precision" ? Kind::kReal
             : type == "bytea"            ? Kind::kBytes
                                          : Kind::kText;
    t.columns.push_back({r.Text(i, 0), k});
  }
  t.key = name == "settings"       ? "key"
          : name == "spent_tokens" ? "nonce"
          : name == "jobs"         ? "name"
                                   : "id";
  std::string cols, params, pg_cols;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const Column& c = t.columns[i];
    cols += (i ? ", " : "") + c.name;
    params += fmt::format("{}${}", i ? ", " : "", i + 1);
    // Bytes compare as hex on both sides; everything else as text.
    pg_cols += (i ? ", " : "") +
               (c.kind == Kind::kBytes ? fmt::format("encode({}, 'hex')", c.name) : c.name);
  }
  t.sqlite_page = fmt::format("SELECT {} FROM {} WHERE id > ? ORDER BY id LIMIT ?", cols, name);
  t.sqlite_all = fmt::format("SELECT {} FROM {} ORDER BY {}", cols, name, t.key);
  t.sqlite_count = fmt::format("SELECT count(*) FROM {}", name);
  std::string conflict = name == "settings" ? "(key) DO UPDATE SET value = excluded.value"
                                            : fmt::format("({}) DO NOTHING", t.key);
  t.pg_insert = fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT {}", name, cols, params,
                            conflict);
  std::string sets;
  for (const Column& c : t.columns) {
    if (c.name == t.key) continue;
    sets += fmt::format("{}{} = excluded.{}", sets.empty() ? "" : ", ", c.name, c.name);
  }
  t.pg_upsert = fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}",
                            name, cols, params, t.key, sets);
  t.pg_all = fmt::format("SELECT {} FROM {} ORDER BY {} COLLATE \"C\"", pg_cols, name, t.key);
  if (t.numeric_key()) t.pg_all = fmt::format("SELECT {} FROM {} ORDER BY id", pg_cols, name);
  return t;
}

// One SQLite row as the parameters of the PostgreSQL insert.
pg::Params RowParams(const Table& t, const sqlite::Statement& st) {
  pg::Params p;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    int col = static_cast<int>(i);
    if (st.IsNull(col)) {
      p.AddNull();
      continue;
    }
    switch (t.columns[i].kind) {
      case Kind::kInt: p.Add(st.Int(col)); break;
      case Kind::kReal: p.AddDouble(st.Double(col)); break;
      case Kind::kBytes: p.AddBytes(st.Text(col)); break;
      case Kind::kText: p.Add(st.Text(col)); break;
    }
  }
  return p;
}

// A value in the form both sides hash: integers and reals by their value.
std::string Canonical(Kind kind, std::string_view text) {
  if (kind == Kind::kInt) {
    int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return std::to_string(v);
  }
  if (kind == Kind::kReal) return fmt::format("{}", std::strtod(std::string(text).c_str(), nullptr));
  return std::string(text);
}

// Rows changed in the source after they were copied (a comment moderated, an
// article's count): every source row written again over the target's.
int64_t RefreshTable(const Table& t, sqlite::Connection& src, pg::Connection& dst) {
  int64_t n = 0;
  pg::Transaction tx(dst);
  sqlite::Statement st = src.Prepare(t.sqlite_all.c_str());
  while (st.Step()) {
    dst.Run(t.pg_upsert.c_str(), RowParams(t, st));
    ++n;
  }
  tx.Commit();
  if (t.numeric_key()) {
    dst.RunOnce(fmt::format(
        "SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT max(id) FROM {0})) "
        "WHERE EXISTS (SELECT 1 FROM {0})",
        t.name));
  }
  return n;
}

int64_t CopyTable(const Table& t, sqlite::Connection& src, pg::Connection& dst,
                  const CopyOptions& options, int64_t total) {
  int64_t copied = 0;
  if (!t.numeric_key()) {
    // Small tables keyed by text: all of them, existing rows kept (settings
    // updated from the source).
    pg::Transaction tx(dst);
    sqlite::Statement st = src.Prepare(t.sqlite_all.c_str());
    while (st.Step()) {
      dst.Run(t.pg_insert.c_str(), RowParams(t, st));
      ++copied;
    }
    tx.Commit();
    if (options.progress) options.progress(t.name, copied, total);
    return copied;
  }
  pg::Rows last = dst.RunOnce(fmt::format("SELECT coalesce(max(id), 0), count(*) FROM {}", t.name));
  int64_t after = last.Int(0, 0);
  int64_t done = last.Int(0, 1);
  if (options.progress) options.progress(t.name, done, total);
  for (;;) {
    sqlite::Statement st = src.Prepare(t.sqlite_page.c_str());
    st.Bind(1, after).Bind(2, int64_t{std::max(1, options.batch)});
    pg::Transaction tx(dst);
    int n = 0;
    while (st.Step()) {
      dst.Run(t.pg_insert.c_str(), RowParams(t, st));
      after = st.Int(0);
      ++n;
    }
    tx.Commit();
    if (n == 0) break;
    copied += n;
    done += n;
    if (options.progress) options.progress(t.name, done, total);
  }
  // Identity columns go on after the highest id copied.
  dst.RunOnce(fmt::format(
      "SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT max(id) FROM {0})) "
      "WHERE EXISTS (SELECT 1 FROM {0})",
      t.name));
  return copied;
}

void Verify(const Table& t, sqlite::Connection& src, pg::Connection& dst, TableCopy& out) {
  Sha256 a;
  sqlite::Statement st = src.Prepare(t.sqlite_all.c_str());
  while (st.Step()) {
    ++out.source_rows;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      int col = static_cast<int>(i);
      bool null = st.IsNull(col);
      Kind k = t.columns[i].kind;
      std::string v = null               ? ""
                      : k == Kind::kInt   ? std::to_string(st.Int(col))
                      : k == Kind::kReal  ? fmt::format("{}", st.Double(col))
                      : k == Kind::kBytes ? HexOf(st.Text(col))
                                          : st.Text(col);
      a.Add(null, v);
    }
  }
  out.source_sha256 = a.Hex();
  Sha256 b;
  pg::Rows r = dst.RunOnce(t.pg_all);
  out.target_rows = r.size();
  for (int row = 0; row < r.size(); ++row) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      int col = static_cast<int>(i);
      bool null = r.Null(row, col);
      b.Add(null, null ? "" : Canonical(t.columns[i].kind, r.View(row, col)));
    }
  }
  out.target_sha256 = b.Hex();
}

}  // namespace

Result<std::vector<TableCopy>> CopySqliteToPostgres(const CopyOptions& options) {
  // Both schemas brought up to date by their own stores first.
  {
    auto s = OpenSqliteStore({options.sqlite_path, 1, {}});
    if (!s.ok()) return s.status();
    TRIBUNE_RETURN_IF_ERROR((*s)->Migrate());
    auto p = OpenPostgresStore({options.postgres_url, 1, {}});
    if (!p.ok()) return p.status();
    TRIBUNE_RETURN_IF_ERROR((*p)->Migrate());
  }
  auto src = sqlite::Connection::Open(options.sqlite_path);
  if (!src.ok()) return src.status();
  auto dst = pg::Connection::Open(options.postgres_url);
  if (!dst.ok()) return dst.status();
  std::vector<TableCopy> out;
  try {
    int from = sqlite::CurrentSchemaVersion(**src);
    int to = pg::CurrentSchemaVersion(**dst);
    if (from != to) {
      return InvalidArgument(
          fmt::format("the SQLite file is at schema version {}, PostgreSQL at {}", from, to));
    }
    // Described first, kept whole: the statements' texts must outlive their use.
    std::deque<Table> tables;
    for (const char* name : kTables) tables.push_back(Describe(**dst, name));
    for (const Table& t : tables) {
      sqlite::Statement count = (*src)->Prepare(t.sqlite_count.c_str());
      count.Step();
      TableCopy c;
      c.table = t.name;
      c.copied = CopyTable(t, **src, **dst, options, count.Int(0));
      out.push_back(std::move(c));
    }
    for (size_t i = 0; i < tables.size(); ++i) {
      Verify(tables[i], **src, **dst, out[i]);
      // Rows the source changed after an earlier run copied them: written
      // again, unless the target has rows the source has not (it has been
      // used as a site since: nothing of it is overwritten).
      if (!out[i].matches() && out[i].target_rows <= out[i].source_rows) {
        out[i].refreshed = RefreshTable(tables[i], **src, **dst);
        out[i].source_rows = out[i].target_rows = 0;
        Verify(tables[i], **src, **dst, out[i]);
      }
    }
  } catch (const std::exception& e) {
    return Unavailable(fmt::format("copy interrupted: {}", e.what()));
  }
  return out;
}

}  // namespace tribune::store
