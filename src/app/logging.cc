#include "app/logging.h"

#include <fmt/format.h>
#include <spdlog/async.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

namespace tribune::app {
namespace {

// %J: the message, escaped for a JSON string.
class JsonMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    std::string escaped = JsonEscaped(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(escaped.data(), escaped.data() + escaped.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonMessage>();
  }
};

// %Q: the current request's id as JSON ("…" or null); %q: " [req ID]" or nothing.
class RequestId final : public spdlog::custom_flag_formatter {
 public:
  explicit RequestId(bool json) : json_(json) {}
  void format(const spdlog::details::log_msg&, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    const std::string& id = http::CurrentRequestId();
    std::string out = json_ ? (id.empty() ? "null" : "\"" + JsonEscaped(id) + "\"")
                            : (id.empty() ? "" : " [req " + id + "]");
    dest.append(out.data(), out.data() + out.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestId>(json_);
  }

 private:
  bool json_;
};

}  // namespace

std::string JsonEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void ConfigureLogging(const LogConfig& log) {
  spdlog::set_level(spdlog::level::from_str(log.level));
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  if (log.format == "json") {
    formatter->add_flag<JsonMessage>('J').add_flag<RequestId>('Q', true).set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l","request_id":%Q,"message":"%J"})");
  } else {
    formatter->add_flag<RequestId>('q', false).set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l]%q %v");
  }
  spdlog::set_formatter(std::move(formatter));
}

std::shared_ptr<spdlog::logger> AccessLogger(const std::string& where) {
  if (where == "off") return nullptr;
  spdlog::init_thread_pool(8192, 1);
  std::shared_ptr<spdlog::logger> logger;
  if (where == "-") {
    logger = spdlog::create_async<spdlog::sinks::stdout_sink_mt>("access");
  } else {
    logger = spdlog::create_async<spdlog::sinks::basic_file_sink_mt>("access", where);
  }
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::warn);
  return logger;
}

void LogAccess(spdlog::logger& log, const http::AccessRecord& r, bool json) {
  if (!json) {
    log.info("{} \"{} {}\" {} {} {}us \"{}\"", r.remote, r.method, r.target, r.status, r.bytes,
             r.micros, r.user_agent);
    return;
  }
  log.info(R"({{"remote":"{}","method":"{}","target":"{}","status":{},"bytes":{},"micros":{},"user_agent":"{}","request_id":"{}"}})",
           JsonEscaped(r.remote), JsonEscaped(r.method), JsonEscaped(r.target), r.status, r.bytes,
           r.micros, JsonEscaped(r.user_agent), JsonEscaped(r.request_id));
}

}  // namespace tribune::app
