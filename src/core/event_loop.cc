#include "core/event_loop.h"

#include <array>
#include <atomic>

namespace tribune {
namespace {

thread_local bool on_event_loop = false;
std::array<std::atomic<uint64_t>, 2> blocking_calls{};

}  // namespace

EventLoopThread::EventLoopThread() { on_event_loop = true; }
EventLoopThread::~EventLoopThread() { on_event_loop = false; }

bool OnEventLoop() { return on_event_loop; }

void NoteBlockingCall(BlockingCall kind) {
  if (on_event_loop) blocking_calls[static_cast<size_t>(kind)].fetch_add(1, std::memory_order_relaxed);
}

uint64_t BlockingCallsOnEventLoop(BlockingCall kind) {
  return blocking_calls[static_cast<size_t>(kind)].load(std::memory_order_relaxed);
}

}  // namespace tribune
