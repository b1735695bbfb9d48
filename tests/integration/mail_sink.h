// The local receivers of the notification tests: tests/tools/sink.py run as
// a child process, an SMTP server (aiosmtpd) and an HTTP server for
// webhooks, each writing what it gets to a directory this side reads.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tribune::itest {

struct ReceivedMail {
  std::string to;        // the envelope recipient
  std::string subject;   // decoded (RFC 2047)
  std::string headers;   // the raw header block
  std::string text;      // the body, decoded (base64)
  std::string file;

  std::optional<std::string> Header(const std::string& name) const;
  // The first http(s) URL in the text that contains `needle`.
  std::optional<std::string> Link(const std::string& needle) const;
};

struct ReceivedHook {
  std::string body;
  std::string event, timestamp, signature;  // X-Tribune-* headers
};

class MailSink {
 public:
  // Starts the receivers on fresh ports (SMTP, and HTTP when `http`); throws
  // with the reason when they do not come up. `smtp_port` 0: a fresh one.
  explicit MailSink(std::filesystem::path dir, bool http = true, int smtp_port = 0);
  ~MailSink();  // stops them
  MailSink(const MailSink&) = delete;
  MailSink& operator=(const MailSink&) = delete;

  int smtp_port() const { return smtp_port_; }
  int http_port() const { return http_port_; }
  void Stop();

  std::vector<ReceivedMail> Mails() const;
  std::vector<ReceivedHook> Hooks() const;
  // Waits up to `timeout` for a mail to `to` that `match` accepts (any when
  // null) and that was not seen by an earlier WaitFor; nullopt when none came.
  std::optional<ReceivedMail> WaitFor(const std::string& to,
                                      const std::function<bool(const ReceivedMail&)>& match,
                                      std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // The mails to `to` so far.
  std::vector<ReceivedMail> MailsTo(const std::string& to) const;
  // The status the webhook receiver answers from now on.
  void SetHttpStatus(int status);

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int smtp_port_ = 0, http_port_ = 0;
  std::vector<std::string> seen_;
};

}  // namespace tribune::itest
