// HTML typed into a comment box: real readers rarely write tags, link
// spammers paste anchors prepared for blogs that render them.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

namespace {

// An anchor a blog platform rendered, not one a writer typed: platforms mark
// the links of comments rel="nofollow" (or "ugc"), which is what a link
// spammer's prepared anchor leaves out. Comments exported from a blog carry
// them, and a reader's link there is only a link.
bool TypedAnchor(std::string_view raw, std::string* first) {
  static const RE2 kBBCode(R"((?i)(\[url\s*=|\[url\]|\[link\s*=))");
  static const RE2 kAnchor(R"((?i)(<a\s[^>]*href\s*=[^>]*>?))");
  static const RE2 kRendered(R"((?i)\brel\s*=\s*["']?[^"'>]*\b(?:nofollow|ugc)\b)");
  re2::StringPiece input(raw.data(), raw.size());
  std::string tag;
  while (RE2::FindAndConsume(&input, kAnchor, &tag)) {
    if (!RE2::PartialMatch(tag, kRendered)) {
      *first = tag.substr(0, tag.find('=') + 1);
      return true;
    }
  }
  return RE2::PartialMatch(raw, kBBCode, first);
}

}  // namespace

void CheckRawHtml(const Analysis& a, Hits* out) {
  static const RE2 kTag(
      R"((?i)(</?(?:b|i|u|p|div|span|img|strong|em|h[1-6]|iframe|script|br|font)\b[^>]*>))");
  const std::string& typed = a.input->raw_body.empty() ? a.input->body : a.input->raw_body;
  // Markup inside code (a reader's HTML question) is not typed-in markup.
  std::string prose = a.code.code_lines > 0 ? text::SplitCode(typed).prose : std::string();
  const std::string& raw = a.code.code_lines > 0 ? prose : typed;
  std::string m;
  if (TypedAnchor(raw, &m)) {
    out->push_back({"RAW_HTML_LINK", 1.0, Clip(m)});
  } else if (RE2::PartialMatch(raw, kTag, &m)) {
    out->push_back({"RAW_HTML", 1.0, Clip(m)});
  }
}

}  // namespace tribune::spam::signals
