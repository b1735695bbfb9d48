#include "core/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <toml++/toml.h>

#include "core/config_ranges.h"
#include "core/numbers.h"
#include "core/toml_depth.h"

namespace tribune {
namespace {

// Far more than any key of the configuration has, far fewer than would
// exhaust toml++'s stack (it recurses once per part; tens of thousands do).
constexpr size_t kMaxKeyParts = 64;

// Checked before an integer is narrowed to its field: against the key's
// range, or at least against what an int holds.
Status FitsIntKey(const std::string& key, int64_t v) {
  if (const NumericRange* range = RangeOf(key)) {
    return CheckRange(*range, static_cast<double>(v), std::to_string(v));
  }
  using Limits = std::numeric_limits<int>;
  if (v >= Limits::min() && v <= Limits::max()) return Status::Ok();
  return InvalidArgument(fmt::format("key '{}' must be between {} and {}, not {}", key,
                                     Limits::min(), Limits::max(), v));
}

// A 64-bit key is checked against its range (every such key has one).
Status FitsInt64Key(const std::string& key, int64_t v) {
  const NumericRange* range = RangeOf(key);
  if (!range) return Status::Ok();
  return CheckRange(*range, static_cast<double>(v), std::to_string(v));
}

// Reads an array of strings.
Status BindStrings(const toml::node& node, const std::string& key, std::vector<std::string>& out) {
  const toml::array* array = node.as_array();
  std::vector<std::string> values;
  for (size_t i = 0; array && i < array->size(); ++i) {
    auto v = array->get(i)->value_exact<std::string>();
    if (!v) break;
    values.push_back(*v);
  }
  if (!array || values.size() != array->size()) {
    return InvalidArgument(fmt::format("key '{}' must be an array of strings", key));
  }
  out = std::move(values);
  return Status::Ok();
}

// A binder knows how to read one key into its field.
using Binder = std::function<Status(const toml::node&, const std::string& key)>;

// [spam.scores]: SYMBOL = number, or SYMBOL = { score = number, group = "name" }.
// Whether each symbol exists is checked against the symbol table at start-up.
Status ReadSymbolSetting(const toml::node& node, const std::string& key, SymbolSetting* out) {
  if (auto v = node.value<double>()) {
    out->score = *v;
    return Status::Ok();
  }
  const toml::table* t = node.as_table();
  if (!t) return InvalidArgument(fmt::format("key '{}' must be a number or {{ score, group }}", key));
  for (const auto& [k, v] : *t) {
    std::string field(k.str());
    if (field == "score" && v.value<double>()) {
      out->score = *v.value<double>();
    } else if (field == "group" && v.value_exact<std::string>()) {
      out->group = *v.value_exact<std::string>();
    } else {
      return InvalidArgument(fmt::format(
          "key '{}.{}': a symbol takes 'score' (a number) and 'group' (a string)", key, field));
    }
  }
  return Status::Ok();
}

Binder BindScores(std::map<std::string, SymbolSetting>* scores) {
  return [scores](const toml::node& node, const std::string& key) -> Status {
    const toml::table* t = node.as_table();
    if (!t) return InvalidArgument(fmt::format("key '{}' must be a table of symbols", key));
    for (const auto& [symbol, value] : *t) {
      std::string name(symbol.str());
      SymbolSetting setting;
      TRIBUNE_RETURN_IF_ERROR(ReadSymbolSetting(value, key + "." + name, &setting));
      (*scores)[name] = setting;
    }
    return Status::Ok();
  };
}

template <typename T>
Binder Bind(T* field) {
  return [field](const toml::node& node, const std::string& key) -> Status {
    if constexpr (std::is_same_v<T, bool>) {
      if (auto v = node.value_exact<bool>()) {
        *field = *v;
        return Status::Ok();
      }
      return InvalidArgument(fmt::format("key '{}' must be true or false", key));
    } else if constexpr (std::is_same_v<T, double>) {
      if (auto v = node.value<double>()) {
        if (const NumericRange* range = RangeOf(key)) {
          TRIBUNE_RETURN_IF_ERROR(CheckRange(*range, *v, fmt::format("{}", *v)));
        }
        *field = *v;
        return Status::Ok();
      }
      return InvalidArgument(fmt::format("key '{}' must be a number", key));
    } else if constexpr (std::is_same_v<T, int>) {
      if (auto v = node.value_exact<int64_t>()) {
        TRIBUNE_RETURN_IF_ERROR(FitsIntKey(key, *v));
        *field = static_cast<int>(*v);
        return Status::Ok();
      }
      return InvalidArgument(fmt::format("key '{}' must be an integer", key));
    } else if constexpr (std::is_same_v<T, int64_t>) {
      if (auto v = node.value_exact<int64_t>()) {
        TRIBUNE_RETURN_IF_ERROR(FitsInt64Key(key, *v));
        *field = *v;
        return Status::Ok();
      }
      return InvalidArgument(fmt::format("key '{}' must be an integer", key));
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      return BindStrings(node, key, *field);
    } else {
      if (auto v = node.value_exact<std::string>()) {
        *field = *v;
        return Status::Ok();
      }
      return InvalidArgument(fmt::format("key '{}' must be a string", key));
    }
  };
}

std::map<std::string, Binder> Binders(Config& c) {
  return {
      {"site.name", Bind(&c.site.name)},
      {"site.base_url", Bind(&c.site.base_url)},
      {"site.language", Bind(&c.site.language)},
      {"site.languages", Bind(&c.site.languages)},
      {"site.translations", Bind(&c.site.translations)},
      {"site.policy_note", Bind(&c.site.policy_note)},
      {"site.secret", Bind(&c.site.secret)},
      {"site.hosts", Bind(&c.site.hosts)},
      {"site.categories", Bind(&c.site.categories)},
      {"api.cors_origins", Bind(&c.api.cors_origins)},
      {"api.keys", Bind(&c.api.keys)},
      {"server.listen", Bind(&c.server.listen)},
      {"server.threads", Bind(&c.server.threads)},
      {"server.read_timeout_ms", Bind(&c.server.read_timeout_ms)},
      {"server.idle_timeout_ms", Bind(&c.server.idle_timeout_ms)},
      {"server.header_limit", Bind(&c.server.header_limit)},
      {"server.body_limit", Bind(&c.server.body_limit)},
      {"server.access_log", Bind(&c.server.access_log)},
      {"server.static_dir", Bind(&c.server.static_dir)},
      {"storage.db", Bind(&c.storage.db)},
      {"storage.read_connections", Bind(&c.storage.read_connections)},
      {"storage.workers", Bind(&c.storage.workers)},
      {"storage.queue", Bind(&c.storage.queue)},
      {"storage.audit_days", Bind(&c.storage.audit_days)},
      {"comments.per_page", Bind(&c.comments.per_page)},
      {"comments.max_length", Bind(&c.comments.max_length)},
      {"comments.challenge", Bind(&c.comments.challenge)},
      {"comments.dedupe_window_s", Bind(&c.comments.dedupe_window_s)},
      {"comments.min_seconds", Bind(&c.comments.min_seconds)},
      {"comments.token_max_age_s", Bind(&c.comments.token_max_age_s)},
      {"comments.pow_bits", Bind(&c.comments.pow_bits)},
      {"comments.pow_solutions", Bind(&c.comments.pow_solutions)},
      {"comments.edit_window_s", Bind(&c.comments.edit_window_s)},
      {"comments.premoderation", Bind(&c.comments.premoderation)},
      {"comments.reports_to_hold", Bind(&c.comments.reports_to_hold)},
      {"comments.reports_per_minute", Bind(&c.comments.reports_per_minute)},
      {"spam.scores", BindScores(&c.spam.scores)},
      {"spam.enabled", Bind(&c.spam.enabled)},
      {"spam.model", Bind(&c.spam.model)},
      {"spam.hold_at", Bind(&c.spam.hold_at)},
      {"spam.spam_at", Bind(&c.spam.spam_at)},
      {"spam.discard_at", Bind(&c.spam.discard_at)},
      {"spam.shadow_model", Bind(&c.spam.shadow_model)},
      {"spam.trust_per_approved", Bind(&c.spam.trust_per_approved)},
      {"spam.trust_max", Bind(&c.spam.trust_max)},
      {"spam.trust_days", Bind(&c.spam.trust_days)},
      {"spam.trust_half_life_days", Bind(&c.spam.trust_half_life_days)},
      {"limits.per_prefix_per_minute", Bind(&c.limits.per_prefix_per_minute)},
      {"limits.per_email_per_minute", Bind(&c.limits.per_email_per_minute)},
      {"limits.per_name_per_minute", Bind(&c.limits.per_name_per_minute)},
      {"limits.per_article_per_minute", Bind(&c.limits.per_article_per_minute)},
      {"cache.max_bytes", Bind(&c.cache.max_bytes)},
      {"cache.public_pages", Bind(&c.cache.public_pages)},
      {"cache.shared_max_age_s", Bind(&c.cache.shared_max_age_s)},
      {"redis.url", Bind(&c.redis.url)},
      {"server.trusted_proxies", Bind(&c.server.trusted_proxies)},
      {"ops.metrics_allow", Bind(&c.ops.metrics_allow)},
      {"ops.metrics_token", Bind(&c.ops.metrics_token)},
      {"log.format", Bind(&c.log.format)},
      {"log.level", Bind(&c.log.level)},
      {"redis.prefix", Bind(&c.redis.prefix)},
      {"redis.nodes", Bind(&c.redis.nodes)},
      {"demo.seed", Bind(&c.demo_content)},
      {"mail.smtp_url", Bind(&c.mail.smtp_url)},
      {"mail.from", Bind(&c.mail.from)},
      {"mail.username", Bind(&c.mail.username)},
      {"mail.password", Bind(&c.mail.password)},
      {"mail.starttls", Bind(&c.mail.starttls)},
      {"mail.per_thread_per_day", Bind(&c.mail.per_thread_per_day)},
      {"mail.staff_alerts", Bind(&c.mail.staff_alerts)},
      {"mail.retry_s", Bind(&c.mail.retry_s)},
      {"mail.digest_every_s", Bind(&c.mail.digest_every_s)},
      {"webhooks.urls", Bind(&c.webhooks.urls)},
      {"webhooks.secret", Bind(&c.webhooks.secret)},
      {"webhooks.events", Bind(&c.webhooks.events)},
      {"accounts.enabled", Bind(&c.accounts.enabled)},
      {"accounts.session_days", Bind(&c.accounts.session_days)},
      {"accounts.link_minutes", Bind(&c.accounts.link_minutes)},
      {"accounts.erasure", Bind(&c.accounts.erasure)},
      {"accounts.anonymous_name", Bind(&c.accounts.anonymous_name)},
      {"retention.addresses_days", Bind(&c.retention.addresses_days)},
      {"retention.guest_emails_days", Bind(&c.retention.guest_emails_days)},
      {"retention.rejected_days", Bind(&c.retention.rejected_days)},
      {"retention.unconfirmed_days", Bind(&c.retention.unconfirmed_days)},
      {"retention.outbox_days", Bind(&c.retention.outbox_days)},
  };
}

Status Walk(const toml::table& table, const std::string& prefix,
            const std::map<std::string, Binder>& binders) {
  for (const auto& [k, node] : table) {
    std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    auto it = binders.find(key);
    if (const toml::table* sub = node.as_table(); sub && it == binders.end()) {
      TRIBUNE_RETURN_IF_ERROR(Walk(*sub, key, binders));
      continue;
    }
    if (it == binders.end()) return InvalidArgument(fmt::format("unknown key '{}'", key));
    TRIBUNE_RETURN_IF_ERROR(it->second(node, key));
  }
  return Status::Ok();
}

Status CheckNumericRanges(const Config& c) {
  for (const NumericRange& range : NumericRanges()) {
    double v = range.read(c);
    TRIBUNE_RETURN_IF_ERROR(CheckRange(range, v, fmt::format("{}", v)));
  }
  return Status::Ok();
}

Status CheckListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  std::optional<int64_t> port =
      colon == std::string::npos ? std::nullopt : ParseWhole(listen.substr(colon + 1));
  if (colon == 0 || !port || *port > 65535) {
    return InvalidArgument(fmt::format(
        "key 'server.listen' must be ADDRESS:PORT with a port from 0 to 65535, not '{}'", listen));
  }
  return Status::Ok();
}

Status CheckSecret(const std::string& secret) {
  if (secret.empty() || secret.size() >= kMinSecretBytes) return Status::Ok();
  return InvalidArgument(fmt::format(
      "key 'site.secret' must be at least {} bytes (it signs sessions and form tokens; 64 hex "
      "digits are best), not {}; leave it out to have one generated",
      kMinSecretBytes, secret.size()));
}

// A host as a Host header carries it: a name or address and an optional port,
// nothing that could end or extend a URL's authority.
bool IsHostAndPort(std::string_view host) {
  return !host.empty() && host.find_first_of("/?#@\\ \t\r\n") == std::string_view::npos;
}

// "http://" or "https://", a host, and (when `path_allowed`) a path.
bool IsHttpUrl(std::string_view url, bool path_allowed) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.substr(0, scheme.size()) != scheme) continue;
    std::string_view rest = url.substr(scheme.size());
    size_t slash = rest.find('/');
    return IsHostAndPort(rest.substr(0, slash)) && (path_allowed || slash == rest.npos);
  }
  return false;
}

Status CheckLanguages(const Config& c) {
  auto code_ok = [](const std::string& code) {
    return code.size() >= 2 && code.size() <= 8 &&
           std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  };
  if (!code_ok(c.site.language)) {
    return InvalidArgument("key 'site.language' must be a language code such as \"en\" or \"ka\"");
  }
  for (const std::string& code : c.site.languages) {
    if (!code_ok(code)) {
      return InvalidArgument(fmt::format(
          "key 'site.languages' must list language codes such as \"ka\", not '{}'", code.substr(0, 20)));
    }
  }
  return Status::Ok();
}

Status CheckMailAndHooks(const Config& c) {
  const std::string& smtp = c.mail.smtp_url;
  if (!smtp.empty() && !smtp.starts_with("smtp://") && !smtp.starts_with("smtps://")) {
    return InvalidArgument("key 'mail.smtp_url' must start with smtp:// or smtps://");
  }
  if (c.mail.from.find_first_of("\r\n") != std::string::npos ||
      (!c.mail.from.empty() && c.mail.from.find('@') == std::string::npos)) {
    return InvalidArgument("key 'mail.from' must be one line with an address, as "
                           "\"Name <news@example.com>\"");
  }
  for (const std::string& a : c.mail.staff_alerts) {
    if (a.find('@') == std::string::npos || a.find_first_of(" <>\r\n,") != std::string::npos) {
      return InvalidArgument("key 'mail.staff_alerts' must list plain e-mail addresses");
    }
  }
  for (const std::string& url : c.webhooks.urls) {
    if (!IsHttpUrl(url, true)) {
      return InvalidArgument(fmt::format(
          "key 'webhooks.urls' must list http:// or https:// URLs, not '{}'", url.substr(0, 80)));
    }
  }
  if (!c.webhooks.urls.empty() && c.webhooks.secret.size() < kMinSecretBytes) {
    return InvalidArgument(fmt::format(
        "key 'webhooks.secret' must be at least {} bytes when 'webhooks.urls' is set: receivers "
        "check each event's signature with it", kMinSecretBytes));
  }
  for (const std::string& e : c.webhooks.events) {
    if (e != "published" && e != "held" && e != "spam" && e != "decided") {
      return InvalidArgument(fmt::format(
          "key 'webhooks.events' may list published, held, spam and decided, not '{}'",
          e.substr(0, 40)));
    }
  }
  if (c.accounts.erasure != "anonymise" && c.accounts.erasure != "remove") {
    return InvalidArgument("key 'accounts.erasure' must be \"anonymise\" or \"remove\"");
  }
  if (c.accounts.anonymous_name.empty() || c.accounts.anonymous_name.size() > 60) {
    return InvalidArgument("key 'accounts.anonymous_name' must be 1 to 60 bytes");
  }
  return Status::Ok();
}

Status CheckLinks(const Config& c) {
  if (!c.site.base_url.empty() && !IsHttpUrl(c.site.base_url, true)) {
    return InvalidArgument(fmt::format(
        "key 'site.base_url' must start with http:// or https:// and a host, not '{}'",
        c.site.base_url));
  }
  for (const std::string& host : c.site.hosts) {
    if (!IsHostAndPort(host)) {
      return InvalidArgument(fmt::format(
          "key 'site.hosts' must list host names with an optional port, not '{}'", host));
    }
  }
  for (const std::string& key : c.api.keys) {
    size_t colon = key.find(':');
    if (colon == 0 || colon == std::string::npos || key.size() - colon - 1 < kMinSecretBytes) {
      return InvalidArgument(fmt::format(
          "key 'api.keys' must list \"NAME:SECRET\" with a secret of at least {} bytes",
          kMinSecretBytes));
    }
  }
  for (size_t i = 0; i < c.site.categories.size(); ++i) {
    const std::string& name = c.site.categories[i];
    bool letters = std::any_of(name.begin(), name.end(),
                               [](unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; });
    if (!letters || name.size() > 60 ||
        std::find(c.site.categories.begin(), c.site.categories.begin() + i, name) !=
            c.site.categories.begin() + i) {
      return InvalidArgument(fmt::format(
          "key 'site.categories' must list distinct names of 1 to 60 bytes with letters or "
          "digits, not '{}'",
          name));
    }
  }
  for (const std::string& origin : c.api.cors_origins) {
    if (origin != "*" && !IsHttpUrl(origin, false)) {
      return InvalidArgument(fmt::format(
          "key 'api.cors_origins' must list \"*\" or origins such as \"https://example.org\" "
          "(no path, no trailing slash), not '{}'",
          origin));
    }
  }
  return Status::Ok();
}

// The config a parsed table holds; messages name `source`.
Result<Config> FromTable(const toml::table& table, const std::string& source) {
  Config config;
  Status st = Walk(table, "", Binders(config));
  if (!st.ok()) return InvalidArgument(fmt::format("{}: {}", source, st.message()));
  st = ValidateConfig(config);
  if (!st.ok()) return InvalidArgument(fmt::format("{}: {}", source, st.message()));
  return config;
}

Status ParseError(const toml::parse_error& e, const std::string& source) {
  return InvalidArgument(
      fmt::format("{}: {} (line {})", source, e.description(), e.source().begin.line));
}

}  // namespace

Result<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument(fmt::format("{}: cannot be read: {}", path, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return InvalidArgument(fmt::format("{}: cannot be read", path));
  return ParseConfig(text, path);
}

Result<Config> ParseConfig(std::string_view text, const std::string& source) {
  // Refused before toml++ sees it: its parser recurses once per key part.
  if (MaxKeyParts(text) > kMaxKeyParts) {
    return InvalidArgument(fmt::format(
        "{}: a key has more than {} dotted parts; the configuration's keys have two "
        "('server.listen')",
        source, kMaxKeyParts));
  }
  try {
    return FromTable(toml::parse(text, source), source);
  } catch (const toml::parse_error& e) {
    return ParseError(e, source);
  }
}

Status ValidateConfig(const Config& c) {
  TRIBUNE_RETURN_IF_ERROR(CheckNumericRanges(c));
  TRIBUNE_RETURN_IF_ERROR(CheckSecret(c.site.secret));
  if (c.server.access_log.empty()) {
    return InvalidArgument("key 'server.access_log' must be \"-\", \"off\" or a file path");
  }
  if (c.comments.token_max_age_s <= c.comments.min_seconds) {
    return InvalidArgument("key 'comments.token_max_age_s' must be more than "
                           "'comments.min_seconds', or no form could ever be sent");
  }
  if (!(c.spam.trust_half_life_days >= 0)) {
    return InvalidArgument("key 'spam.trust_half_life_days' must be 0 or more");
  }
  if (!(c.spam.hold_at <= c.spam.spam_at && c.spam.spam_at <= c.spam.discard_at)) {
    return InvalidArgument("keys 'spam.hold_at' <= 'spam.spam_at' <= 'spam.discard_at' must hold");
  }
  const std::string& pm = c.comments.premoderation;
  if (pm != "none" && pm != "newcomers" && pm != "everyone" && pm != "wave") {
    return InvalidArgument(fmt::format(
        "key 'comments.premoderation' is '{}': it must be none, newcomers, everyone or wave",
        pm.substr(0, 40)));
  }
  TRIBUNE_RETURN_IF_ERROR(CheckListen(c.server.listen));
  TRIBUNE_RETURN_IF_ERROR(CheckLinks(c));
  TRIBUNE_RETURN_IF_ERROR(CheckMailAndHooks(c));
  TRIBUNE_RETURN_IF_ERROR(CheckLanguages(c));
  if (c.storage.db.empty()) return InvalidArgument("key 'storage.db' must not be empty");
  if (c.log.format != "text" && c.log.format != "json") {
    return InvalidArgument("key 'log.format' must be \"text\" or \"json\"");
  }
  static constexpr const char* kLevels[] = {"trace", "debug", "info",    "warn",
                                            "error", "critical", "off"};
  if (std::find(std::begin(kLevels), std::end(kLevels), c.log.level) == std::end(kLevels)) {
    return InvalidArgument(
        "key 'log.level' must be trace, debug, info, warn, error, critical or off");
  }
  if (!c.ops.metrics_token.empty() && c.ops.metrics_token.size() < 16) {
    return InvalidArgument("key 'ops.metrics_token' must be empty or at least 16 characters");
  }
  return Status::Ok();
}

}  // namespace tribune
