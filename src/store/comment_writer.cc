#include "store/comment_writer.h"

#include <algorithm>

namespace tribune::store {

CommentWriter::CommentWriter(CommentStore& store, AfterCommit after_commit, size_t max_batch)
    : store_(store), after_commit_(std::move(after_commit)), max_batch_(max_batch) {
  thread_ = std::thread([this] { Run(); });
}

CommentWriter::~CommentWriter() { Stop(); }

void CommentWriter::Submit(site::NewComment comment, Done done) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back({std::move(comment), std::move(done)});
      cv_.notify_one();
      return;
    }
  }
  done(Unavailable("the server is shutting down; please post again in a moment"));
}

void CommentWriter::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void CommentWriter::Run() {
  std::vector<Job> batch;
  std::vector<site::NewComment> comments;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      size_t n = std::min(queue_.size(), max_batch_);
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    comments.clear();
    for (auto& job : batch) comments.push_back(std::move(job.comment));
    auto results = store_.InsertComments(comments);
    std::vector<int64_t> touched;
    for (const auto& c : comments) touched.push_back(c.article_id);
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    if (after_commit_) after_commit_(touched);
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
    batch.clear();
  }
}

}  // namespace tribune::store
