// Relevance: real comments talk about the article and reuse its words;
// generic spam ("great post, visit my site") shares none.
#include <unordered_set>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
// Same bar as the article's terms (ArticleProfile).
constexpr size_t kMinTermBytes = 5;
constexpr size_t kMinCommentTerms = 12;
constexpr int kOnTopicShared = 2;

bool IsTerm(const std::string& w) {
  return w.size() >= kMinTermBytes && w.find_first_not_of("0123456789") != std::string::npos;
}

}  // namespace

void CheckRelevance(const Analysis& a, Hits* out) {
  if (!a.article || a.article->terms.empty()) return;
  std::unordered_set<std::string_view> comment_terms;
  int shared = 0;
  std::string example;
  for (const std::string& w : a.body.words) {
    if (!IsTerm(w) || !comment_terms.insert(w).second) continue;
    if (a.article->terms.count(w)) {
      ++shared;
      if (example.size() < 40) example += (example.empty() ? "" : ", ") + w;
    }
  }
  if (shared >= kOnTopicShared) {
    out->push_back({"ON_TOPIC", 1.0, example});
  } else if (shared == 0 && comment_terms.size() >= kMinCommentTerms) {
    out->push_back(
        {"OFF_TOPIC", 1.0, std::to_string(comment_terms.size()) + " terms, none shared"});
  }
}

}  // namespace tribune::spam::signals
