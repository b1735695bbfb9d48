#include "bbcode/bbcode.h"

#include <utility>

#include "bbcode/clean_input.h"
#include "bbcode/parser.h"

namespace tribune::bbcode {

Document Parse(std::string_view source) { return Parser(CleanSource(source)).Run(); }

std::vector<std::string> LinkTargets(const Document& doc) {
  std::vector<std::string> targets;
  for (const Node& node : doc.nodes) {
    bool link =
        node.kind == NodeKind::kElement && (node.tag == Tag::kUrl || node.tag == Tag::kLeech);
    if (link && !node.value.empty()) targets.push_back(node.value);
  }
  return targets;
}

std::string ToHtml(std::string_view source, const RenderOptions& opts) {
  return RenderHtml(Parse(source), opts);
}

std::string ToText(std::string_view source) { return RenderText(Parse(source)); }

}  // namespace tribune::bbcode
