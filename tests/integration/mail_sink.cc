#include "mail_sink.h"

#include <openssl/evp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "tribune_process.h"

namespace tribune::itest {
namespace fs = std::filesystem;
namespace {

std::string Base64Decode(std::string text) {
  std::erase_if(text, [](char c) { return c == '\r' || c == '\n' || c == ' '; });
  std::string out(text.size() / 4 * 3 + 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return {};
  size_t pad = 0;
  if (!text.empty() && text.back() == '=') ++pad;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

// "=?UTF-8?B?...?=" words decoded; the rest as it is.
std::string DecodeWords(const std::string& v) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)", std::regex::icase);
  std::string out;
  auto begin = std::sregex_iterator(v.begin(), v.end(), word);
  size_t at = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    std::string between = v.substr(at, it->position() - at);
    if (between.find_first_not_of(" \t\r\n") != std::string::npos) out += between;
    out += Base64Decode((*it)[1]);
    at = it->position() + it->length();
  }
  return out + v.substr(at);
}

ReceivedMail ParseMail(const std::string& raw, const std::string& file) {
  ReceivedMail m;
  m.file = file;
  size_t split = raw.find("\r\n\r\n");
  m.headers = raw.substr(0, split);
  std::string body = split == std::string::npos ? "" : raw.substr(split + 4);
  m.to = m.Header("X-Envelope-To").value_or("");
  m.subject = DecodeWords(m.Header("Subject").value_or(""));
  std::string cte = m.Header("Content-Transfer-Encoding").value_or("");
  m.text = cte == "base64" ? Base64Decode(body) : body;
  std::erase(m.text, '\r');
  return m;
}

}  // namespace

std::optional<std::string> ReceivedMail::Header(const std::string& name) const {
  std::istringstream in(headers);
  std::string line, value;
  bool found = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (found) {
      if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
        value += line;
        continue;
      }
      return value;
    }
    if (line.size() > name.size() && line[name.size()] == ':' &&
        std::equal(name.begin(), name.end(), line.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      found = true;
      value = line.substr(name.size() + 1);
      value.erase(0, value.find_first_not_of(' '));
    }
  }
  if (found) return value;
  return std::nullopt;
}

std::optional<std::string> ReceivedMail::Link(const std::string& needle) const {
  static const std::regex url(R"(https?://[^\s<>]+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), url); it != std::sregex_iterator();
       ++it) {
    if (it->str().find(needle) != std::string::npos) return it->str();
  }
  return std::nullopt;
}

MailSink::MailSink(fs::path dir, bool http, int smtp_port) : dir_(std::move(dir)) {
  fs::create_directories(dir_);
  smtp_port_ = smtp_port ? smtp_port : PickFreePort();
  http_port_ = http ? PickFreePort() : 0;
  std::string script = std::string(TRIBUNE_SOURCE_DIR) + "/tests/tools/sink.py";
  std::vector<std::string> args = {"/usr/bin/python3", script, "--dir", dir_.string(),
                                   "--smtp-port", std::to_string(smtp_port_)};
  if (http) {
    args.push_back("--http-port");
    args.push_back(std::to_string(http_port_));
  }
  pid_ = fork();
  if (pid_ == 0) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string log = (dir_ / "sink.log").string();
    FILE* f = std::fopen(log.c_str(), "w");
    if (f) {
      dup2(fileno(f), 1);
      dup2(fileno(f), 2);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!fs::exists(dir_ / "ready")) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the mail sink did not start: " + ReadFile(dir_ / "sink.log"));
    }
    if (std::chrono::steady_clock::now() > until) {
      throw std::runtime_error("the mail sink did not get ready: " + ReadFile(dir_ / "sink.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

MailSink::~MailSink() { Stop(); }

void MailSink::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (waitpid(pid_, &status, WNOHANG) == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  fs::remove(dir_ / "ready");
}

std::vector<ReceivedMail> MailSink::Mails() const {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir_)) {
    std::string name = e.path().filename().string();
    if (name.starts_with("mail-") && name.ends_with(".eml")) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReceivedMail> out;
  for (const std::string& f : files) out.push_back(ParseMail(ReadFile(f), f));
  return out;
}

std::vector<ReceivedMail> MailSink::MailsTo(const std::string& to) const {
  std::vector<ReceivedMail> out;
  for (ReceivedMail& m : Mails()) {
    if (m.to == to) out.push_back(std::move(m));
  }
  return out;
}

std::vector<ReceivedHook> MailSink::Hooks() const {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir_)) {
    std::string name = e.path().filename().string();
    if (name.starts_with("hook-") && name.ends_with(".json")) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReceivedHook> out;
  for (const std::string& f : files) {
    nlohmann::json j = nlohmann::json::parse(ReadFile(f));
    ReceivedHook h;
    h.body = j.value("body", "");
    h.event = j["headers"].value("x-tribune-event", "");
    h.timestamp = j["headers"].value("x-tribune-timestamp", "");
    h.signature = j["headers"].value("x-tribune-signature", "");
    out.push_back(std::move(h));
  }
  return out;
}

std::optional<ReceivedMail> MailSink::WaitFor(
    const std::string& to, const std::function<bool(const ReceivedMail&)>& match,
    std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    for (ReceivedMail& m : MailsTo(to)) {
      if (std::find(seen_.begin(), seen_.end(), m.file) != seen_.end()) continue;
      if (match && !match(m)) continue;
      seen_.push_back(m.file);
      return std::move(m);
    }
    if (std::chrono::steady_clock::now() > until) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void MailSink::SetHttpStatus(int status) {
  WriteFile(dir_ / "http-status.part", std::to_string(status));
  fs::rename(dir_ / "http-status.part", dir_ / "http-status");
}

}  // namespace tribune::itest
