// Which threads must not wait on the network or the disk: the HTTP server's
// event-loop threads mark themselves, and code that makes a blocking round
// trip (a database call, a Redis command) reports it, so a call made on an
// event loop is counted (GET /metrics: tribune_blocking_calls_on_event_loop_total)
// and a test can prove that none is.
//
// Thread-safe: the mark is per thread, the counts are atomics.
#pragma once

#include <cstdint>

namespace tribune {

enum class BlockingCall { kDatabase = 0, kRedis = 1 };

// Marks the constructing thread as an event loop until destruction.
class EventLoopThread {
 public:
  EventLoopThread();
  ~EventLoopThread();
  EventLoopThread(const EventLoopThread&) = delete;
  EventLoopThread& operator=(const EventLoopThread&) = delete;
};

// Whether the calling thread runs an event loop.
bool OnEventLoop();

// Reports a blocking call about to be made by the calling thread: counted
// when that thread is an event loop.
void NoteBlockingCall(BlockingCall kind);

// How many blocking calls of `kind` event-loop threads made since start.
uint64_t BlockingCallsOnEventLoop(BlockingCall kind);

}  // namespace tribune
