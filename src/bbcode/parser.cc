#include "bbcode/parser.h"

#include <algorithm>
#include <utility>

#include "bbcode/ascii.h"
#include "bbcode/autolink.h"
#include "bbcode/color.h"
#include "bbcode/smilies.h"
#include "bbcode/url.h"
#include "core/utf8.h"

namespace tribune::bbcode {
namespace {

constexpr size_t kNpos = std::string_view::npos;
constexpr uint32_t kNoNode = UINT32_MAX;
// Longest [quote=name] and [spoiler=title] labels kept, in code points.
constexpr size_t kMaxQuoteNameLength = 64;
constexpr size_t kMaxSpoilerTitleLength = 100;

// [url="http://..."] and [quote='Ann'] mean the same as without quotes.
std::string_view StripQuotes(std::string_view arg) {
  while (!arg.empty() && arg.front() == ' ') arg.remove_prefix(1);
  while (!arg.empty() && arg.back() == ' ') arg.remove_suffix(1);
  if (arg.size() >= 2 && (arg.front() == '"' || arg.front() == '\'') && arg.back() == arg.front()) {
    return arg.substr(1, arg.size() - 2);
  }
  return arg;
}

std::string Label(std::string_view arg, size_t max_length) {
  return utf8::Truncate(utf8::Trim(StripQuotes(arg)), max_length);
}

// The validated value an element keeps for its argument.
std::string ArgumentValue(Tag tag, std::string_view arg) {
  switch (tag) {
    case Tag::kColor:
      return NormalizeColor(StripQuotes(arg));
    case Tag::kUrl:
      return SanitizeUrl(StripQuotes(arg), UrlSchemes::kWebAndMail);
    case Tag::kLeech:
      return SanitizeUrl(StripQuotes(arg), UrlSchemes::kWeb);
    case Tag::kQuote:
      return Label(arg, kMaxQuoteNameLength);
    case Tag::kSpoiler:
      return Label(arg, kMaxSpoilerTitleLength);
    default:
      return {};
  }
}

bool ArgumentFits(const TagSpec& spec, bool has_arg) {
  if (has_arg) return spec.arg != ArgRule::kNone;
  return spec.arg != ArgRule::kRequired;
}

}  // namespace

Parser::Parser(std::string source) : source_(std::move(source)) {}

Document Parser::Run() {
  size_t pos = 0;
  while (pos < source_.size()) {
    size_t bracket = std::min(source_.find('[', pos), source_.size());
    AppendText(pos, bracket);
    if (bracket == source_.size()) break;
    pos = ParseTagAt(bracket);
  }
  while (!stack_.empty()) CloseTop();
  return std::move(doc_);
}

size_t Parser::ParseTagAt(size_t pos) {
  LexedTag tag;
  if (!LexTag(source_, pos, &tag)) {
    AppendPlain("[");
    return pos + 1;
  }
  std::string_view text = std::string_view(source_).substr(pos, tag.end - pos);
  if (!tag.closing) return HandleOpen(tag, text);
  HandleClose(tag, text);
  return tag.end;
}

size_t Parser::HandleOpen(const LexedTag& tag, std::string_view text) {
  const TagSpec& spec = *tag.spec;
  // Links cannot nest in HTML, and a block inside a link would make the
  // whole block clickable.
  bool context_ok = link_depth_ == 0 || (!spec.link && !spec.block);
  if (!ArgumentFits(spec, tag.has_arg) || !context_ok ||
      stack_.size() >= static_cast<size_t>(kMaxDepth)) {
    AddLiteralOpen(spec.tag, text);
    return tag.end;
  }
  if (spec.raw_without_arg && !tag.has_arg) return OpenRawLink(spec, tag.end, text);
  OpenElement(spec.tag, ArgumentValue(spec.tag, tag.arg));
  swallow_newline_ = spec.block;
  return tag.end;
}

void Parser::HandleClose(const LexedTag& tag, std::string_view text) {
  const TagSpec& spec = *tag.spec;
  auto open = std::find_if(stack_.rbegin(), stack_.rend(),
                           [&](const Open& o) { return doc_.nodes[o.node].tag == spec.tag; });
  uint64_t open_serial = open == stack_.rend() ? 0 : open->serial;
  std::vector<uint64_t>& literals = literal_opens_[static_cast<size_t>(spec.tag)];
  if (!literals.empty() && literals.back() > open_serial) {
    literals.pop_back();
    AppendPlain(text);
    return;
  }
  // A closing tag with nothing to close has no meaning; it is dropped.
  if (open == stack_.rend()) return;
  // "[quote]\ntext\n[/quote]": the block ends the line already.
  if (spec.block) DropTrailingNewline();
  CloseThrough(stack_.rend() - open - 1, /*reopen=*/!spec.block);
  swallow_newline_ = spec.block;
}

// [url]http://...[/url]: the content is the URL, so it is not parsed.
size_t Parser::OpenRawLink(const TagSpec& spec, size_t content_begin, std::string_view text) {
  size_t close = FindCloser(spec.tag, content_begin);
  if (close == kNpos) {
    AppendPlain(text);
    return content_begin;
  }
  std::string_view content = std::string_view(source_).substr(content_begin, close - content_begin);
  auto schemes = spec.tag == Tag::kUrl ? UrlSchemes::kWebAndMail : UrlSchemes::kWeb;
  std::string url = SanitizeUrl(content, schemes);
  bool valid = !url.empty();
  OpenElement(spec.tag, std::move(url));
  if (valid) {
    AppendPlain(utf8::Trim(content));
  } else {
    AppendText(content_begin, close);
  }
  CloseTop();
  return close + spec.name.size() + 3;  // "[/" name "]"
}

size_t Parser::FindCloser(Tag tag, size_t from) {
  CloserSearch& last = closer_searches_[static_cast<size_t>(tag)];
  // Searches move forward only, so a previous answer still holds when it
  // lies at or after `from`, or when it was "none" from an earlier point.
  if (last.from != kNpos && last.from <= from && (last.found == kNpos || last.found >= from)) {
    return last.found;
  }
  std::string_view name = SpecOf(tag).name;
  std::string_view source = source_;
  size_t i = from;
  while ((i = source.find("[/", i)) != kNpos) {
    std::string_view rest = source.substr(i + 2);
    if (rest.size() > name.size() && ascii::StartsWithNoCase(rest, name) &&
        rest[name.size()] == ']') {
      break;
    }
    i += 2;
  }
  last = {from, i};
  return i;
}

void Parser::OpenElement(Tag tag, std::string value) {
  swallow_newline_ = false;
  doc_.nodes.push_back(Node{NodeKind::kElement, tag, 0, std::move(value)});
  stack_.push_back({static_cast<uint32_t>(doc_.nodes.size() - 1), next_serial_++});
  if (SpecOf(tag).link) ++link_depth_;
  text_node_ = kNoNode;
}

void Parser::CloseTop() {
  Open top = stack_.back();
  stack_.pop_back();
  Node& node = doc_.nodes[top.node];
  node.end = static_cast<uint32_t>(doc_.nodes.size());
  const TagSpec& spec = SpecOf(node.tag);
  if (spec.link) --link_depth_;
  // Empty formatting shows nothing; typically it was reopened by a
  // mis-nested closing tag right before its own closing tag.
  if (spec.reopenable && node.end == top.node + 1) doc_.nodes.pop_back();
  // Literal opening tags inside the element cannot be closed from outside.
  for (std::vector<uint64_t>& literals : literal_opens_) {
    while (!literals.empty() && literals.back() > top.serial) literals.pop_back();
  }
  text_node_ = kNoNode;
}

void Parser::CloseThrough(size_t stack_index, bool reopen) {
  std::vector<std::pair<Tag, std::string>> reopened;
  while (stack_.size() > stack_index + 1) {
    const Node& node = doc_.nodes[stack_.back().node];
    if (reopen && SpecOf(node.tag).reopenable) reopened.emplace_back(node.tag, node.value);
    CloseTop();
  }
  CloseTop();
  for (auto it = reopened.rbegin(); it != reopened.rend(); ++it) {
    OpenElement(it->first, std::move(it->second));
  }
}

void Parser::AddLiteralOpen(Tag tag, std::string_view text) {
  literal_opens_[static_cast<size_t>(tag)].push_back(next_serial_++);
  AppendPlain(text);
}

void Parser::AppendText(size_t begin, size_t end) {
  std::string_view source = std::string_view(source_).substr(0, end);
  size_t i = SkipSwallowedNewline(begin, end);
  size_t run = i;
  auto flush = [&](size_t upto) { AppendPlain(source.substr(run, upto - run)); };
  while (i < end) {
    char c = source[i];
    size_t consumed = 0;
    if (c == '\n' || c == '\r') {
      flush(i);
      AppendPlain("\n");
      consumed = (c == '\r' && i + 1 < end && source[i + 1] == '\n') ? 2 : 1;
    } else if (std::string_view name;
               c == ':' && smilies_ < kMaxSmilies && (consumed = MatchSmiley(source, i, &name))) {
      flush(i);
      AppendSmiley(name);
    } else if ((c == 'h' || c == 'H') && (consumed = MatchAutolink(source, i))) {
      flush(i);
      consumed = AppendAutolink(i, i + consumed);
    }
    if (consumed == 0) {
      ++i;
      continue;
    }
    i += consumed;
    run = i;
  }
  flush(end);
}

// Links the candidate URL [pos, end) when it is safe and may be linked here;
// otherwise keeps it as text. Returns its length.
size_t Parser::AppendAutolink(size_t pos, size_t end) {
  std::string_view candidate = std::string_view(source_).substr(pos, end - pos);
  std::string url;
  if (link_depth_ == 0 && stack_.size() < static_cast<size_t>(kMaxDepth)) {
    url = SanitizeUrl(candidate, UrlSchemes::kWeb);
  }
  if (url.empty()) {
    AppendPlain(candidate);
  } else {
    OpenElement(Tag::kUrl, std::move(url));
    AppendPlain(candidate);
    CloseTop();
  }
  return end - pos;
}

void Parser::AppendPlain(std::string_view text) {
  swallow_newline_ = false;
  if (text.empty()) return;
  if (text_node_ != kNoNode && text_node_ + 1 == doc_.nodes.size()) {
    doc_.nodes.back().value.append(text);
    return;
  }
  doc_.nodes.push_back(Node{NodeKind::kText, Tag::kBold, 0, std::string(text)});
  text_node_ = static_cast<uint32_t>(doc_.nodes.size() - 1);
  doc_.nodes.back().end = text_node_ + 1;
}

void Parser::AppendSmiley(std::string_view name) {
  swallow_newline_ = false;
  ++smilies_;
  doc_.nodes.push_back(Node{NodeKind::kSmiley, Tag::kBold, 0, std::string(name)});
  doc_.nodes.back().end = static_cast<uint32_t>(doc_.nodes.size());
}

// Drops a line break ending the innermost open element's own text. When the
// last node is the mergeable text node, no element has opened or closed since
// it was appended, so it is a direct child of the innermost open element.
void Parser::DropTrailingNewline() {
  if (text_node_ == kNoNode || text_node_ + 1 != doc_.nodes.size()) return;
  std::string& text = doc_.nodes.back().value;
  if (text.back() != '\n') return;
  text.pop_back();
  if (text.empty()) {
    doc_.nodes.pop_back();
    text_node_ = kNoNode;
  }
}

size_t Parser::SkipSwallowedNewline(size_t pos, size_t end) {
  if (!swallow_newline_ || pos >= end) return pos;
  swallow_newline_ = false;
  if (source_[pos] == '\r') return (pos + 1 < end && source_[pos + 1] == '\n') ? pos + 2 : pos + 1;
  return source_[pos] == '\n' ? pos + 1 : pos;
}

}  // namespace tribune::bbcode
