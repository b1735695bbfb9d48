// Visits a Document in order without recursion.
#pragma once

#include <cstdint>
#include <vector>

#include "bbcode/document.h"

namespace tribune::bbcode {

// Calls, in document order:
//   bool visitor.Enter(const Node& element, bool has_children)
//        -- false skips the element's content and its Leave;
//   void visitor.Leave(const Node& element);
//   void visitor.Leaf(const Node& node)  -- text, newline or smiley.
template <typename Visitor>
void Walk(const Document& doc, Visitor& visitor) {
  const std::vector<Node>& nodes = doc.nodes;
  std::vector<uint32_t> open;
  open.reserve(kMaxDepth);
  uint32_t i = 0;
  auto leave_ended = [&] {
    while (!open.empty() && nodes[open.back()].end <= i) {
      visitor.Leave(nodes[open.back()]);
      open.pop_back();
    }
  };
  while (i < nodes.size()) {
    leave_ended();
    const Node& node = nodes[i];
    if (node.kind != NodeKind::kElement) {
      visitor.Leaf(node);
      ++i;
    } else if (visitor.Enter(node, node.end > i + 1)) {
      open.push_back(i);
      ++i;
    } else {
      i = node.end;
    }
  }
  leave_ended();
}

}  // namespace tribune::bbcode
