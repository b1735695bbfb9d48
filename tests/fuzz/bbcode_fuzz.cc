// BBCode: any bytes a reader can send parse into a tree that keeps its
// invariants, and render to HTML the strict checker accepts (only the
// renderer's own markup, everything escaped, links only where allowed), for
// guests and signed-in readers, with and without protected links; the text
// rendering and link targets are valid UTF-8 too.
#include <string>

#include "bbcode/bbcode.h"
#include "bbcode_html_check.h"
#include "core/html.h"
#include "core/utf8.h"
#include "fuzz_check.h"

namespace {

using tribune::fuzz::Check;
namespace bbcode = tribune::bbcode;

void CheckTree(const bbcode::Document& doc) {
  std::vector<uint32_t> open;  // ends of the elements enclosing the current node
  int smilies = 0;
  for (uint32_t i = 0; i < doc.nodes.size(); ++i) {
    const bbcode::Node& n = doc.nodes[i];
    while (!open.empty() && open.back() <= i) open.pop_back();
    Check(n.end > i && n.end <= doc.nodes.size(), "a node's end lies after it, inside the list");
    Check(open.empty() || n.end <= open.back(), "a subtree nests inside its parent");
    Check(tribune::utf8::IsValid(n.value), "node values are UTF-8", n.value);
    if (n.kind == bbcode::NodeKind::kElement) {
      open.push_back(n.end);
      Check(static_cast<int>(open.size()) <= bbcode::kMaxDepth, "nesting stays within kMaxDepth");
    } else {
      Check(n.end == i + 1, "a text or smiley node has no descendants");
    }
    if (n.kind == bbcode::NodeKind::kSmiley) ++smilies;
    if (n.kind == bbcode::NodeKind::kText) {
      for (unsigned char c : n.value) {
        Check(c >= 0x20 || c == '\t' || c == '\n', "no control characters in text", n.value);
      }
    }
  }
  Check(smilies <= bbcode::kMaxSmilies, "at most kMaxSmilies smilies");
}

void CheckHtml(const std::string& html) {
  std::string problem = bbcode::testing::CheckRenderedHtml(html);
  Check(problem.empty(), "rendered HTML passes the strict checker", problem + "\n" + html);
  Check(tribune::utf8::IsValid(html), "rendered HTML is UTF-8", html);
  Check(!tribune::fuzz::ContainsNoCase(html, "<script"), "no <script in HTML", html);
}

bbcode::RenderOptions Options(bool signed_in, bool leech) {
  bbcode::RenderOptions opts;
  opts.viewer_signed_in = signed_in;
  if (leech) {
    opts.leech_href = [](std::string_view target) {
      return "/go?u=" + tribune::html::UrlEncode(target);
    };
  }
  return opts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source = tribune::fuzz::AsText(data, size);
  bbcode::Document doc = bbcode::Parse(source);
  CheckTree(doc);
  std::string guest = bbcode::RenderHtml(doc, Options(false, true));
  CheckHtml(guest);
  CheckHtml(bbcode::RenderHtml(doc, Options(true, false)));
  Check(bbcode::ToHtml(source, Options(false, true)) == guest, "ToHtml is Parse + RenderHtml");
  std::string text = bbcode::RenderText(doc);
  Check(tribune::utf8::IsValid(text), "rendered text is UTF-8", text);
  for (const std::string& target : bbcode::LinkTargets(doc)) {
    bool scheme = target.starts_with("http://") || target.starts_with("https://") ||
                  target.starts_with("mailto:");
    Check(scheme, "link targets are http, https or mailto", target);
    for (unsigned char c : target) {
      bool forbidden =
          c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`';
      Check(!forbidden, "no space, control, quote, angle bracket or backslash in a link", target);
    }
  }
  return 0;
}
