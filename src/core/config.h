// The configuration: one TOML file, validated at start-up. An unknown key, a
// value of the wrong type or outside its range (core/config_ranges.h) stops
// start-up with a message naming the key.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tribune {

struct SiteConfig {
  std::string name = "Tribune Daily";                // shown in the header and feeds
  std::string base_url;                              // absolute links (feeds, API, canonical);
                                                     // empty: see `hosts`, then the listen address
  std::vector<std::string> hosts;                    // without base_url: Host header values
                                                     // ("news.example.org") links may be built from
  std::string language = "en";                      // the default language of pages, feeds and mail
  std::vector<std::string> languages = {"en", "ka", "ru"};  // offered to readers (the switch);
                                                    // each but "en" needs translations/{code}.toml
  std::string translations = "data/i18n";           // where the catalogs are
  std::string policy_note =
      "Dear reader, we welcome your comments. Please express your views on the topic and "
      "be respectful of others.";
  std::string secret;  // HMAC key (hex or text, at least 16 bytes); empty: generated once and
                       // kept in the store
  std::vector<std::string> categories;  // sections editors file articles under, each with its
                                        // front page and feed (/category/{slug}); in nav order
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;                   // 0: one per core
  int read_timeout_ms = 10000;       // a request must arrive whole within this time
  int idle_timeout_ms = 60000;       // keep-alive connections idle longer are closed
  int header_limit = 16 * 1024;      // bytes; larger headers get 431
  int body_limit = 64 * 1024;        // bytes (at most 4 MiB); larger bodies get 413
  std::string access_log = "-";      // "-": standard output, "off": none, else a file path
  std::string static_dir = "web/static";
  // Proxies (addresses or ranges) whose X-Forwarded-For names the reader;
  // from anyone else the header is ignored.
  std::vector<std::string> trusted_proxies;
};

// What operators read of a running node.
struct OpsConfig {
  std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};  // may GET /metrics
  std::string metrics_token;          // or with "Authorization: Bearer TOKEN"; "": no token
};

struct LogConfig {
  std::string format = "text";        // "text" or "json" (one JSON object a line)
  std::string level = "info";         // trace, debug, info, warn, error, critical, off
};

struct StorageConfig {
  std::string db = "tribune.db";     // SQLite file, or a postgresql:// URL
  int read_connections = 4;
  int workers = 4;                   // threads that make database and Redis calls for
                                     // requests, so event loops never wait on them;
                                     // 0: requests call them on the event loop
  int queue = 1024;                  // requests that may wait for a worker; past it: 503
  int audit_days = 365;              // staff actions are kept this long in the audit log
};

struct CommentsConfig {
  int per_page = 20;
  int max_length = 5000;             // characters of the body, after trimming
  bool challenge = true;             // form tokens, proof of work, the "Code" fallback;
                                     // off only for tests, closed intranets and imports
  int dedupe_window_s = 600;         // identical resubmissions within it are one comment
  int min_seconds = 3;               // a post sooner after the form was served is a bot's
  int token_max_age_s = 4 * 3600;    // forms older than this must be sent again
  int pow_bits = 12;                 // proof-of-work difficulty: leading zero bits
  int pow_solutions = 4;             // solutions a post carries
  int edit_window_s = 900;           // authors may edit a comment this long after posting; 0: never
  // Pre-moderation: which comments the filter would publish are held for a
  // moderator instead. "none", "newcomers" (no published comment under their
  // e-mail yet), "everyone", or "wave" (newcomers while a spam wave is on).
  std::string premoderation = "none";
  int reports_to_hold = 3;           // readers (networks) whose reports hold a published comment
  double reports_per_minute = 6;     // reports one network may send, about, in a minute
};

// A site's change to one symbol of the spam symbol table ([spam.scores]:
// `SYMBOL = 2.0` or `SYMBOL = { score = 2.0, group = "contact" }`).
struct SymbolSetting {
  std::optional<double> score;
  std::optional<std::string> group;
};

struct SpamConfig {
  bool enabled = true;
  std::string model = "data/spam/starter.model";  // the model file; word lists beside it
  double hold_at = 1.75;             // verdict score at or above which a comment is held
  double spam_at = 5.0;              // ... marked spam
  double discard_at = 12.0;          // ... discarded (kept, never shown)
  std::string shadow_model;          // a candidate model run beside the real one; its verdict
                                     // is recorded with every comment but decides nothing
  double trust_per_approved = 0.5;   // score taken off per earlier approved comment by the e-mail
  double trust_max = 2.0;            // ... at most
  int trust_days = 180;              // approvals older than this no longer count
  double trust_half_life_days = 60;  // an approval this old counts half; 0: no decay
  // [spam.scores]: changes to data/spam/symbols.toml, the one table of every
  // symbol's score and group (an unknown symbol stops start-up).
  std::map<std::string, SymbolSetting> scores;
};

struct CacheConfig {
  int64_t max_bytes = int64_t{256} << 20;  // rendered pages kept in memory (with their gzip),
                                           // at most this many bytes; the least useful go first
  // Pages a shared cache in front (nginx, a CDN) may keep: the front, article
  // and comment pages carry no per-reader token (the form fetches one when
  // the reader starts to write; without JavaScript, a confirmation step
  // after the first submit gives it) and say "public, s-maxage".
  bool public_pages = false;
  int shared_max_age_s = 5;          // how long a shared cache may serve a page unasked
};

// Several nodes of one site: the state they share (rate limits, sign-in
// limits, the spam-wave signal, form-token claims). Empty url: each node
// keeps its own in memory (right for one node).
struct RedisConfig {
  std::string url;                   // redis://[:PASSWORD@]HOST[:PORT][/DB]
  std::string prefix = "tribune:";   // of every key (several sites on one Redis)
  int nodes = 1;                     // while Redis is unreachable, an event counts this many
                                     // times on the node that sees it
};

struct LimitsConfig {
  double per_prefix_per_minute = 6;  // comments from one /24 or /64
  double per_email_per_minute = 4;
  double per_name_per_minute = 4;
  double per_article_per_minute = 600;
};

struct ApiConfig {
  std::vector<std::string> cors_origins;  // origins whose scripts may read the API ("*": any);
                                          // empty: none (CORS off)
  // Keys the operator issued to API clients, "NAME:SECRET" (a secret of 16
  // bytes or more). A post carrying one (Authorization: Bearer SECRET) that
  // typed the code instead of solving the proof of work is not scored for it.
  std::vector<std::string> keys;
};

// Outgoing mail: readers' confirmations, sign-in links and notifications,
// staff alerts. Sent from the store's outbox with retries.
struct MailConfig {
  std::string smtp_url;               // smtp://HOST[:PORT] or smtps://...; "": nothing is sent
                                      // (mail waits in the outbox)
  std::string from;                   // "Name <address>"; "": the site's name <noreply@its host>
  std::string username, password;     // SMTP AUTH, when the server wants it
  bool starttls = false;              // require STARTTLS on smtp:// (smtps:// is TLS anyway)
  int per_thread_per_day = 10;        // notifications an address gets about one article a day;
                                      // past it they wait for the daily digest
  std::vector<std::string> staff_alerts;  // addresses told when a comment waits for a moderator
  int retry_s = 60;                   // first wait after a failed delivery; doubles each time
  int digest_every_s = 86400;         // how often digests go out
};

// Operators' webhooks: a POST of a JSON event, signed with HMAC-SHA256.
struct WebhooksConfig {
  std::vector<std::string> urls;
  std::string secret;                 // the HMAC key (at least 16 bytes when urls are set)
  std::vector<std::string> events = {"published", "held", "decided"};
};

// Reader accounts and readers' data.
struct AccountsConfig {
  bool enabled = true;                // sign-up and sign-in at /account/...
  int session_days = 30;              // a reader's session lasts this long
  int link_minutes = 30;              // sign-in and confirmation links work this long
  std::string erasure = "anonymise";  // what erasure does to comments: "anonymise" or "remove"
  std::string anonymous_name = "Former reader";  // the name anonymised comments show
};

// How long personal data is kept; the retention job runs hourly in the server.
struct RetentionConfig {
  int addresses_days = 90;            // IP addresses and browsers of comments
  int guest_emails_days = 365;        // e-mail addresses of guests' comments
  int rejected_days = 60;             // the text of comments rejected as spam
  int unconfirmed_days = 7;           // accounts whose address was never confirmed
  int outbox_days = 30;               // mail and webhooks sent (or given up)
};

struct Config {
  SiteConfig site;
  MailConfig mail;
  WebhooksConfig webhooks;
  AccountsConfig accounts;
  RetentionConfig retention;
  ApiConfig api;
  ServerConfig server;
  StorageConfig storage;
  CommentsConfig comments;
  SpamConfig spam;
  LimitsConfig limits;
  CacheConfig cache;
  RedisConfig redis;
  OpsConfig ops;
  LogConfig log;
  bool demo_content = true;          // [demo] seed: fill an empty store with a demo site
};

// Reads and validates `path`. Keys missing from the file keep their defaults.
// Errors: InvalidArgument naming the file, the key and what is wrong.
Result<Config> LoadConfig(const std::string& path);

// The same for TOML `text` (any bytes) read from `source`, the name the
// messages give it.
Result<Config> ParseConfig(std::string_view text, const std::string& source);

// Checks the values of an assembled config (after command-line overrides).
Status ValidateConfig(const Config& config);

}  // namespace tribune
