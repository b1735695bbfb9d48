// The server's logs: the level and format from [log] (plain lines, or one
// JSON object a line for a log collector), each line a request causes
// carrying its id; and the access log in the same format.
#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

#include "core/config.h"
#include "http/server.h"

namespace tribune::app {

// Sets the default logger's level and format.
void ConfigureLogging(const LogConfig& log);

// The access log ("-": standard output, "off": none, else a file); throws
// spdlog::spdlog_ex when the file cannot be opened.
std::shared_ptr<spdlog::logger> AccessLogger(const std::string& where);

// One access-log line for `r`, as text or JSON.
void LogAccess(spdlog::logger& log, const http::AccessRecord& r, bool json);

// `text` as the inside of a JSON string.
std::string JsonEscaped(std::string_view text);

}  // namespace tribune::app
