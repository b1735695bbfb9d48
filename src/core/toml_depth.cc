#include "core/toml_depth.h"

#include <algorithm>

namespace tribune {
namespace {

enum class State { kPlain, kBasic, kLiteral, kMultiBasic, kMultiLiteral, kComment };

bool StartsAt(std::string_view s, size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

// Where the string or comment starting at `i` (in kPlain) takes the scanner,
// and how many bytes its opening takes; {kPlain, 0} when none starts there.
std::pair<State, size_t> Opening(std::string_view s, size_t i) {
  if (StartsAt(s, i, "\"\"\"")) return {State::kMultiBasic, 3};
  if (StartsAt(s, i, "'''")) return {State::kMultiLiteral, 3};
  if (s[i] == '"') return {State::kBasic, 1};
  if (s[i] == '\'') return {State::kLiteral, 1};
  if (s[i] == '#') return {State::kComment, 1};
  return {State::kPlain, 0};
}

// How many bytes at `i` close `state` (0: not closed here). A line break
// ends comments and single-line strings (an unterminated one is an error
// toml++ reports; counting goes on as if it were closed).
size_t Closing(State state, std::string_view s, size_t i) {
  switch (state) {
    case State::kBasic:
      return s[i] == '"' || s[i] == '\n' ? 1 : 0;
    case State::kLiteral:
      return s[i] == '\'' || s[i] == '\n' ? 1 : 0;
    case State::kComment:
      return s[i] == '\n' ? 1 : 0;
    case State::kMultiBasic:
      return StartsAt(s, i, "\"\"\"") ? 3 : 0;
    case State::kMultiLiteral:
      return StartsAt(s, i, "'''") ? 3 : 0;
    case State::kPlain:
      return 0;
  }
  return 0;
}

bool StartsKey(char c) {
  return c == '=' || c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\n';
}

// Takes the scanner past byte `i` inside a string or comment: to the byte
// after it, or after the closing of the string or comment (a line break
// closing one starts a new key). Returns where scanning goes on.
size_t StepInside(State& state, std::string_view s, size_t i, size_t& parts) {
  if ((state == State::kBasic || state == State::kMultiBasic) && s[i] == '\\') {
    return std::min(i + 2, s.size());  // an escape, whatever it escapes
  }
  size_t n = Closing(state, s, i);
  if (n == 0) return i + 1;
  if (s[i] == '\n') parts = 1;
  state = State::kPlain;
  return i + n;
}

}  // namespace

size_t MaxKeyParts(std::string_view toml) {
  State state = State::kPlain;
  size_t parts = 1, most = 1;
  for (size_t i = 0; i < toml.size();) {
    if (state != State::kPlain) {
      i = StepInside(state, toml, i, parts);
      continue;
    }
    auto [next, n] = Opening(toml, i);
    if (n > 0) {
      state = next;
      i += n;
      continue;
    }
    if (StartsKey(toml[i])) parts = 1;
    if (toml[i] == '.') most = std::max(most, ++parts);
    ++i;
  }
  return most;
}

}  // namespace tribune
