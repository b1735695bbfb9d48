// Code is not spam: a comment with code, commands, error messages or a
// stack trace is a reader working on the article's subject. Those lines are
// kept out of the model's words (Analysis::body is the prose alone); this
// rule says that they were there.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckCodeText(const Analysis& a, Hits* out) {
  if (a.code.code_lines == 0) return;
  std::string what = std::to_string(a.code.code_lines) + " line" + (a.code.code_lines > 1 ? "s" : "");
  if (a.code.trace_lines > 0) what += ", error output";
  out->push_back({"CODE_TEXT", 1.0, what + ": " + Clip(a.code.example, 40)});
}

}  // namespace tribune::spam::signals
