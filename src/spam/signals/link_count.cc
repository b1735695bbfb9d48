// Link count and density: comment spam exists to place links.
#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {
constexpr size_t kManyLinks = 3;
// Fewer words than this per link: the text is a wrapper for the link.
constexpr size_t kDenseWordsPerLink = 8;
}  // namespace

void CheckLinkCount(const Analysis& a, Hits* out) {
  const auto& links = a.links.links;
  if (links.empty()) return;
  out->push_back({"LINK_PRESENT", 1.0, Clip(links[0].text)});
  if (links.size() >= kManyLinks) {
    out->push_back({"LINKS_MANY", 1.0, std::to_string(links.size()) + " links"});
  }
  size_t words = a.body.words.size();
  if (words < kDenseWordsPerLink * links.size() + 4 * links.size()) {
    out->push_back(
        {"LINK_DENSE", 1.0,
         std::to_string(links.size()) + " links in " + std::to_string(words) + " words"});
  }
}

}  // namespace tribune::spam::signals
