// The configuration: one TOML file, validated at start-up. An unknown key or a
// value of the wrong type stops start-up with a message naming the key.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace tribune {

struct SiteConfig {
  std::string name = "Tribune Daily";                // shown in the header and feeds
  std::string base_url = "http://127.0.0.1:8080";     // absolute links in feeds
  std::string language = "en";
  std::string policy_note =
      "Dear reader, we welcome your comments. Please express your views on the topic and "
      "be respectful of others.";
  std::string secret;  // HMAC key (hex or text); empty: generated once and kept in the store
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;                   // 0: one per core
  int read_timeout_ms = 10000;       // a request must arrive whole within this time
  int idle_timeout_ms = 60000;       // keep-alive connections idle longer are closed
  int header_limit = 16 * 1024;      // bytes; larger headers get 431
  int body_limit = 64 * 1024;        // bytes; larger bodies get 413
  std::string access_log = "-";      // "-": standard output, "off": none, else a file path
  std::string static_dir = "web/static";
};

struct StorageConfig {
  std::string db = "tribune.db";     // SQLite file
  int read_connections = 4;
};

struct CommentsConfig {
  int per_page = 20;
  int max_length = 5000;             // characters of the body, after trimming
  bool challenge = true;             // the "Code" field; off only for tests and imports
  int dedupe_window_s = 600;         // identical resubmissions within it are one comment
};

struct Config {
  SiteConfig site;
  ServerConfig server;
  StorageConfig storage;
  CommentsConfig comments;
  bool demo_content = true;          // [demo] seed: fill an empty store with a demo site
};

// Reads and validates `path`. Keys missing from the file keep their defaults.
// Errors: InvalidArgument naming the file, the key and what is wrong.
Result<Config> LoadConfig(const std::string& path);

// Checks the values of an assembled config (after command-line overrides).
Status ValidateConfig(const Config& config);

}  // namespace tribune
