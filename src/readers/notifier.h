// What the outbox's events become: e-mail to readers who follow a thread or
// wait for replies (only for published comments), alerts to staff when a
// comment waits for a moderator, and operators' webhooks; and the daily
// digest that gathers what an address's limit held back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "comments/signer.h"
#include "core/config.h"
#include "core/status.h"
#include "i18n/i18n.h"
#include "readers/mail_message.h"
#include "site/reader.h"
#include "store/store.h"

namespace tribune::readers {

struct NotifierStores {
  store::ArticleStore& articles;
  store::CommentStore& comments;
  store::ReaderStore& readers;
  store::OutboxStore& outbox;
};

class Notifier {
 public:
  // Mail is written in `lang`, the site's language.
  Notifier(const Config& config, NotifierStores stores, const comments::Signer& signer,
           const i18n::Language& lang);

  // The mail and webhook items `event` (an outbox item of kind "event")
  // becomes at `now`. An event about a comment that is gone becomes nothing.
  Result<std::vector<site::OutboxItem>> Expand(const site::OutboxItem& event, int64_t now);

  // Gathers the digest lines written before `now` into one mail per address
  // and adds them to the outbox. Returns how many mails.
  Result<int64_t> SendDigests(int64_t now);

  // A mail item for the outbox (kind "mail", composed now).
  site::OutboxItem Mail(const MailMessage& m, const std::string& topic, int64_t now) const;
  // The sender: [mail] from, else the site's name at noreply@ its host.
  const std::string& from() const { return from_; }
  const std::string& base() const { return base_; }
  const i18n::Language& language() const { return lang_; }
  // Where links in mail point, once the server knows its address (before serving).
  void SetBase(std::string base);

 private:
  // Mail to `subs` (the article's confirmed subscriptions) about published `c`.
  void Notifications(const site::Comment& c, const site::Article& a,
                     const std::vector<site::Subscription>& subs, int64_t now,
                     std::vector<site::OutboxItem>& out);
  void StaffAlerts(const site::Comment& c, const site::Article& a, int64_t now,
                   std::vector<site::OutboxItem>& out);
  void Webhooks(const site::Comment& c, const site::Article& a, const std::string& was,
                int64_t now, std::vector<site::OutboxItem>& out);

  const Config& config_;
  NotifierStores stores_;
  const comments::Signer& signer_;
  const i18n::Language& lang_;
  std::string base_, from_;
};

}  // namespace tribune::readers
