// Builds a Document from cleaned BBCode source in one left-to-right pass.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bbcode/document.h"
#include "bbcode/tag_lexer.h"
#include "bbcode/tags.h"

namespace tribune::bbcode {

// Single use: construct, then Run() once. Uses an explicit stack of open
// elements (never recursion), so any input parses in linear time.
class Parser {
 public:
  // `source` must already have passed CleanSource.
  explicit Parser(std::string source);
  Document Run();

 private:
  // An element still open, and the order it was opened in.
  struct Open {
    uint32_t node;
    uint64_t serial;
  };
  // The last search for a raw link's closing tag: the first closer at or
  // after `from` is at `found` (npos: none).
  struct CloserSearch {
    size_t from = std::string_view::npos;
    size_t found = std::string_view::npos;
  };

  size_t ParseTagAt(size_t pos);
  size_t HandleOpen(const LexedTag& tag, std::string_view text);
  void HandleClose(const LexedTag& tag, std::string_view text);
  size_t OpenRawLink(const TagSpec& spec, size_t content_begin, std::string_view text);
  size_t FindCloser(Tag tag, size_t from);

  void OpenElement(Tag tag, std::string value);
  void CloseTop();
  void CloseThrough(size_t stack_index, bool reopen);
  void AddLiteralOpen(Tag tag, std::string_view text);

  void AppendText(size_t begin, size_t end);
  size_t AppendAutolink(size_t pos, size_t end);
  void AppendPlain(std::string_view text);
  void AppendSmiley(std::string_view name);
  void DropTrailingNewline();
  size_t SkipSwallowedNewline(size_t pos, size_t end);

  std::string source_;
  Document doc_;
  std::vector<Open> stack_;
  // Per tag, the serials of opening tags kept as literal text whose closing
  // tag has not come yet: that closing tag is literal text too.
  std::array<std::vector<uint64_t>, kTagCount> literal_opens_;
  std::array<CloserSearch, kTagCount> closer_searches_;
  uint64_t next_serial_ = 1;
  int link_depth_ = 0;
  bool swallow_newline_ = false;
  int smilies_ = 0;
  // The text node new text may be appended to, while it is the last node.
  uint32_t text_node_ = UINT32_MAX;
};

}  // namespace tribune::bbcode
