// Labelled comment files (JSONL, the format of the project's datasets):
// one object a line with body, label ("spam"/"ham"), and optional author,
// email, thread, id, source, article_title, article_body.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "spam/types.h"

namespace tribune::spam::cli {

struct Example {
  CommentInput comment;
  bool is_spam = false;
  std::string id, thread, source;
};

// Reads every file in `paths` (comma-separated lists are split).
// InvalidArgument names the file and line of a malformed row.
Result<std::vector<Example>> LoadExamples(const std::vector<std::string>& paths);

// Parses one JSON comment object (as `spam check` reads it).
Result<CommentInput> ParseComment(const std::string& json);

// Splits "a,b" into {"a", "b"}, dropping empty parts.
std::vector<std::string> SplitList(const std::vector<std::string>& args);

// A stable 64-bit hash of a string, for deterministic splits.
uint64_t StableHash(const std::string& s);

}  // namespace tribune::spam::cli
