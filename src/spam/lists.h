// Word lists a site maintains by hand: disposable e-mail domains, link
// domains known to be bad, URL shorteners, abused top-level domains and
// moderator patterns. Plain text files, one entry a line, '#' comments.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "spam/pattern_set.h"

namespace tribune::spam {

// A moderator rule from patterns.txt: "SYMBOL SCORE REGEX" (RE2 syntax,
// matched against the NFKC-casefolded body, author and link hosts).
struct Pattern {
  std::string symbol;
  double score = 0;
  std::unique_ptr<RE2> regex;
};

struct Lists {
  std::unordered_set<std::string> disposable_email_domains;
  std::unordered_set<std::string> bad_link_domains;
  std::unordered_set<std::string> shorteners;
  std::unordered_set<std::string> suspicious_tlds;
  std::unordered_set<std::string> profile_hosts;
  std::unordered_set<std::string> money_hosts;
  // Documentation and code hosts (docs.python.org, github.com): links there
  // are citations, not promotion.
  std::unordered_set<std::string> reference_hosts;
  // Words of commercial keyword phrases ("roofing", "loans", "travel"): a
  // name made of them is anchor text, not a person (AUTHOR_KEYWORD).
  std::unordered_set<std::string> commercial_words;
  // Domains everyone links to (youtube.com, nytimes.com): not a campaign's
  // own, so sharing one ties no comments together.
  std::unordered_set<std::string> common_hosts;
  // Long-lived public spam lists (listed_*.txt, from SmokeDetector): host
  // names of spam sites and digits of spam telephone numbers.
  std::unordered_set<std::string> listed_sites;
  std::unordered_set<std::string> listed_numbers;
  std::vector<Pattern> patterns;
  // All of `patterns` in one vectorscan scan: pattern_set index i is patterns[i].
  std::unique_ptr<PatternSet> pattern_set;

  // (Re)builds pattern_set from patterns; LoadDir does it.
  Status CompilePatterns();


  // Reads the files that exist in `dir`; a missing file is an empty list,
  // a malformed pattern line is InvalidArgument naming file and line.
  static Result<std::unique_ptr<Lists>> LoadDir(const std::string& dir);
};

}  // namespace tribune::spam
