#include "spam/pattern_set.h"

#include <fmt/format.h>
#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>

namespace tribune::spam {
namespace {

// RE2's defaults, as vectorscan flags: UTF-8, '.' not matching a newline,
// ASCII \w \s \b (as RE2's). A hit is reported once per scan.
constexpr unsigned kFlags = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;

bool CompilesAlone(const std::string& pattern) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  bool ok = hs_compile(pattern.c_str(), kFlags, HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS;
  if (db) hs_free_database(db);
  if (err) hs_free_compile_error(err);
  return ok;
}

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;  // keep scanning: other patterns may match too
}

}  // namespace

Result<std::unique_ptr<PatternSet>> PatternSet::Build(const std::vector<std::string>& patterns) {
  std::unique_ptr<PatternSet> set(new PatternSet());
  RE2::Options opts;
  opts.set_log_errors(false);
  for (size_t i = 0; i < patterns.size(); ++i) {
    auto re = std::make_unique<RE2>(patterns[i], opts);
    if (!re->ok()) {
      return InvalidArgument(fmt::format("pattern {}: {}", i + 1, re->error()));
    }
    set->re2_.push_back(std::move(re));
  }
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!CompilesAlone(patterns[i])) {
      set->re2_only_.push_back(static_cast<int>(i));
      continue;
    }
    exprs.push_back(patterns[i].c_str());
    flags.push_back(kFlags);
    ids.push_back(static_cast<unsigned>(i));
  }
  if (exprs.empty()) return set;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                       HS_MODE_BLOCK, nullptr, &set->db_, &err) != HS_SUCCESS) {
    std::string message = err && err->message ? err->message : "unknown error";
    if (err) hs_free_compile_error(err);
    return Internal(fmt::format("vectorscan could not compile the patterns: {}", message));
  }
  if (hs_alloc_scratch(set->db_, &set->prototype_) != HS_SUCCESS) {
    return Internal("vectorscan could not allocate scratch space");
  }
  return set;
}

PatternSet::~PatternSet() {
  for (hs_scratch_t* s : idle_) hs_free_scratch(s);
  if (prototype_) hs_free_scratch(prototype_);
  if (db_) hs_free_database(db_);
}

hs_scratch* PatternSet::TakeScratch() const {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      hs_scratch_t* s = idle_.back();
      idle_.pop_back();
      return s;
    }
  }
  hs_scratch_t* s = nullptr;
  return hs_clone_scratch(prototype_, &s) == HS_SUCCESS ? s : nullptr;
}

void PatternSet::ReturnScratch(hs_scratch* s) const {
  std::lock_guard lock(mu_);
  idle_.push_back(s);
}

void PatternSet::Match(std::string_view text, std::vector<int>* hits) const {
  size_t first = hits->size();
  if (db_) {
    hs_scratch_t* scratch = TakeScratch();
    if (scratch) {
      hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, hits);
      ReturnScratch(scratch);
    } else {
      // No scratch space (out of memory): the patterns still run, one by one.
      for (size_t i = 0; i < re2_.size(); ++i) {
        if (RE2::PartialMatch(text, *re2_[i])) hits->push_back(static_cast<int>(i));
      }
      return;
    }
  }
  for (int i : re2_only_) {
    if (RE2::PartialMatch(text, *re2_[i])) hits->push_back(i);
  }
  std::sort(hits->begin() + static_cast<std::ptrdiff_t>(first), hits->end());
  hits->erase(std::unique(hits->begin() + static_cast<std::ptrdiff_t>(first), hits->end()),
              hits->end());
}

bool PatternSet::Find(int index, std::string_view text, std::string* matched) const {
  re2::StringPiece in(text.data(), text.size()), whole;
  if (!re2_[index]->Match(in, 0, in.size(), RE2::UNANCHORED, &whole, 1)) return false;
  matched->assign(whole.data(), whole.size());
  return true;
}

}  // namespace tribune::spam
