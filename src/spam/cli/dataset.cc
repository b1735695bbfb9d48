#include "spam/cli/dataset.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace tribune::spam::cli {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

CommentInput FromJson(const nlohmann::json& j) {
  CommentInput c;
  c.author = Str(j, "author");
  c.email = Str(j, "email");
  c.body = Str(j, "body");
  c.raw_body = Str(j, "raw_body");
  c.article_title = Str(j, "article_title");
  c.article_body = Str(j, "article_body");
  c.ip = Str(j, "ip");
  c.user_agent = Str(j, "user_agent");
  return c;
}

}  // namespace

std::vector<std::string> SplitList(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    size_t start = 0;
    while (start <= a.size()) {
      size_t comma = a.find(',', start);
      if (comma == std::string::npos) comma = a.size();
      if (comma > start) out.push_back(a.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

uint64_t StableHash(const std::string& s) {
  uint64_t h = 14695981039346656037ULL;  // FNV-1a: stable across builds
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

Result<std::vector<Example>> LoadExamples(const std::vector<std::string>& paths) {
  std::vector<Example> out;
  for (const std::string& path : SplitList(paths)) {
    std::ifstream in(path);
    if (!in) return NotFound("cannot open " + path);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        return InvalidArgument(path + ":" + std::to_string(n) + ": not a JSON object");
      }
      Example e;
      e.comment = FromJson(j);
      std::string label = Str(j, "label");
      if (label != "spam" && label != "ham") {
        return InvalidArgument(path + ":" + std::to_string(n) + ": label must be spam or ham");
      }
      e.is_spam = label == "spam";
      e.id = Str(j, "id");
      e.thread = Str(j, "thread");
      e.source = Str(j, "source");
      out.push_back(std::move(e));
    }
  }
  return out;
}

Result<CommentInput> ParseComment(const std::string& json) {
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return InvalidArgument("input is not a JSON object");
  return FromJson(j);
}

}  // namespace tribune::spam::cli
