#include "readers/outbox_worker.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "readers/delivery.h"

namespace tribune::readers {
namespace {

constexpr int64_t kLeaseS = 300;
constexpr int64_t kBatch = 200;
constexpr int64_t kMaxWaitS = 6 * 3600;
constexpr int64_t kDay = 86400;

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

OutboxWorker::OutboxWorker(const Config& config, Stores stores, Notifier& notifier)
    : config_(config), stores_(stores), notifier_(notifier) {}

OutboxWorker::~OutboxWorker() { Stop(); }

void OutboxWorker::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void OutboxWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxWorker::Wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void OutboxWorker::Loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    woken_ = false;
    lock.unlock();
    int handled = 0;
    try {
      handled = RunOnce(Now());
    } catch (const std::exception& e) {
      spdlog::error("outbox: {}", e.what());
    }
    lock.lock();
    // A full batch: there may be more at once.
    if (handled >= kBatch) continue;
    cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_ || woken_; });
  }
}

int OutboxWorker::RunOnce(int64_t now) {
  auto items = stores_.outbox.ClaimOutbox(now, kLeaseS, kBatch);
  int handled = 0;
  if (items.ok()) {
    // Events first, expanded together in one write: a busy site stores
    // thousands of comments a second, and most of their events tell nobody.
    std::vector<store::OutboxStore::Expansion> expanded;
    for (const site::OutboxItem& item : *items) {
      if (item.kind != "event") continue;
      auto made = notifier_.Expand(item, now);
      if (made.ok()) {
        expanded.push_back({item.id, std::move(made).value()});
      } else {
        Retry(item, {false, true, made.status().message()}, now);
      }
      ++handled;
    }
    if (!expanded.empty()) {
      Status st = stores_.outbox.ExpandEvents(expanded, now);
      if (st.ok()) {
        bool more = std::any_of(expanded.begin(), expanded.end(),
                                [](const auto& e) { return !e.items.empty(); });
        if (more) Wake();
      } else {
        spdlog::warn("outbox: {} events not expanded: {}", expanded.size(), st.message());
      }
    }
    for (const site::OutboxItem& item : *items) {
      if (item.kind == "event") continue;
      Deliver(item, now);
      ++handled;
    }
  }
  Jobs(now);
  return handled;
}

void OutboxWorker::Deliver(const site::OutboxItem& item, int64_t now) {
  Delivered d;
  if (item.kind == "mail") {
    d = SendMail(config_.mail, notifier_.from(), item.target, item.payload);
  } else if (item.kind == "webhook") {
    std::string event = item.topic.empty() ? "comment" : item.topic;
    d = PostWebhook(item.target, event, item.payload, config_.webhooks.secret, now);
  } else {
    d = {false, false, "unknown kind"};
  }
  if (d.ok) {
    stores_.outbox.FinishOutbox(item.id, "sent", "", now, now);
    sent_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  Retry(item, d, now);
}

void OutboxWorker::Retry(const site::OutboxItem& item, const Delivered& d, int64_t now) {
  if (!d.retry || item.attempts >= kMaxAttempts) {
    spdlog::warn("outbox: {} {} to {} given up after {} attempts: {}", item.kind, item.id,
                 item.target, item.attempts, d.error);
    stores_.outbox.FinishOutbox(item.id, "failed", d.error, now, now);
    failed_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  int64_t wait = std::min<int64_t>(kMaxWaitS, int64_t{config_.mail.retry_s}
                                                  << std::min(item.attempts - 1, 20));
  spdlog::info("outbox: {} {} to {} not delivered ({}); again in {} s", item.kind, item.id,
               item.target, d.error, wait);
  stores_.outbox.FinishOutbox(item.id, "pending", d.error, now + wait, now);
  retried_.fetch_add(1, std::memory_order_relaxed);
}

void OutboxWorker::Jobs(int64_t now) {
  auto digest = stores_.outbox.ClaimJob("digest", config_.mail.digest_every_s, now);
  if (digest.ok() && *digest) {
    auto mails = notifier_.SendDigests(now);
    if (mails.ok() && *mails > 0) spdlog::info("outbox: {} digest mails", *mails);
  }
  auto retention = stores_.outbox.ClaimJob("retention", 3600, now);
  if (retention.ok() && *retention) {
    const RetentionConfig& r = config_.retention;
    auto comments = stores_.comments.PurgeCommentData(now - r.addresses_days * kDay,
                                                      now - r.guest_emails_days * kDay,
                                                      now - r.rejected_days * kDay);
    auto readers = stores_.readers.PruneUnconfirmedReaders(now - r.unconfirmed_days * kDay);
    auto outbox = stores_.outbox.PruneOutbox(now - r.outbox_days * kDay);
    spdlog::info("retention: {} comment fields emptied, {} unconfirmed accounts and {} outbox "
                 "items removed",
                 comments.ok() ? *comments : -1, readers.ok() ? *readers : -1,
                 outbox.ok() ? *outbox : -1);
  }
}

}  // namespace tribune::readers
