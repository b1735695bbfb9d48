// RenderHtml: the markup each node becomes.
#include <array>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "bbcode/tags.h"
#include "bbcode/walk.h"
#include "core/html.h"

namespace tribune::bbcode {
namespace {

constexpr std::string_view kLinkRel = "ugc nofollow noopener";
constexpr std::string_view kHiddenNotice = "Hidden text: sign in to see it";
constexpr std::string_view kDefaultSpoilerTitle = "Spoiler";

class HtmlRenderer {
 public:
  HtmlRenderer(const RenderOptions& opts, std::string& out) : opts_(opts), out_(out) {}

  bool Enter(const Node& element, bool has_children);
  void Leave(const Node& element);
  void Leaf(const Node& node);

 private:
  bool EnterLink(const Node& element, bool has_children);
  bool EnterHide();
  void AppendText(std::string_view text);
  void OpenAnchor(std::string_view href);
  // The href a link element gets, or "" when it renders as plain text.
  std::string Href(const Node& element) const;

  const RenderOptions& opts_;
  std::string& out_;
  // Per open link element, whether it opened an <a> (refused URLs and
  // [leech] without a leech_href render as plain text).
  std::vector<bool> anchors_;
};

std::string HtmlRenderer::Href(const Node& element) const {
  if (element.value.empty()) return {};
  if (element.tag == Tag::kUrl) return element.value;
  return opts_.leech_href ? opts_.leech_href(element.value) : std::string();
}

void HtmlRenderer::OpenAnchor(std::string_view href) {
  out_.append("<a href=\"");
  html::AppendEscaped(out_, href);
  out_.append("\" rel=\"").append(kLinkRel).append("\">");
}

bool HtmlRenderer::EnterLink(const Node& element, bool has_children) {
  std::string href = Href(element);
  anchors_.push_back(!href.empty());
  if (href.empty()) return true;
  OpenAnchor(href);
  // [url=http://x][/url] would be an invisible link; show where it goes.
  if (!has_children) html::AppendEscaped(out_, element.value);
  return true;
}

// Markup of the tags whose HTML does not depend on their value or on the
// viewer, indexed by Tag; empty for the others.
struct FixedMarkup {
  std::string_view open;
  std::string_view close;
};
constexpr std::array<FixedMarkup, kTagCount> kFixedMarkup = {{
    {"<b>", "</b>"},
    {"<i>", "</i>"},
    {"<u>", "</u>"},
    {"<s>", "</s>"},
    {"<div class=\"bb-left\">", "</div>"},
    {"<div class=\"bb-center\">", "</div>"},
    {"<div class=\"bb-right\">", "</div>"},
    {},  // color
    {},  // url
    {},  // leech
    {},  // hide
    {"<blockquote class=\"quote\">", "</blockquote>"},
    {"<details class=\"spoiler\"><summary>", "</details>"},
}};

const FixedMarkup& MarkupOf(Tag tag) { return kFixedMarkup[static_cast<size_t>(tag)]; }

void HtmlRenderer::AppendText(std::string_view text) {
  for (size_t line_end; (line_end = text.find('\n')) != std::string_view::npos;) {
    html::AppendEscaped(out_, text.substr(0, line_end));
    out_.append("<br>");
    text.remove_prefix(line_end + 1);
  }
  html::AppendEscaped(out_, text);
}

bool HtmlRenderer::EnterHide() {
  if (opts_.viewer_signed_in) {
    out_.append("<div class=\"hidden-text\">");
    return true;
  }
  out_.append("<div class=\"hidden-text hidden-text-locked\">").append(kHiddenNotice);
  out_.append("</div>");
  return false;
}

bool HtmlRenderer::Enter(const Node& element, bool has_children) {
  out_.append(MarkupOf(element.tag).open);
  switch (element.tag) {
    case Tag::kColor:
      // The value is a validated name or hex colour: safe in the attribute.
      if (!element.value.empty()) out_.append("<span style=\"color:" + element.value + "\">");
      return true;
    case Tag::kUrl:
    case Tag::kLeech:
      return EnterLink(element, has_children);
    case Tag::kHide:
      return EnterHide();
    case Tag::kQuote:
      if (!element.value.empty()) {
        out_.append("<cite>");
        html::AppendEscaped(out_, element.value);
        out_.append(" wrote:</cite>");
      }
      return true;
    case Tag::kSpoiler:
      html::AppendEscaped(out_, element.value.empty() ? kDefaultSpoilerTitle : element.value);
      out_.append("</summary>");
      return true;
    default:
      return true;
  }
}

void HtmlRenderer::Leave(const Node& element) {
  out_.append(MarkupOf(element.tag).close);
  switch (element.tag) {
    case Tag::kColor:
      if (!element.value.empty()) out_.append("</span>");
      return;
    case Tag::kUrl:
    case Tag::kLeech:
      if (anchors_.back()) out_.append("</a>");
      anchors_.pop_back();
      return;
    case Tag::kHide:
      out_.append("</div>");  // only reached for signed-in viewers
      return;
    default:
      return;
  }
}

void HtmlRenderer::Leaf(const Node& node) {
  switch (node.kind) {
    case NodeKind::kText:
      AppendText(node.value);
      return;
    case NodeKind::kSmiley:
      out_.append("<img class=\"smiley\" src=\"");
      html::AppendEscaped(out_, opts_.smiley_base);
      out_.append(node.value).append(".svg\" alt=\":").append(node.value);
      out_.append(":\" width=\"20\" height=\"20\">");
      return;
    case NodeKind::kElement:
      return;
  }
}

}  // namespace

std::string RenderHtml(const Document& doc, const RenderOptions& opts) {
  std::string out;
  out.reserve(doc.nodes.size() * 16);
  HtmlRenderer renderer(opts, out);
  Walk(doc, renderer);
  return out;
}

}  // namespace tribune::bbcode
