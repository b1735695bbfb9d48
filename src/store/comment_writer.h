// Group commit for comments: many posts waiting at once are stored in one
// durable transaction, so the cost of an fsync is shared between them.
//
// Thread-safe. Callbacks run on the writer's own thread, after the commit.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace tribune::store {

class CommentWriter {
 public:
  using Done = std::function<void(Result<site::StoredComment>)>;
  // Called after each committed batch with the articles it touched.
  using AfterCommit = std::function<void(const std::vector<int64_t>& article_ids)>;

  CommentWriter(CommentStore& store, AfterCommit after_commit, size_t max_batch = 512);
  ~CommentWriter();  // stores what is queued, then stops

  // Queues `comment`; `done` gets the stored comment once it is durable, or
  // Unavailable when the writer has stopped.
  void Submit(site::NewComment comment, Done done);

  // Stores what is queued and stops accepting; idempotent.
  void Stop();

 private:
  struct Job {
    site::NewComment comment;
    Done done;
  };
  void Run();

  CommentStore& store_;
  AfterCommit after_commit_;
  size_t max_batch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tribune::store
