#include "spam/text/code.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace tribune::spam::text {
namespace {

constexpr int kCodeScore = 3;         // a line outside a code block
constexpr int kBlockCodeScore = 1;    // a line inside "[code]" or a Markdown fence
constexpr size_t kExampleBytes = 60;

// Stack traces and error reports of common runtimes and compilers.
const RE2& TraceLine() {
  static const RE2 re(
      R"(^\s*(?:Traceback \(most recent call last\)|File "[^"]+", line \d+)"
      R"(|at [\w$.<>\[\]/]+ ?\([^)]*(?::\d+)+\)|at [^ ]+:\d+:\d+\)?\s*$)"
      R"(|Exception in thread |Caused by: |#\d+ +0x[0-9a-fA-F]+ in )"
      R"(|(?:[\w]+\.)*[A-Z]\w*(?:Error|Exception|Warning)(?::|\s*$))"
      R"(|(?:fatal )?error(?: [A-Z]+\d+)?: |warning: |Segmentation fault|\w+\.\w+:\d+:(?:\d+:)? )"
      // Log lines: kernel timestamps, ISO times, levels.
      R"(|\[\s*\d+\.\d+\]|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}[.,]\d+ )"
      R"(|\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL|NOTICE)\]?:? ))");
  return re;
}

// Shell commands of package managers, version control and the usual tools.
const RE2& CommandLine() {
  static const RE2 re(
      R"(^\s*(?:\$ [a-z]|>>> [a-z_]|PS [A-Z]:\\[^>]*> \S|[A-Z]:\\[^>]*> \S))"
      R"(|^\s*(?:sudo\s+)?(?:pip3?|npm|npx|yarn|pnpm|conda|apt(?:-get)?|brew|gem|cargo|go|dotnet|composer)\s+)"
      R"((?:install|uninstall|update|upgrade|run|build|get|add|remove|init|test|create|activate|list)\b)"
      R"(|^\s*(?:sudo\s+)?git\s+(?:clone|commit|push|pull|checkout|merge|rebase|status|log|add|reset|fetch|branch|diff|stash)\b)"
      R"(|^\s*(?:sudo\s+)?(?:docker|kubectl|systemctl|journalctl|gcloud|aws|az)\s+[a-z-]+)"
      R"(|^\s*(?:python3?|node|java|ruby|perl|bash|sh|php|Rscript)\s+[-\w./]+\.(?:py|js|jar|rb|pl|sh|php|R)\b)"
      R"(|^\s*(?:cd|ls|cat|chmod|chown|mkdir|rm|cp|mv|export|source|tar|ssh|scp)\s+(?:-\w+|[~./$][^\s]*))"
      R"(|^\s*(?:curl|wget)\s+(?:-|https?://))");
  return re;
}

// Declarations and statements of the common languages, SQL and markup.
const RE2& SyntaxLine() {
  static const RE2 re(
      R"(^\s*(?:#include\s*[<"]|#define\s|import\s+[\w.*{]|from\s+[\w.]+\s+import\s|using\s+namespace\s)"
      R"(|package\s+[\w.]+;|def\s+\w+\s*\(|class\s+\w+\s*[:({]|function\s*\w*\s*\(|fn\s+\w+\s*\()"
      R"(|(?:public|private|protected)\s+(?:static\s+)?\w+|(?:const|let|var|val|auto|int|void|char|double|float|bool)\s+\*?\w+\s*[=;(\[])"
      R"(|return\b[^.!?]*;\s*$|(?:if|for|while|switch|catch)\s*\(.*\)\s*\{?\s*$|\}\s*(?:else|catch)\b)"
      R"(|(?i:select)\s+.+\s+(?i:from)\s+\w|(?i:insert\s+into|create\s+table|update\s+\w+\s+set)\s)"
      R"(|<\?php|</?[a-z][a-z0-9]*(?:\s+[a-z-]+=["'][^"']*["'])*\s*/?>\s*$|\w+\s*=\s*[\w.]+\([^)]*\)\s*;?\s*$))");
  return re;
}

bool IsCodePunct(char c) {
  switch (c) {
    case '{': case '}': case '[': case ']': case '(': case ')': case ';': case '=':
    case '<': case '>': case '_': case '$': case '\\': case '|': case '&': case '*':
      return true;
    default:
      return false;
  }
}

// Points for code-like tokens: operators, calls, identifiers in camelCase
// or snake_case, a line ending in ; { or }, and dense punctuation.
int ShapeScore(std::string_view line) {
  static const RE2 kOperator(R"(\w\s*(?:==|!=|<=|>=|=>|->|::|\+=|-=|&&|\|\||\+\+)\s*[\w("'])");
  static const RE2 kCall(R"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\s*\()");
  static const RE2 kIdentifier(R"(\b[a-z]+_[a-z_0-9]+\b|\b[a-z]+[A-Z]\w*\b)");
  int score = 0, punct = 0, visible = 0;
  for (char c : line) {
    punct += IsCodePunct(c);
    visible += !std::isspace(static_cast<unsigned char>(c));
  }
  if (RE2::PartialMatch(line, kOperator)) score += 1;
  if (RE2::PartialMatch(line, kCall)) score += 2;
  if (RE2::PartialMatch(line, kIdentifier)) score += 1;
  size_t end = line.find_last_not_of(" \t\r");
  if (end != std::string_view::npos && (line[end] == ';' || line[end] == '{' || line[end] == '}')) {
    score += 2;
  }
  if (punct >= 3 && punct * 8 >= visible) score += 1;
  return score;
}

enum class LineKind { kProse, kCode, kTrace };

// A cheap test before the patterns: most prose lines hold none of the
// characters and words that code, commands and error output are made of.
bool MayBeCode(std::string_view line) {
  if (line.find_first_of("{}();=<>[]`$\\|_#:") != std::string_view::npos) return true;
  size_t start = line.find_first_not_of(" \t");
  std::string_view first = line.substr(start, line.find(' ', start) - start);
  static constexpr std::string_view kCommands[] = {
      "pip", "pip3", "npm", "npx", "yarn", "pnpm", "conda", "apt", "apt-get", "brew", "gem",
      "cargo", "go", "dotnet", "composer", "sudo", "git", "docker", "kubectl", "systemctl",
      "journalctl", "gcloud", "aws", "az", "python", "python3", "node", "java", "ruby", "perl",
      "bash", "sh", "php", "Rscript", "cd", "ls", "cat", "chmod", "chown", "mkdir", "rm", "cp",
      "mv", "export", "source", "tar", "ssh", "scp", "curl", "wget", "import", "from", "def",
      "class", "function", "fn", "return", "public", "private", "protected", "const", "let",
      "var", "val", "auto", "int", "void", "char", "double", "float", "bool", "package",
      "using", "SELECT", "select", "INSERT", "CREATE", "UPDATE", "Segmentation", "Exception",
      "Caused", "Traceback", "File", "at", "fatal", "error", "warning", "INFO", "WARN",
      "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "CRITICAL", "NOTICE"};
  return std::find(std::begin(kCommands), std::end(kCommands), first) != std::end(kCommands);
}

LineKind Classify(std::string_view line, bool in_block) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return LineKind::kProse;
  if (!in_block && !MayBeCode(line)) return LineKind::kProse;
  if (RE2::PartialMatch(line, TraceLine())) return LineKind::kTrace;
  if (RE2::PartialMatch(line, CommandLine()) || RE2::PartialMatch(line, SyntaxLine())) {
    return LineKind::kCode;
  }
  return ShapeScore(line) >= (in_block ? kBlockCodeScore : kCodeScore) ? LineKind::kCode
                                                                       : LineKind::kProse;
}

// "[code]" / "[/code]" or a Markdown fence: a line with an odd number of
// them opens or closes a block ("[code]x = 1[/code]" does neither).
bool TogglesBlock(std::string_view line, bool* has_marker) {
  static const RE2 kFence(R"((^\s*(?:```|~~~)|(?i:\[/?code(?:=[^\]]*)?\])))");
  re2::StringPiece input(line.data(), line.size());
  int markers = 0;
  while (RE2::FindAndConsume(&input, kFence)) ++markers;
  *has_marker = markers > 0;
  return markers % 2 == 1;
}

// Inline code in a prose line ("`x = 1`", "[code]x = 1[/code]"), replaced
// by a space.
void DropInlineCode(std::string* line) {
  static const RE2 kInline(R"(`[^`\n]{1,120}`|(?i:\[code(?:=[^\]]*)?\].{0,200}?\[/code\]))");
  RE2::GlobalReplace(line, kInline, " ");
}

}  // namespace

namespace {

struct Line {
  std::string_view text;
  LineKind kind;
};

// Adds `lines` to `out`, as prose or code by their kinds.
void Emit(const std::vector<Line>& lines, CodeSplit* out) {
  for (const Line& l : lines) {
    if (l.kind == LineKind::kProse) {
      std::string kept(l.text);
      if (kept.find_first_of("`[") != std::string::npos) DropInlineCode(&kept);
      out->prose += kept;
    } else {
      ++out->code_lines;
      out->trace_lines += l.kind == LineKind::kTrace;
      if (out->example.empty()) out->example = std::string(l.text.substr(0, kExampleBytes));
    }
    out->prose += '\n';
  }
}

// A code block is code as a whole (output, logs, data) once one of its
// lines has the shape of code; a block of sentences stays prose.
void EmitBlock(std::vector<Line>* block, CodeSplit* out) {
  bool code = std::any_of(block->begin(), block->end(),
                          [](const Line& l) { return l.kind != LineKind::kProse; });
  if (code) {
    for (Line& l : *block) {
      if (l.kind == LineKind::kProse) l.kind = LineKind::kCode;
    }
  }
  Emit(*block, out);
  block->clear();
}

}  // namespace

CodeSplit SplitCode(std::string_view text) {
  CodeSplit out;
  out.prose.reserve(text.size() + 1);
  bool in_block = false;
  std::vector<Line> block;  // the lines of the open block, fences included
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    bool marked = false;
    bool toggles = TogglesBlock(line, &marked);
    Line l{line, LineKind::kProse};
    if (in_block || toggles) {
      l.kind = Classify(line, true);
    } else if (line.find_first_of("`[") != std::string_view::npos) {
      // Prose around inline code is judged without the code.
      std::string stripped(line);
      DropInlineCode(&stripped);
      l.kind = Classify(stripped, false);
    } else {
      l.kind = Classify(line, false);
    }
    if (in_block || toggles) {
      block.push_back(l);
      if (toggles && in_block) EmitBlock(&block, &out);
      if (toggles) in_block = !in_block;
    } else {
      Emit({l}, &out);
    }
  }
  EmitBlock(&block, &out);  // an unclosed block ends with the text
  if (!out.prose.empty()) out.prose.pop_back();  // the newline after the last line
  return out;
}

}  // namespace tribune::spam::text
