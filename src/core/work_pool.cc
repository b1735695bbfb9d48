#include "core/work_pool.h"

#include <algorithm>
#include <chrono>

namespace tribune {
namespace {

int64_t NowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

WorkPool::WorkPool(int threads, size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Run(); });
}

WorkPool::~WorkPool() { Stop(); }

bool WorkPool::TrySubmit(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= capacity_) {
      ++refused_;
      return false;
    }
    queue_.push_back({std::move(job), NowUs()});
  }
  ready_.notify_one();
  return true;
}

void WorkPool::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  std::lock_guard lock(mu_);
  threads_.clear();
}

WorkPool::Stats WorkPool::stats() const {
  std::lock_guard lock(mu_);
  return {static_cast<int>(threads_.size()), capacity_, queue_.size(), running_, done_, refused_};
}

void WorkPool::Run() {
  std::unique_lock lock(mu_);
  for (;;) {
    ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing is left
    Job job = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    waits_.Observe(NowUs() - job.queued_at_us);
    job.run();
    job.run = nullptr;  // what it captured goes before the lock is taken again
    lock.lock();
    --running_;
    ++done_;
  }
}

}  // namespace tribune
