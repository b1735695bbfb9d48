#include "store/comment_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <set>

namespace tribune::store {
namespace {

// A store double that records batch sizes; only InsertComments is used.
class RecordingStore : public CommentStore {
 public:
  Result<std::vector<site::Comment>> ListPublishedComments(int64_t, int64_t, int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<site::Comment> GetComment(int64_t) override { return NotFound("x"); }
  Result<site::Comment> ModerateComment(int64_t, site::CommentStatus, const std::string&) override {
    return NotFound("x");
  }
  Result<site::Comment> EditComment(int64_t, const site::CommentEdit&) override {
    return NotFound("x");
  }
  Result<std::vector<site::CommentRevision>> ListRevisions(int64_t) override {
    return std::vector<site::CommentRevision>{};
  }
  Result<std::vector<Published>> ListPublishedByEmail(const std::string&, int64_t,
                                                      int64_t) override {
    return std::vector<Published>{};
  }
  Result<std::vector<site::Comment>> ListRecentComments(int64_t, int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<std::vector<site::Comment>> ListHeldComments(int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<std::vector<site::Comment>> ListCommentsWithStatus(site::CommentStatus, int64_t,
                                                            int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<std::vector<site::Comment>> SearchComments(const site::CommentQuery&) override {
    return std::vector<site::Comment>{};
  }
  Result<std::vector<site::ReplyLink>> ListReplies(std::span<const int64_t>) override {
    return std::vector<site::ReplyLink>{};
  }
  Result<int64_t> CountPublishedAbove(int64_t, int64_t) override { return int64_t{0}; }
  Result<std::vector<site::Comment>> ListCommentsByReader(int64_t, int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<std::vector<site::Comment>> ListCommentsOf(const std::string&, int64_t) override {
    return std::vector<site::Comment>{};
  }
  Result<int64_t> EraseCommentsOf(const std::string&, int64_t, bool, const std::string&) override {
    return int64_t{0};
  }
  Result<int64_t> PurgeCommentData(int64_t, int64_t, int64_t) override { return int64_t{0}; }

  std::vector<Result<site::StoredComment>> InsertComments(
      std::span<const site::NewComment> comments) override {
    std::unique_lock lock(mu);
    gate_cv.wait(lock, [&] { return open; });
    batches.push_back(comments.size());
    std::vector<Result<site::StoredComment>> out;
    for (const auto& c : comments) {
      site::StoredComment s;
      s.comment.id = ++next_id;
      s.comment.article_id = c.article_id;
      out.push_back(s);
    }
    return out;
  }

  std::mutex mu;
  std::condition_variable gate_cv;
  bool open = true;
  std::vector<size_t> batches;
  int64_t next_id = 0;
};

TEST(CommentWriter, GroupsWaitingCommentsIntoOneBatch) {
  RecordingStore store;
  store.open = false;  // hold the first batch so the rest queue up behind it
  std::atomic<int> after_commits{0};
  CommentWriter writer(store, [&](const std::vector<int64_t>&) { ++after_commits; });
  std::vector<std::future<Result<site::StoredComment>>> results;
  for (int i = 0; i < 101; ++i) {
    auto p = std::make_shared<std::promise<Result<site::StoredComment>>>();
    results.push_back(p->get_future());
    site::NewComment c;
    c.article_id = i % 3 + 1;
    writer.Submit(c, [p](Result<site::StoredComment> r) { p->set_value(std::move(r)); });
  }
  {
    std::lock_guard lock(store.mu);
    store.open = true;
  }
  store.gate_cv.notify_all();
  std::set<int64_t> ids;
  for (auto& f : results) {
    auto r = f.get();
    ASSERT_TRUE(r.ok());
    ids.insert(r->comment.id);
  }
  EXPECT_EQ(ids.size(), 101u);
  writer.Stop();
  // The first batch may hold 1..101; everything else came in at most one more batch.
  EXPECT_LE(store.batches.size(), 2u);
  EXPECT_EQ(after_commits.load(), static_cast<int>(store.batches.size()));
}

TEST(CommentWriter, AfterStopSubmissionsAreRefused) {
  RecordingStore store;
  CommentWriter writer(store, nullptr);
  writer.Stop();
  bool called = false;
  writer.Submit(site::NewComment{}, [&](Result<site::StoredComment> r) {
    called = true;
    EXPECT_EQ(r.status().code(), Code::kUnavailable);
  });
  EXPECT_TRUE(called);
}

}  // namespace
}  // namespace tribune::store
