// The BBCode parse tree: a flat, pre-order list of nodes.
//
// A flat list (rather than heap-linked children) keeps a parse of a 1 MB
// comment cheap and lets renderers walk the tree with a loop instead of
// recursion. Nesting is bounded by kMaxDepth; the parser turns deeper tags
// into text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tribune::bbcode {

// Deepest element nesting the parser builds; a tag that would open deeper
// is kept as literal text.
inline constexpr int kMaxDepth = 20;

// Most smilies drawn per document; later smiley codes stay text, so a
// comment cannot make a page load thousands of images.
inline constexpr int kMaxSmilies = 50;

enum class NodeKind : uint8_t {
  kText,     // `value` is the text, unescaped; line breaks are "\n"
  kSmiley,   // `value` is the smiley name, e.g. "wink"
  kElement,  // a tag; its descendants are the nodes before `end`
};

enum class Tag : uint8_t {
  kBold,
  kItalic,
  kUnderline,
  kStrike,
  kLeft,
  kCenter,
  kRight,
  kColor,  // `value`: a validated colour ("red", "#a1b2c3"), or "" when refused
  kUrl,    // `value`: a validated http/https/mailto URL, or "" when refused
  kLeech,  // `value`: a validated http/https URL, or "" when refused
  kHide,
  kQuote,    // `value`: the quoted author, may be ""
  kSpoiler,  // `value`: the summary title, may be ""
};

struct Node {
  NodeKind kind = NodeKind::kText;
  Tag tag = Tag::kBold;  // meaningful for kElement only
  // One past the last descendant's index; for non-elements, index + 1.
  uint32_t end = 0;
  std::string value;
};

// The result of Parse. Invariants the renderers rely on: nodes are in
// pre-order, each element's descendants occupy [index + 1, end), subtrees
// nest properly, and element depth never exceeds kMaxDepth.
struct Document {
  std::vector<Node> nodes;
};

}  // namespace tribune::bbcode
