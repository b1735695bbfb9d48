// The site's own word and pattern lists, edited by moderators in the
// newsroom: what matches the hold list waits for a moderator, what matches
// the reject list is stored as spam (its sender gets the ordinary answer).
//
// One entry a line: a word or phrase (matched case-insensitively as whole
// words in the name and the text), or /a regular expression/ (RE2 syntax,
// case-insensitive). '#' starts a comment line. Every entry is checked before
// a list is saved: a regex RE2 refuses, an entry too long, too many entries,
// or a set slower than a fixed budget over a sample text is refused with the
// line named. All entries run in one vectorscan pass (spam::PatternSet), in
// time linear in the text.
//
// Immutable once built: share it between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "site/comment_form.h"
#include "spam/pattern_set.h"

namespace tribune::comments {

class WordLists {
 public:
  static constexpr size_t kMaxEntries = 1000;      // a list
  static constexpr size_t kMaxEntryBytes = 300;
  static constexpr double kMaxMicrosPerKiB = 50;   // matching the sample text

  // The lists as moderators wrote them. Errors (field "hold" or "reject",
  // the line and what is wrong) when an entry is refused; then null.
  static std::shared_ptr<const WordLists> Build(const std::string& hold, const std::string& reject,
                                                std::vector<site::FieldError>* errors);

  struct Match {
    bool reject = false;
    std::string entry;    // as the list has it
    std::string matched;  // the text it matched
  };
  // The first reject match, else the first hold match, in `name` and `text`.
  std::optional<Match> Check(const std::string& name, const std::string& text) const;

  const std::string& hold() const { return hold_; }
  const std::string& reject() const { return reject_; }
  size_t entries() const { return entries_.size(); }

 private:
  struct Entry {
    bool reject;
    std::string text;    // as the list has it
    std::string folded;  // a word or phrase, folded as the text is; "" for a regex
  };
  std::string hold_, reject_;
  std::vector<Entry> entries_;  // entries_[i] is pattern i of set_
  std::unique_ptr<spam::PatternSet> set_;
};

}  // namespace tribune::comments
