// The work pool's bounded queue, its order, its stop; the event-loop mark.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "core/event_loop.h"
#include "core/work_pool.h"

namespace tribune {
namespace {

TEST(WorkPool, RefusesJobsPastItsQueueAndRunsTheRestInOrder) {
  WorkPool pool(1, 2);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.set_value();
    released.wait();
  }));
  started.get_future().wait();  // the one thread is busy: the next jobs wait
  std::vector<int> order;
  std::mutex mu;
  auto note = [&](int i) {
    return [&, i] {
      std::lock_guard lock(mu);
      order.push_back(i);
    };
  };
  EXPECT_TRUE(pool.TrySubmit(note(1)));
  EXPECT_TRUE(pool.TrySubmit(note(2)));
  EXPECT_FALSE(pool.TrySubmit(note(3)));  // the queue holds two
  WorkPool::Stats s = pool.stats();
  EXPECT_EQ(s.queued, 2u);
  EXPECT_EQ(s.running, 1);
  EXPECT_EQ(s.refused, 1u);
  release.set_value();
  pool.Stop();  // runs what is queued first
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  EXPECT_EQ(pool.stats().done, 3u);
  EXPECT_EQ(pool.waits().total(), 3u);
  EXPECT_FALSE(pool.TrySubmit(note(4)));  // stopped
}

TEST(EventLoop, BlockingCallsAreCountedOnlyOnMarkedThreads) {
  uint64_t before = BlockingCallsOnEventLoop(BlockingCall::kDatabase);
  NoteBlockingCall(BlockingCall::kDatabase);  // an ordinary thread
  EXPECT_EQ(BlockingCallsOnEventLoop(BlockingCall::kDatabase), before);
  std::thread([] {
    EventLoopThread loop;
    EXPECT_TRUE(OnEventLoop());
    NoteBlockingCall(BlockingCall::kDatabase);
  }).join();
  EXPECT_EQ(BlockingCallsOnEventLoop(BlockingCall::kDatabase), before + 1);
  EXPECT_FALSE(OnEventLoop());
}

}  // namespace
}  // namespace tribune
