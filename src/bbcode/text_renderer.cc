// RenderText: the visible text of a Document.
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "bbcode/walk.h"

namespace tribune::bbcode {
namespace {

class TextRenderer {
 public:
  explicit TextRenderer(std::string& out) : out_(out) {}

  bool Enter(const Node& element, bool has_children);
  void Leave(const Node& element);
  void Leaf(const Node& node);

 private:
  // Blocks start and end on a line of their own, so words on either side of
  // one do not run together.
  void BreakLine();
  void QuoteSince(size_t start);

  std::string& out_;
  std::vector<size_t> link_starts_;
  std::vector<size_t> quote_starts_;
};

void TextRenderer::BreakLine() {
  if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
}

// Prefixes every line written since `start` with "> " (">" alone on empty
// lines), so nested quotes read "> > ".
void TextRenderer::QuoteSince(size_t start) {
  std::string body = out_.substr(start);
  while (!body.empty() && body.back() == '\n') body.pop_back();
  out_.resize(start);
  size_t line = 0;
  while (line <= body.size()) {
    size_t end = body.find('\n', line);
    if (end == std::string::npos) end = body.size();
    out_.append(end == line ? ">" : "> ").append(body, line, end - line).push_back('\n');
    line = end + 1;
  }
}

bool TextRenderer::Enter(const Node& element, bool has_children) {
  switch (element.tag) {
    case Tag::kUrl:
    case Tag::kLeech:
      link_starts_.push_back(out_.size());
      if (!has_children) out_.append(element.value);
      return true;
    case Tag::kHide:
      BreakLine();
      return false;
    case Tag::kQuote:
      BreakLine();
      quote_starts_.push_back(out_.size());
      if (!element.value.empty()) out_.append(element.value).append(" wrote:\n");
      return true;
    case Tag::kSpoiler:
      BreakLine();
      if (!element.value.empty()) out_.append(element.value).push_back('\n');
      return true;
    case Tag::kLeft:
    case Tag::kCenter:
    case Tag::kRight:
      BreakLine();
      return true;
    default:
      return true;
  }
}

void TextRenderer::Leave(const Node& element) {
  switch (element.tag) {
    case Tag::kUrl:
    case Tag::kLeech: {
      std::string_view text = std::string_view(out_).substr(link_starts_.back());
      link_starts_.pop_back();
      if (!element.value.empty() && text != element.value) {
        out_.append(" (").append(element.value).push_back(')');
      }
      return;
    }
    case Tag::kQuote:
      QuoteSince(quote_starts_.back());
      quote_starts_.pop_back();
      return;
    case Tag::kSpoiler:
    case Tag::kLeft:
    case Tag::kCenter:
    case Tag::kRight:
      BreakLine();
      return;
    default:
      return;
  }
}

void TextRenderer::Leaf(const Node& node) {
  switch (node.kind) {
    case NodeKind::kText:
      out_.append(node.value);
      return;
    case NodeKind::kSmiley:
      out_.append(":").append(node.value).push_back(':');
      return;
    case NodeKind::kElement:
      return;
  }
}

}  // namespace

std::string RenderText(const Document& doc) {
  std::string out;
  TextRenderer renderer(out);
  Walk(doc, renderer);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace tribune::bbcode
