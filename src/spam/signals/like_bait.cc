// Like bait: "like this comment if…", "thumbs up if…", "like 4 like". The
// comment exists to collect likes that lift it, or the writer's profile,
// to the top of the thread; video sites' moderators count it as spam.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckLikeBait(const Analysis& a, Hits* out) {
  // Each form asks for the like; merely liking something ("I like this
  // post", "thumbs up for the reporter") or "like-for-like sales" does not.
  static const RE2 kBait(
      R"((?:^|[.!?]\s*)((?:please\s+|pls\s+|plz\s+)?(?:like|thumb)\s+(?:this|my)\s+(?:comment|post))\b)"
      R"(|((?:like|thumb)\s+(?:this|my)\s+(?:comment|post)\s+(?:if|so))\b)"
      R"(|(thumbs?\s+(?:this\s+)?up\s+(?:if|so|of))\b)"
      R"(|(?:^|[.!?]\s*)(like\s+if\s+(?:you|u|ur|your))\b)"
      R"(|\b((?:like|follow|sub)\s*4\s*(?:like|follow|sub)|f4f|l4l|s4s)\b)");
  re2::StringPiece m[5];
  if (MayMatch(a.folded_body, kBait) &&
      RE2::PartialMatch(a.folded_body, kBait, &m[0], &m[1], &m[2], &m[3], &m[4])) {
    for (const re2::StringPiece& g : m) {
      if (g.data() != nullptr) {
        out->push_back({"LIKE_BAIT", 1.0, Clip(std::string_view(g.data(), g.size()))});
        return;
      }
    }
  }
}

}  // namespace tribune::spam::signals
