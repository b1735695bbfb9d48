// Delivery of the outbox's items over the network (libcurl): mail to an SMTP
// server, webhooks as signed HTTP POSTs. Thread-safe: each call makes its own
// handle. curl_global_init must have run (the app does it at start).
#pragma once

#include <cstdint>
#include <string>

#include "core/config.h"

namespace tribune::readers {

struct Delivered {
  bool ok = false;
  bool retry = true;      // when not ok: whether trying again later may work
  std::string error;      // when not ok: why, for the outbox and the log
};

// libcurl's global set-up: once, before any thread sends.
void InitDelivery();

// Sends `message` (ComposeMail's text) from the address in mail.from to `to`.
Delivered SendMail(const MailConfig& mail, const std::string& from, const std::string& to,
                   const std::string& message);

// The signature a webhook receiver checks: "sha256=" and the hex HMAC-SHA256
// of "TIMESTAMP.BODY" under `secret`.
std::string WebhookSignature(const std::string& secret, int64_t timestamp, const std::string& body);

// POSTs `body` (JSON) to `url` with X-Tribune-Event, X-Tribune-Timestamp and
// X-Tribune-Signature. A 2xx answer delivers it; 4xx other than 408 and 429
// will not change by retrying.
Delivered PostWebhook(const std::string& url, const std::string& event, const std::string& body,
                      const std::string& secret, int64_t now);

}  // namespace tribune::readers
