#include "app/app.h"

#include <fmt/format.h>
#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "app/demo_content.h"
#include "app/logging.h"
#include "comments/comment_service.h"
#include "comments/signer.h"
#include "comments/spam_policy.h"
#include "core/event_loop.h"
#include "core/numbers.h"
#include "core/work_pool.h"
#include "http/server.h"
#include "media/image_upload.h"
#include "moderation/moderation.h"
#include "render/page_cache.h"
#include "store/comment_writer.h"
#include "shared/redis_state.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "web/context.h"
#include "readers/accounts.h"
#include "readers/delivery.h"
#include "readers/notifier.h"
#include "readers/outbox_worker.h"
#include "web/responses.h"
#include "web/router.h"
#include "web/security_headers.h"
#include "web/static_files.h"

namespace tribune::app {
namespace {

// The site's secret: from the config, else generated once and kept in the store.
Result<std::string> SiteSecret(const Config& config, store::Store& store) {
  if (!config.site.secret.empty()) return config.site.secret;
  auto stored = store.GetSetting("secret");
  if (stored.ok()) return stored;
  std::string secret = comments::RandomSecret();
  TRIBUNE_RETURN_IF_ERROR(store.PutSetting("secret", secret));
  return secret;
}

bool SplitListen(const std::string& listen, std::string& host, uint16_t& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::optional<int64_t> p = ParseWhole(std::string_view(listen).substr(colon + 1));
  if (!p || *p > 65535) return false;
  port = static_cast<uint16_t>(*p);
  return true;
}

std::string Authority(const std::string& address, uint16_t port) {
  if (address.find(':') != std::string::npos) return fmt::format("[{}]:{}", address, port);
  return fmt::format("{}:{}", address, port);
}

bool IsWildcard(const std::string& address) { return address == "0.0.0.0" || address == "::"; }

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost";
}

// Without a configured base_url, links point at the listen address when it is
// one address (web/link_base.h); a wildcard address or [site] hosts leave the
// base to each request. Serving beyond this machine that way is warned about.
void FixLinkBase(const Config& config, const std::string& address, uint16_t port,
                 render::SiteInfo& site) {
  if (!site.base_url.empty()) return;
  if (config.site.hosts.empty() && !IsWildcard(address)) {
    site.base_url = "http://" + Authority(address, port);
  }
  if (IsLoopback(address)) return;
  spdlog::warn("serving {} without [site] base_url: feeds, the API and canonical links point at "
               "{}; set base_url to the address readers use",
               Authority(address, port),
               config.site.hosts.empty() ? "the address each reader connected to"
                                         : "the request's Host when [site] hosts lists it");
}

void LogPageCache(const render::PageCache::Stats& s) {
  spdlog::info("page cache: {} pages, {:.1f} of {:.1f} MiB; {} hits, {} misses, {} evictions",
               s.pages, s.bytes / 1048576.0, s.max_bytes / 1048576.0, s.hits, s.misses,
               s.evictions);
}

// Watches for article changes made by other processes (the CLI) and drops
// cached pages when there are any; logs the page cache's counts; forgets
// audit entries older than [storage] audit_days, at start and every hour.
class ChangeWatcher {
 public:
  using ModelChanged = std::function<void()>;
  ChangeWatcher(store::Store& store, render::PageCache& cache, int audit_days,
                ModelChanged model_changed, std::function<void()> every_5s = nullptr)
      : store_(store),
        cache_(cache),
        audit_days_(audit_days),
        model_changed_(std::move(model_changed)),
        every_5s_(std::move(every_5s)) {
    auto m = store_.ArticlesChangeMarker();
    last_ = m.ok() ? *m : 0;
    auto shown = store_.CountArticles({static_cast<int64_t>(std::time(nullptr)), ""});
    shown_ = shown.ok() ? *shown : -1;
    auto v = store_.GetSetting("spam_model_version");
    model_ = v.ok() ? *v : "";
    thread_ = std::thread([this] { Run(); });
  }
  ~ChangeWatcher() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  void Run() {
    std::unique_lock lock(mu_);
    int ticks = 0;
    while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_; })) {
      if (++ticks % 120 == 0) LogCacheStats();  // once a minute
      if (ticks % 10 == 0 && every_5s_) every_5s_();
      if (ticks % 7200 == 1) PruneAudit();       // at start, then once an hour
      auto m = store_.ArticlesChangeMarker();
      // A scheduled article's time came: the articles readers see changed.
      auto shown = store_.CountArticles({static_cast<int64_t>(std::time(nullptr)), ""});
      if ((m.ok() && *m != last_) || (shown.ok() && *shown != shown_)) {
        if (m.ok()) last_ = *m;
        if (shown.ok()) shown_ = *shown;
        cache_.InvalidateAll();
      }
      auto v = store_.GetSetting("spam_model_version");
      if (v.ok() && *v != model_) {
        model_ = *v;
        if (model_changed_) model_changed_();
      }
    }
  }
  void PruneAudit() {
    auto pruned = store_.PruneAudit(std::time(nullptr) - int64_t{audit_days_} * 86400);
    if (!pruned.ok()) {
      // The store has told the operator, once, that its writes fail
      // (IncidentLog): this is one of the consequences, not a second error.
      spdlog::warn("audit log: old entries not forgotten: {}", pruned.status().message());
    } else if (*pruned > 0) {
      spdlog::info("audit log: {} entries older than {} days forgotten", *pruned, audit_days_);
    }
  }
  void LogCacheStats() {
    render::PageCache::Stats s = cache_.stats();
    if (s.hits == logged_.hits && s.misses == logged_.misses) return;
    logged_ = s;
    LogPageCache(s);
  }
  store::Store& store_;
  render::PageCache& cache_;
  int audit_days_;
  render::PageCache::Stats logged_;
  ModelChanged model_changed_;
  std::function<void()> every_5s_;
  int64_t last_ = 0;
  int64_t shown_ = -1;  // articles readers saw at the last look
  std::string model_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// What /metrics shows besides the requests (web::Metrics counts those).
void RegisterMetrics(web::Metrics& m, store::Store& store, render::PageCache& cache,
                     const comments::CommentService& comments) {
  for (auto status : {site::CommentStatus::kPublished, site::CommentStatus::kHeld,
                      site::CommentStatus::kSpam, site::CommentStatus::kDeleted}) {
    m.Add("tribune_comments_stored_total", "counter",
          "New comments stored since start, by the status the filter gave them.",
          fmt::format("status=\"{}\"", site::StatusName(status)),
          [&comments, status] { return double(comments.stored(status)); });
  }
  m.Add("tribune_moderation_queue", "gauge",
        "Comments held for a moderator (counted up to 10000).", "", [&store] {
          auto held = store.ListHeldComments(10000);
          return held.ok() ? double(held->size()) : -1.0;
        });
  m.AddHistogram("tribune_spam_check_seconds", "Time the spam engine took over a comment.",
                 &comments.screen_seconds());
  using S = render::PageCache::Stats;
  auto cache_value = [&cache](double (*pick)(const S&)) {
    return [&cache, pick] { return pick(cache.stats()); };
  };
  m.Add("tribune_page_cache_hits_total", "counter", "Pages served from the page cache.", "",
        cache_value([](const S& s) { return double(s.hits); }));
  m.Add("tribune_page_cache_misses_total", "counter", "Pages rendered because none was cached.",
        "", cache_value([](const S& s) { return double(s.misses); }));
  m.Add("tribune_page_cache_evictions_total", "counter",
        "Pages dropped to keep within [cache] max_bytes.", "",
        cache_value([](const S& s) { return double(s.evictions); }));
  m.Add("tribune_page_cache_bytes", "gauge", "Bytes the cached pages take.", "",
        cache_value([](const S& s) { return double(s.bytes); }));
  m.Add("tribune_page_cache_pages", "gauge", "Pages in the page cache.", "",
        cache_value([](const S& s) { return double(s.pages); }));
  m.Add("tribune_db_pool_connections", "gauge", "Database connections of this node.", "",
        [&store] { return double(store.Pool().size); });
  m.Add("tribune_db_pool_in_use", "gauge", "Database connections running a call now.", "",
        [&store] { return double(store.Pool().in_use); });
}

// The work pool and what event loops waited on (none, when all is well).
void RegisterWorkMetrics(web::Metrics& m, const WorkPool& work) {
  m.Add("tribune_work_queue", "gauge", "Requests waiting for a worker ([storage] workers).", "",
        [&work] { return double(work.stats().queued); });
  m.Add("tribune_work_running", "gauge", "Requests a worker is running now.", "",
        [&work] { return double(work.stats().running); });
  m.Add("tribune_work_refused_total", "counter",
        "Requests answered 503 because the workers' queue was full ([storage] queue).", "",
        [&work] { return double(work.stats().refused); });
  m.AddHistogram("tribune_work_wait_seconds", "Time requests waited for a worker.", &work.waits());
}

void RegisterBlockingMetrics(web::Metrics& m) {
  for (auto [kind, name] : {std::pair{BlockingCall::kDatabase, "database"},
                            std::pair{BlockingCall::kRedis, "redis"}}) {
    m.Add("tribune_blocking_calls_on_event_loop_total", "counter",
          "Database and Redis calls made on an event-loop thread (0 unless [storage] workers = 0).",
          fmt::format("kind=\"{}\"", name),
          [kind = kind] { return double(BlockingCallsOnEventLoop(kind)); });
  }
}

}  // namespace

Result<std::unique_ptr<store::Store>> OpenStore(const Config& config,
                                                IncidentLog::Line failure_log) {
  if (store::IsPostgresUrl(config.storage.db)) {
    // The pool: the readers plus one for the comment writer's batches.
    auto s = store::OpenPostgresStore(
        {config.storage.db, config.storage.read_connections + 1, std::move(failure_log)});
    if (!s.ok()) return s.status();
    TRIBUNE_RETURN_IF_ERROR((*s)->Migrate());
    return s;
  }
  std::filesystem::path db(config.storage.db);
  if (db.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(db.parent_path(), ec);
  }
  auto s = store::OpenSqliteStore(
      {config.storage.db, config.storage.read_connections, std::move(failure_log)});
  if (!s.ok()) return s.status();
  TRIBUNE_RETURN_IF_ERROR((*s)->Migrate());
  return s;
}

std::string ResolveShipped(const std::string& path) {
  // Relative paths are tried against the working directory first, then
  // against the source tree this binary was built from (so `tribune serve`
  // works from any directory of a checkout).
  std::filesystem::path p(path);
  if (p.is_absolute() || std::filesystem::exists(p)) return path;
  std::filesystem::path shipped = std::filesystem::path(TRIBUNE_SOURCE_DIR) / p;
  return std::filesystem::exists(shipped) ? shipped.string() : path;
}

Config WithShippedPaths(Config config) {
  config.spam.model = ResolveShipped(config.spam.model);
  if (!config.spam.shadow_model.empty()) {
    config.spam.shadow_model = ResolveShipped(config.spam.shadow_model);
  }
  config.server.static_dir = ResolveShipped(config.server.static_dir);
  config.site.translations = ResolveShipped(config.site.translations);
  return config;
}

int Serve(const Config& given) {
  const Config config = WithShippedPaths(given);
  ConfigureLogging(config.log);
  // Signals are taken by a thread of our own, so every other thread must block them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  auto opened = OpenStore(config, [](bool error, const std::string& text) {
    if (error) {
      spdlog::error("{}", text);
    } else {
      spdlog::info("{}", text);
    }
  });
  if (!opened.ok()) {
    spdlog::critical("{}", opened.status().message());
    return 1;
  }
  std::unique_ptr<store::Store> store = std::move(opened).value();
  for (const std::string& file : store::IsPostgresUrl(config.storage.db)
                                     ? std::vector<std::string>()
                                     : store::ExposedDatabaseFiles(config.storage.db)) {
    spdlog::warn("the database file {} can be read by other users of this machine; it holds the "
                 "site's secret, password hashes and readers' addresses: chmod 600 it",
                 file);
  }
  auto secret = SiteSecret(config, *store);
  if (!secret.ok()) {
    spdlog::critical("cannot read or keep the site secret: {}", secret.status().message());
    return 1;
  }
  if (config.demo_content) {
    Status st = SeedDemoContent(*store, *secret);
    if (!st.ok()) spdlog::warn("demo content not written: {}", st.message());
  }
  if (!config.comments.challenge) {
    spdlog::warn("the comment challenge is OFF ([comments] challenge = false): no form tokens, "
                 "proof of work or codes; use this only for tests, closed intranets and imports");
  }

  if (auto symbols = comments::SymbolsFor(config); !symbols.ok()) {
    spdlog::critical("{}", symbols.status().message());
    return 1;
  }
  std::shared_ptr<const spam::Engine> engine;
  if (config.spam.enabled) {
    auto loaded = moderation::LoadSiteEngine(config, *store);
    if (!loaded.ok()) {
      spdlog::critical("key 'spam.model': {}", loaded.status().message());
      return 1;
    }
    engine = std::move(loaded).value();
    spdlog::info("spam engine: model {}", engine->model_version());
  } else {
    spdlog::warn("the spam engine is OFF ([spam] enabled = false): comments are not screened");
  }

  render::PageCache cache(config.cache.max_bytes);
  store::CommentWriter writer(*store, [&cache](const std::vector<int64_t>& articles) {
    for (int64_t id : articles) cache.Invalidate(id);
    cache.Invalidate(render::PageCache::kSiteScope);  // the front page shows comment counts
  });
  // Other nodes' comments and decisions (a shared PostgreSQL): their pages go too.
  std::unique_ptr<store::ChangeFeed::Subscription> feed =
      store->Subscribe([&cache](int64_t article_id) {
        if (article_id == 0) {
          cache.InvalidateAll();
          return;
        }
        cache.Invalidate(article_id);
        cache.Invalidate(render::PageCache::kSiteScope);
      });
  std::unique_ptr<shared::RedisState> redis;
  if (!config.redis.url.empty()) {
    auto made = shared::RedisState::Create({config.redis.url, config.redis.prefix});
    if (!made.ok()) {
      spdlog::critical("key 'redis.url': {}", made.status().message());
      return 1;
    }
    redis = std::move(made).value();
    if (!redis->reachable()) {
      spdlog::warn("Redis at {} cannot be reached yet: limits are counted on this node alone "
                   "(each event {} times) until it can",
                   config.redis.url, config.redis.nodes);
    }
  }
  comments::Signer signer(*secret);
  comments::CommentService comments(config, {*store, *store, *store, *store, *store, store.get()},
                                    writer, signer, engine);
  if (config.spam.enabled && !config.spam.shadow_model.empty()) {
    auto shadow = moderation::LoadModelFile(config, config.spam.shadow_model);
    if (!shadow.ok()) {
      spdlog::critical("key 'spam.shadow_model': {}", shadow.status().message());
      return 1;
    }
    spdlog::info("spam engine: model {} runs in shadow", (*shadow)->model_version());
    comments.SetShadowEngine(std::move(shadow).value());
  }
  web::StaticFiles static_files(config.server.static_dir);
  std::string base = config.site.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  moderation::NewsroomDesk newsroom(config, *store, signer, comments);
  if (redis) {
    comments.ShareState(redis.get(), config.redis.nodes);
    newsroom.ShareState(redis.get(), config.redis.nodes);
  }
  if (Status w = newsroom.ReloadWordLists(); !w.ok()) spdlog::error("word lists: {}", w.message());
  auto client_address = web::ClientAddress::Make(config.server.trusted_proxies);
  if (!client_address.ok()) {
    spdlog::critical("{}", client_address.status().message());
    return 1;
  }
  web::Operations ops;
  if (Status st = web::ParseAllowList(config.ops.metrics_allow, &ops.metrics_allow); !st.ok()) {
    spdlog::critical("{}", st.message());
    return 1;
  }
  ops.metrics_token = config.ops.metrics_token;
  const int schema = store->SchemaVersion().ok() ? *store->SchemaVersion() : 0;
  ops.problems = [&store = *store, &redis, schema] {
    std::vector<std::string> problems;
    auto v = store.SchemaVersion();
    if (!v.ok()) {
      problems.push_back("database: " + v.status().message());
    } else if (*v != schema) {
      problems.push_back(fmt::format("database: schema version {}, this node runs {}", *v, schema));
    }
    if (redis && !redis->reachable()) problems.push_back("redis: not reachable");
    return problems;
  };
  // Requests' database and Redis calls: on these threads, never on an event loop.
  std::optional<WorkPool> work;
  if (config.storage.workers > 0) {
    work.emplace(config.storage.workers, static_cast<size_t>(config.storage.queue));
  }
  RegisterMetrics(ops.metrics, *store, cache, comments);
  RegisterBlockingMetrics(ops.metrics);
  ops.metrics.Add("tribune_lessons_owed", "gauge",
                  "Moderators' lessons whose model save failed, kept to save again.", "",
                  [&newsroom] { return double(newsroom.owed_lessons()); });
  if (work) RegisterWorkMetrics(ops.metrics, *work);
  // The interface's languages: the site's own first, then the others offered.
  std::vector<std::string> codes = {config.site.language};
  for (const std::string& code : config.site.languages) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  auto languages = i18n::Languages::Load(config.site.translations, codes);
  if (!languages.ok()) {
    spdlog::critical("key 'site.languages': {}", languages.status().message());
    return 1;
  }
  // Readers: accounts, and the outbox that mails them and calls webhooks.
  readers::InitDelivery();
  // Mail speaks the site's language.
  readers::Notifier notifier(config, {*store, *store, *store, *store}, signer,
                             (*languages)->Default());
  readers::Accounts accounts(config, {*store, *store, *store}, signer, notifier);
  readers::OutboxWorker outbox(config, {*store, *store, *store}, notifier);
  ops.metrics.Add("tribune_outbox_delivered_total", "counter",
                  "Mails and webhooks delivered by this node.", "",
                  [&outbox] { return double(outbox.sent()); });
  ops.metrics.Add("tribune_outbox_failed_total", "counter",
                  "Mails and webhooks given up by this node.", "",
                  [&outbox] { return double(outbox.failed()); });
  ops.metrics.Add("tribune_outbox_retries_total", "counter",
                  "Deliveries that failed and were scheduled again by this node.", "",
                  [&outbox] { return double(outbox.retried()); });
  ops.metrics.Add("tribune_outbox_pending", "gauge",
                  "Mails, webhooks and events waiting in the outbox (every node's).", "",
                  [&store = *store] {
                    auto b = store.OutboxBacklog();
                    return b.ok() ? double(b->pending) : -1.0;
                  });
  web::Context ctx{config,
                   {config.site.name, base, config.site.language, config.site.policy_note,
                    config.site.categories},
                   *store, *store, *store, *store, cache, signer, comments, static_files,
                   newsroom, &*client_address, &ops, store.get(), work ? &*work : nullptr,
                   store.get(), config.accounts.enabled ? &accounts : nullptr, store.get(),
                   store.get(), languages->get()};
  ctx.site.lang = &(*languages)->Default();
  ctx.site.languages = languages->get();

  http::ServerOptions options;
  if (!SplitListen(config.server.listen, options.address, options.port)) {
    spdlog::critical("key 'server.listen': '{}' is not ADDRESS:PORT", config.server.listen);
    return 1;
  }
  options.threads = config.server.threads > 0
                        ? config.server.threads
                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.read_timeout_ms = config.server.read_timeout_ms;
  options.idle_timeout_ms = config.server.idle_timeout_ms;
  options.header_limit = static_cast<size_t>(config.server.header_limit);
  options.body_limit = static_cast<size_t>(config.server.body_limit);
  // Image uploads are larger than any form: the file and the form around it.
  options.larger_bodies = {{"/newsroom/images", media::kMaxUploadBytes + (64 << 10)}};
  options.finish = web::AddSecurityHeaders;
  options.error_page = web::ServerError;
  std::shared_ptr<spdlog::logger> access_log;
  try {
    access_log = AccessLogger(config.server.access_log);
  } catch (const spdlog::spdlog_ex& e) {
    spdlog::critical("key 'server.access_log': {}", e.what());
    return 1;
  }
  const bool json_logs = config.log.format == "json";
  options.access_log = [log = access_log, &ops, json_logs](const http::AccessRecord& r) {
    ops.metrics.Record(r.method, r.target, r.status, r.micros);
    if (log) LogAccess(*log, r, json_logs);
  };
  http::Server server(options, web::MakeRouter(ctx));
  Status st = server.Listen();
  if (!st.ok()) {
    spdlog::critical("{}", st.message());
    return 1;
  }
  // Stopped before logging shuts down: a model reload in flight logs when it is done.
  std::optional<ChangeWatcher> watcher;
  auto reload_engine = [&] {
    auto reloaded = moderation::LoadSiteEngine(config, *store);
    if (!reloaded.ok()) {
      spdlog::error("the new spam model could not be loaded: {}", reloaded.status().message());
      return;
    }
    if (comments.engine_version() == (*reloaded)->model_version()) return;
    spdlog::info("spam engine: now model {}", (*reloaded)->model_version());
    comments.SetEngine(std::move(reloaded).value());
  };
  watcher.emplace(
      *store, cache, config.storage.audit_days,
      [&] {
        if (!config.spam.enabled) return;
        // In turn with the newsroom's decisions (see NewsroomDesk::WithModelLock).
        newsroom.WithModelLock(reload_engine);
      },
      [&] {
        // Lessons whose model save failed: saved once the database answers.
        Status st = newsroom.SaveOwedLessons(std::time(nullptr));
        if (!st.ok()) spdlog::warn("owed lessons: {}", st.message());
        // Word lists another node saved.
        if (Status w = newsroom.ReloadWordLists(); !w.ok()) spdlog::warn("word lists: {}", w.message());
      });
  FixLinkBase(config, options.address, server.port(), ctx.site);
  if (!ctx.site.base_url.empty()) notifier.SetBase(ctx.site.base_url);
  outbox.Start();
  spdlog::info("Tribune is serving http://{}/ with {} threads (database {})",
               Authority(options.address, server.port()), options.threads,
               store::IsPostgresUrl(config.storage.db) ? store::PostgresDisplayName(config.storage.db)
                                                      : config.storage.db);

  std::thread signal_thread([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {}: finishing in-flight requests, then stopping", sig);
    server.Stop();
  });
  server.Run();
  if (work) work->Stop();  // every request is answered by now
  outbox.Stop();  // an item in flight is finished; the rest wait in the store
  watcher.reset();
  newsroom.Stop();  // its last tasks may log
  writer.Stop();  // every acknowledged comment is already durable; this drains the rest
  if (signal_thread.joinable()) {
    // Run() can only return after Stop(), which the signal thread called.
    signal_thread.join();
  }
  LogPageCache(cache.stats());
  spdlog::info("stopped cleanly");
  spdlog::shutdown();
  return 0;
}

}  // namespace tribune::app
