// Like bait: "like this comment if…", "thumbs up if…", "like 4 like". The
// comment exists to collect likes that lift it, or the writer's profile,
// to the top of the thread; video sites' moderators count it as spam.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckLikeBait(const Analysis& a, Hits* out) {
  static const RE2 kBait(
      R"(\b((?:like|thumb)\s+(?:this|my)\s+(?:comment|post)\b)"
      R"(|thumbs?\s+(?:this\s+)?up\s+(?:if|so|for|of)\b)"
      R"(|like\s+if\s+(?:you|u|ur|your)\b)"
      R"(|(?:like|follow|sub)\s*(?:4|for)\s*(?:like|follow|sub)\b)"
      R"(|how\s+many\s+(?:likes|thumbs\s+up)\b))");
  re2::StringPiece match;
  if (RE2::PartialMatch(a.folded_body, kBait, &match)) {
    out->push_back({"LIKE_BAIT", 1.0, Clip(std::string_view(match.data(), match.size()))});
  }
}

}  // namespace tribune::spam::signals
