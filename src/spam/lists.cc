#include "spam/lists.h"

#include <fstream>
#include <sstream>

namespace tribune::spam {
namespace {

std::string Trimmed(const std::string& line) {
  size_t hash = line.find('#');
  std::string s = line.substr(0, hash);
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

void ReadSet(const std::string& path, std::unordered_set<std::string>* out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string s = Trimmed(line);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!s.empty() && s[0] == '.') s.erase(0, 1);
    if (!s.empty()) out->insert(s);
  }
}

Status ReadPatterns(const std::string& path, std::vector<Pattern>* out) {
  std::ifstream in(path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Pattern p;
    std::string regex;
    fields >> p.symbol >> p.score >> std::ws;
    std::getline(fields, regex);
    if (p.symbol.empty()) continue;
    if (regex.empty()) return InvalidArgument(path + ":" + std::to_string(n) + ": no regex");
    RE2::Options opts;
    opts.set_log_errors(false);
    p.regex = std::make_unique<RE2>(regex, opts);
    if (!p.regex->ok()) {
      return InvalidArgument(path + ":" + std::to_string(n) + ": " + p.regex->error());
    }
    out->push_back(std::move(p));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Lists>> Lists::LoadDir(const std::string& dir) {
  auto lists = std::make_unique<Lists>();
  std::string base = dir.empty() ? "." : dir;
  ReadSet(base + "/disposable_domains.txt", &lists->disposable_email_domains);
  ReadSet(base + "/bad_domains.txt", &lists->bad_link_domains);
  ReadSet(base + "/shorteners.txt", &lists->shorteners);
  ReadSet(base + "/suspicious_tlds.txt", &lists->suspicious_tlds);
  ReadSet(base + "/profile_hosts.txt", &lists->profile_hosts);
  ReadSet(base + "/money_hosts.txt", &lists->money_hosts);
  ReadSet(base + "/reference_hosts.txt", &lists->reference_hosts);
  ReadSet(base + "/commercial_words.txt", &lists->commercial_words);
  ReadSet(base + "/common_hosts.txt", &lists->common_hosts);
  ReadSet(base + "/listed_sites.txt", &lists->listed_sites);
  ReadSet(base + "/listed_numbers.txt", &lists->listed_numbers);
  TRIBUNE_RETURN_IF_ERROR(ReadPatterns(base + "/patterns.txt", &lists->patterns));
  TRIBUNE_RETURN_IF_ERROR(lists->CompilePatterns());
  return lists;
}

Status Lists::CompilePatterns() {
  std::vector<std::string> regexes;
  for (const Pattern& p : patterns) regexes.push_back(p.regex->pattern());
  auto set = PatternSet::Build(regexes);
  if (!set.ok()) return set.status();
  pattern_set = std::move(set).value();
  return Status::Ok();
}

}  // namespace tribune::spam
