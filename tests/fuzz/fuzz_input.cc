#include "fuzz_input.h"

namespace tribune::fuzz {

int64_t FuzzInput::TakeInt(int64_t min, int64_t max) {
  uint64_t range = static_cast<uint64_t>(max) - static_cast<uint64_t>(min);
  uint64_t value = 0;
  for (int shift = 0; shift < 64 && (range >> shift) != 0 && pos_ < size_; shift += 8) {
    value |= static_cast<uint64_t>(data_[pos_++]) << shift;
  }
  if (range != UINT64_MAX) value %= range + 1;
  return static_cast<int64_t>(static_cast<uint64_t>(min) + value);
}

std::string FuzzInput::TakeString(size_t max_bytes) {
  std::string out;
  while (pos_ < size_ && out.size() < max_bytes) {
    char c = static_cast<char>(data_[pos_++]);
    if (c == '\\' && pos_ < size_) {
      if (data_[pos_] != '\\') break;
      ++pos_;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace tribune::fuzz
