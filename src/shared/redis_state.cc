#include "shared/redis_state.h"

#include <fmt/format.h>
#include <hiredis/hiredis.h>

#include <charconv>
#include <chrono>
#include <cstdlib>

#include "core/event_loop.h"

namespace tribune::shared {
namespace {

// A decaying counter, atomically on the server: value and time in a hash,
// forgotten ten half-lives after its last event.
constexpr const char* kCountScript = R"lua(
local now = tonumber(ARGV[1])
local half = tonumber(ARGV[2])
local w = tonumber(ARGV[3])
local cell = redis.call('HMGET', KEYS[1], 'v', 't')
local v = tonumber(cell[1]) or 0
local at = tonumber(cell[2]) or now
local age = now - at
if age < 0 then age = 0 end
v = v * math.pow(2, -age / half)
if w ~= 0 then
  v = v + w
  redis.call('HSET', KEYS[1], 'v', tostring(v), 't', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.floor(half * 10))
end
return tostring(v)
)lua";

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct RedisState::Reply {
  explicit Reply(redisReply* r) : r(r) {}
  ~Reply() { freeReplyObject(r); }
  redisReply* r;
};

Result<RedisAddress> ParseRedisUrl(const std::string& url) {
  constexpr std::string_view kScheme = "redis://";
  if (!url.starts_with(kScheme)) {
    return InvalidArgument(fmt::format("'{}' is not a redis:// URL", url));
  }
  RedisAddress a;
  std::string rest = url.substr(kScheme.size());
  if (size_t slash = rest.find('/'); slash != std::string::npos) {
    std::string db = rest.substr(slash + 1);
    rest.resize(slash);
    if (!db.empty()) {
      auto [p, ec] = std::from_chars(db.data(), db.data() + db.size(), a.db);
      if (ec != std::errc() || p != db.data() + db.size() || a.db < 0 || a.db > 15) {
        return InvalidArgument(fmt::format("'{}': the database must be 0 to 15", url));
      }
    }
  }
  if (size_t at = rest.rfind('@'); at != std::string::npos) {
    std::string auth = rest.substr(0, at);
    rest = rest.substr(at + 1);
    size_t colon = auth.find(':');
    a.password = colon == std::string::npos ? auth : auth.substr(colon + 1);
  }
  if (size_t colon = rest.rfind(':'); colon != std::string::npos) {
    std::string port = rest.substr(colon + 1);
    rest.resize(colon);
    auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
    if (ec != std::errc() || p != port.data() + port.size() || a.port < 1 || a.port > 65535) {
      return InvalidArgument(fmt::format("'{}': the port must be 1 to 65535", url));
    }
  }
  if (!rest.empty()) a.host = rest;
  return a;
}

Result<std::unique_ptr<RedisState>> RedisState::Create(const RedisOptions& options) {
  auto address = ParseRedisUrl(options.url);
  if (!address.ok()) return address.status();
  return std::unique_ptr<RedisState>(new RedisState(options, *address));
}

RedisState::RedisState(RedisOptions options, RedisAddress address)
    : options_(std::move(options)), address_(std::move(address)) {}

RedisState::~RedisState() {
  for (redisContext* c : idle_) redisFree(c);
}

redisContext* RedisState::Connect() {
  int64_t now = SteadyMs();
  if (now < next_attempt_ms_.load()) return nullptr;
  timeval tv{options_.timeout_ms / 1000, (options_.timeout_ms % 1000) * 1000};
  redisContext* c = redisConnectWithTimeout(address_.host.c_str(), address_.port, tv);
  auto fail = [&] {
    if (c) redisFree(c);
    next_attempt_ms_ = now + options_.retry_ms;
    reachable_ = false;
    return nullptr;
  };
  if (c == nullptr || c->err) return fail();
  redisSetTimeout(c, tv);
  auto ok = [&](redisReply* r) {
    bool good = r && r->type != REDIS_REPLY_ERROR;
    if (r) freeReplyObject(r);
    return good;
  };
  if (!address_.password.empty() &&
      !ok(static_cast<redisReply*>(redisCommand(c, "AUTH %s", address_.password.c_str())))) {
    return fail();
  }
  if (address_.db != 0 && !ok(static_cast<redisReply*>(redisCommand(c, "SELECT %d", address_.db)))) {
    return fail();
  }
  return c;
}

std::unique_ptr<RedisState::Reply> RedisState::Command(const std::vector<std::string>& argv) {
  NoteBlockingCall(BlockingCall::kRedis);
  redisContext* c = nullptr;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < options_.connections; });
    if (!idle_.empty()) {
      c = idle_.back();
      idle_.pop_back();
    } else {
      ++open_;
    }
  }
  if (c == nullptr) c = Connect();
  redisReply* r = nullptr;
  if (c != nullptr) {
    std::vector<const char*> args;
    std::vector<size_t> lens;
    for (const auto& a : argv) {
      args.push_back(a.data());
      lens.push_back(a.size());
    }
    r = static_cast<redisReply*>(
        redisCommandArgv(c, static_cast<int>(args.size()), args.data(), lens.data()));
  }
  bool broken = c == nullptr || r == nullptr || c->err != 0;
  {
    std::lock_guard lock(mu_);
    if (broken) {
      if (c) redisFree(c);
      --open_;
    } else {
      idle_.push_back(c);
    }
  }
  cv_.notify_one();
  if (broken) {
    if (r) freeReplyObject(r);
    if (c) {
      reachable_ = false;
      next_attempt_ms_ = SteadyMs() + options_.retry_ms;
    }
    return nullptr;
  }
  reachable_ = true;
  auto reply = std::make_unique<Reply>(r);
  if (r->type == REDIS_REPLY_ERROR) return nullptr;
  return reply;
}

std::optional<double> RedisState::Count(const std::string& key, double weight, int64_t now_ms,
                                        int64_t half_life_ms) {
  auto r = Command({"EVAL", kCountScript, "1", options_.prefix + "n:" + key,
                    std::to_string(now_ms), std::to_string(half_life_ms),
                    fmt::format("{}", weight)});
  if (!r || r->r->type != REDIS_REPLY_STRING) return std::nullopt;
  return std::strtod(r->r->str, nullptr);
}

std::optional<bool> RedisState::Claim(const std::string& key, int64_t ttl_ms) {
  auto r = Command({"SET", options_.prefix + "c:" + key, "1", "NX", "PX",
                    std::to_string(std::max<int64_t>(1, ttl_ms))});
  if (!r) return std::nullopt;
  return r->r->type == REDIS_REPLY_STATUS;  // "OK"; nil when it was there
}

void RedisState::Release(const std::string& key) { Command({"DEL", options_.prefix + "c:" + key}); }

bool RedisState::reachable() {
  auto r = Command({"PING"});
  return r != nullptr;
}

}  // namespace tribune::shared
