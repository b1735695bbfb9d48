// One background thread that runs tasks in order, with a bounded queue: for
// work too slow for the IO threads (password hashing, a moderator's decision
// that reloads and saves the spam model). A full queue refuses new tasks at
// once, so a flood of such requests costs the site nothing but refusals.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace tribune::moderation {

class SerialWorker {
 public:
  explicit SerialWorker(size_t max_queued);
  // Stop()s.
  ~SerialWorker();
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  // Queues `task`; false (and `task` dropped) when max_queued tasks wait,
  // or after Stop().
  bool Post(std::function<void()> task);
  // Queues `task` ahead of every task Post()ed (after the urgent ones already
  // waiting), in a lane of its own that also holds up to max_queued tasks.
  bool PostUrgent(std::function<void()> task);
  // Runs what is still queued, then ends the thread. Idempotent.
  void Stop();

 private:
  void Run();

  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_, urgent_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after the rest is built
};

}  // namespace tribune::moderation
