#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>

#include "spam/cli/internal.h"

namespace tribune::spam::cli {

namespace {

// Fewer distinct threads than this make no folds ("chat", "forum"): "auto"
// then splits by id.
constexpr size_t kMinThreads = 20;

bool SplitByThread(const SplitArgs& a, const std::vector<Example>& ex) {
  if (a.by != "auto") return a.by == "thread";
  std::map<std::string, int> threads;
  for (const Example& e : ex) {
    if (!e.thread.empty()) threads[e.thread] = 1;
  }
  return threads.size() >= kMinThreads;
}

}  // namespace

// Deterministic k-fold split by group: groups are ordered by a stable hash
// and dealt round-robin to folds, so every fold gets whole threads and a
// similar number of them.
void RunSplit(const SplitArgs& a) {
  std::vector<Example> ex = LoadOrDie(a.data);
  bool by_thread = SplitByThread(a, ex);
  auto key = [&](const Example& e) { return by_thread && !e.thread.empty() ? e.thread : e.id; };
  std::vector<std::pair<uint64_t, std::string>> groups;
  std::map<std::string, int> fold_of;
  for (const Example& e : ex) {
    if (fold_of.emplace(key(e), 0).second) groups.push_back({StableHash(key(e)), key(e)});
  }
  std::sort(groups.begin(), groups.end());
  for (size_t i = 0; i < groups.size(); ++i)
    fold_of[groups[i].second] = static_cast<int>(i % a.folds);
  std::ofstream train(a.train_out), test(a.test_out);
  size_t n_test = 0, line_no = 0;
  for (const std::string& path : SplitList(a.data)) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const Example& e = ex[line_no++];
      bool is_test = fold_of[key(e)] == a.fold;
      (is_test ? test : train) << line << "\n";
      n_test += is_test;
    }
  }
  std::cout << "fold " << a.fold << "/" << a.folds << ": " << n_test << " test, "
            << ex.size() - n_test << " train, " << groups.size() << " groups\n";
}

}  // namespace tribune::spam::cli
