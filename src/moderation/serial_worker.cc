#include "moderation/serial_worker.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace tribune::moderation {

SerialWorker::SerialWorker(size_t max_queued)
    : max_queued_(max_queued), thread_([this] { Run(); }) {}

SerialWorker::~SerialWorker() { Stop(); }

void SerialWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

bool SerialWorker::Post(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
  }
  cv_.notify_one();
  return true;
}

bool SerialWorker::PostUrgent(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || urgent_.size() >= max_queued_) return false;
    urgent_.push_back(std::move(task));
  }
  cv_.notify_one();
  return true;
}

void SerialWorker::Run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty() || !urgent_.empty(); });
      std::deque<std::function<void()>>& next = urgent_.empty() ? queue_ : urgent_;
      if (next.empty()) return;  // stopping, and nothing left
      task = std::move(next.front());
      next.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {
      spdlog::error("background task failed: {}", e.what());
    }
  }
}

}  // namespace tribune::moderation
