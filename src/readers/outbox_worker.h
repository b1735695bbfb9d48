// The outbox's deliverer, a thread in each server: it claims due items (one
// node gets each), expands events, sends mail and webhooks, and schedules a
// failed one again (the wait doubling from [mail] retry_s; given up after
// kMaxAttempts). It also runs the jobs one node at a time does: the daily
// digest and the hourly retention purge.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/config.h"
#include "readers/delivery.h"
#include "readers/notifier.h"
#include "store/store.h"

namespace tribune::readers {

class OutboxWorker {
 public:
  static constexpr int kMaxAttempts = 12;

  struct Stores {
    store::OutboxStore& outbox;
    store::CommentStore& comments;
    store::ReaderStore& readers;
  };
  OutboxWorker(const Config& config, Stores stores, Notifier& notifier);
  ~OutboxWorker();

  void Start();
  void Stop();
  // Something was added: look now rather than at the next poll.
  void Wake();

  // One pass at `now`: the due items, then the jobs. Returns the items handled.
  int RunOnce(int64_t now);

  uint64_t sent() const { return sent_.load(std::memory_order_relaxed); }
  uint64_t failed() const { return failed_.load(std::memory_order_relaxed); }
  uint64_t retried() const { return retried_.load(std::memory_order_relaxed); }

 private:
  void Loop();
  void Deliver(const site::OutboxItem& item, int64_t now);
  // A delivery that failed: tried again later, or given up.
  void Retry(const site::OutboxItem& item, const Delivered& d, int64_t now);
  void Jobs(int64_t now);

  const Config& config_;
  Stores stores_;
  Notifier& notifier_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, woken_ = false;
  std::atomic<uint64_t> sent_{0}, failed_{0}, retried_{0};
};

}  // namespace tribune::readers
