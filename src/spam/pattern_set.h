// Many moderator patterns run at once. One vectorscan database scans a text
// for every pattern in a single pass; RE2 then finds the matched text of the
// few patterns that hit, for the evidence a moderator reads. Both run in
// time linear in the text, so no pattern can hang the server. A pattern
// vectorscan cannot compile (a construct it lacks) is matched with RE2 alone.
//
// Thread-safe: Match may run from many threads at once.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct hs_database;
struct hs_scratch;
namespace re2 {
class RE2;
}

namespace tribune::spam {

class PatternSet {
 public:
  // `patterns` in RE2 syntax, matched against case-folded UTF-8 text.
  // InvalidArgument names the first pattern RE2 rejects (by its index).
  static Result<std::unique_ptr<PatternSet>> Build(const std::vector<std::string>& patterns);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds the indices of the patterns that match `text` to `hits` (each at
  // most once, in no particular order).
  void Match(std::string_view text, std::vector<int>* hits) const;
  // The text pattern `index` matches in `text`, or nullopt-like false.
  bool Find(int index, std::string_view text, std::string* matched) const;

  size_t size() const { return re2_.size(); }
  // Patterns left to RE2 alone because vectorscan could not compile them.
  size_t re2_only() const { return re2_only_.size(); }

 private:
  PatternSet() = default;
  hs_scratch* TakeScratch() const;
  void ReturnScratch(hs_scratch* s) const;

  std::vector<std::unique_ptr<re2::RE2>> re2_;
  std::vector<int> re2_only_;
  hs_database* db_ = nullptr;
  hs_scratch* prototype_ = nullptr;
  mutable std::mutex mu_;
  mutable std::vector<hs_scratch*> idle_;  // scratch space, one per concurrent scan
};

}  // namespace tribune::spam
