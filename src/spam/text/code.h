// Tells code from prose in a comment. Readers of technical articles paste
// code, shell commands, error messages and stack traces; their identifiers,
// paths and URLs say nothing about spam, so the checks judge the prose alone
// and note that code was there (CODE_TEXT).
//
// A line is code by its shape, never by markup alone: a "[code]" or
// Markdown fence around ordinary sentences stays prose, so wrapping spam in
// code tags hides nothing.
#pragma once

#include <string>
#include <string_view>

namespace tribune::spam::text {

struct CodeSplit {
  std::string prose;     // the lines that are not code, newlines kept
  int code_lines = 0;    // lines judged code (in blocks or by shape)
  int trace_lines = 0;   // of which stack-trace or error-report lines
  std::string example;   // the first code line, clipped
};

// Thread-safe. `text` is NFKC text with invisible characters removed (see
// CleanNfkc), case kept.
CodeSplit SplitCode(std::string_view text);

}  // namespace tribune::spam::text
