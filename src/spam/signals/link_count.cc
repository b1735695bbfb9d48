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
  // Volume and density count the links of the prose: a pasted log full of
  // addresses is quoted output. Prose-shaped lines stay prose inside code
  // blocks too, so a pitch wrapped in [code] still counts.
  size_t placed = a.prose_links;
  if (placed >= kManyLinks) {
    out->push_back({"LINKS_MANY", 1.0, std::to_string(placed) + " links"});
  }
  size_t words = a.body.words.size();
  if (placed > 0 && words < kDenseWordsPerLink * placed + 4 * placed) {
    out->push_back({"LINK_DENSE", 1.0,
                    std::to_string(placed) + " links in " + std::to_string(words) + " words"});
  }
}

}  // namespace tribune::spam::signals
