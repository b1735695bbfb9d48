// Structured values from a fuzzer's bytes, for targets that need more than
// one string: libFuzzer's FuzzedDataProvider idea, kept small and free of
// compiler-specific headers so that the targets also build with GCC to
// replay their corpora (replay_main.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tribune::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  size_t remaining() const { return size_ - pos_; }
  // The low bit of the next byte; false when none is left.
  bool TakeBool() { return (TakeInt(0, 255) & 1) != 0; }
  // A whole number from `min` to `max` (min <= max) from as few of the next
  // bytes as the range needs; `min` when none are left.
  int64_t TakeInt(int64_t min, int64_t max);
  // The next bytes up to a single backslash (a doubled one stands for one
  // backslash), at most `max_bytes` of them: strings of every length, with
  // the rest of the input left for what follows.
  std::string TakeString(size_t max_bytes);

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace tribune::fuzz
