#include "readers/delivery.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "comments/hmac_sha256.h"
#include "readers/mail_message.h"

namespace tribune::readers {
namespace {

using Handle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

struct Upload {
  const std::string* data;
  size_t at = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t room = size * n;
  size_t left = up->data->size() - up->at;
  size_t take = std::min(room, left);
  std::memcpy(buffer, up->data->data() + up->at, take);
  up->at += take;
  return take;
}

size_t Discard(char*, size_t size, size_t n, void*) { return size * n; }

Delivered Failed(CURLcode code, const char* detail) {
  // Refusals a retry cannot change: a recipient or sender the server rejects
  // for good, a login that is wrong.
  bool retry = code != CURLE_LOGIN_DENIED && code != CURLE_URL_MALFORMAT &&
               code != CURLE_UNSUPPORTED_PROTOCOL;
  return {false, retry, fmt::format("{}{}{}", curl_easy_strerror(code), *detail ? ": " : "", detail)};
}

}  // namespace

void InitDelivery() { curl_global_init(CURL_GLOBAL_DEFAULT); }

Delivered SendMail(const MailConfig& mail, const std::string& from, const std::string& to,
                   const std::string& message) {
  if (mail.smtp_url.empty()) return {false, true, "no SMTP server configured ([mail] smtp_url)"};
  if (!IsDeliverableAddress(to)) return {false, false, "not a deliverable address"};
  Handle c(curl_easy_init(), &curl_easy_cleanup);
  if (!c) return {false, true, "libcurl could not start"};
  char error[CURL_ERROR_SIZE] = "";
  std::string envelope_from = "<" + AddressOf(from) + ">";
  List rcpt(curl_slist_append(nullptr, ("<" + to + ">").c_str()), &curl_slist_free_all);
  Upload up{&message};
  curl_easy_setopt(c.get(), CURLOPT_URL, mail.smtp_url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(c.get(), CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c.get(), CURLOPT_READFUNCTION, &ReadUpload);
  curl_easy_setopt(c.get(), CURLOPT_READDATA, &up);
  curl_easy_setopt(c.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c.get(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (mail.starttls) curl_easy_setopt(c.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!mail.username.empty()) {
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, mail.username.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, mail.password.c_str());
  }
  CURLcode code = curl_easy_perform(c.get());
  if (code == CURLE_OK) return {true, false, ""};
  Delivered d = Failed(code, error);
  if (code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR) return d;
  long response = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &response);
  if (response >= 500 && response < 600 && response != 552) d.retry = false;  // 5xx: permanent
  return d;
}

std::string WebhookSignature(const std::string& secret, int64_t timestamp, const std::string& body) {
  comments::HmacSha256 hmac(secret);
  comments::HmacSha256::Mac mac = hmac.Of(fmt::format("{}.{}", timestamp, body));
  std::string out = "sha256=";
  for (unsigned char b : mac) out += fmt::format("{:02x}", b);
  return out;
}

Delivered PostWebhook(const std::string& url, const std::string& event, const std::string& body,
                      const std::string& secret, int64_t now) {
  Handle c(curl_easy_init(), &curl_easy_cleanup);
  if (!c) return {false, true, "libcurl could not start"};
  char error[CURL_ERROR_SIZE] = "";
  curl_slist* raw = nullptr;
  raw = curl_slist_append(raw, "Content-Type: application/json");
  raw = curl_slist_append(raw, ("X-Tribune-Event: " + event).c_str());
  raw = curl_slist_append(raw, fmt::format("X-Tribune-Timestamp: {}", now).c_str());
  raw = curl_slist_append(
      raw, ("X-Tribune-Signature: " + WebhookSignature(secret, now, body)).c_str());
  raw = curl_slist_append(raw, "Expect:");
  List headers(raw, &curl_slist_free_all);
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "Tribune-Webhook/1");
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, &Discard);
  curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 15L);
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 0L);
  CURLcode code = curl_easy_perform(c.get());
  if (code != CURLE_OK) return Failed(code, error);
  long status = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return {true, false, ""};
  bool retry = !(status >= 400 && status < 500) || status == 408 || status == 429;
  return {false, retry, fmt::format("the receiver answered {}", status)};
}

}  // namespace tribune::readers
