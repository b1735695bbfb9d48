// Threads that run the work an event loop must not wait for (database and
// Redis round trips, password hashing), fed by a bounded queue: when the
// queue is full a job is refused at once, and the caller answers 503 instead
// of letting requests pile up behind a slow database.
//
// Thread-safe. Jobs run in the order they came; Stop() runs what is queued,
// then joins the threads.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/histogram.h"

namespace tribune {

class WorkPool {
 public:
  // `threads` from 1; `capacity`: jobs that may wait, from 1.
  WorkPool(int threads, size_t capacity);
  ~WorkPool();  // Stop()
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `job`; false (and `job` is dropped unrun) when the queue is full
  // or the pool has stopped.
  bool TrySubmit(std::function<void()> job);

  // Runs what is queued, then stops the threads; idempotent.
  void Stop();

  struct Stats {
    int threads = 0;
    size_t capacity = 0;
    size_t queued = 0;     // waiting now
    int running = 0;       // being run now
    uint64_t done = 0;     // run since start
    uint64_t refused = 0;  // refused since start: the queue was full
  };
  Stats stats() const;
  // How long jobs waited in the queue, in microseconds.
  const Histogram& waits() const { return waits_; }

 private:
  struct Job {
    std::function<void()> run;
    int64_t queued_at_us;
  };
  void Run();

  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  int running_ = 0;
  uint64_t done_ = 0, refused_ = 0;
  Histogram waits_;
  std::vector<std::thread> threads_;
};

}  // namespace tribune
