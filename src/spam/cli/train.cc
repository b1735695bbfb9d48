#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <random>

#include "spam/cli/internal.h"

namespace tribune::spam::cli {
namespace {

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// With `balance`, each source's examples weigh sqrt(mean size / its size):
// a large corpus of one kind of spam must not drown the others.
std::map<std::string, double> SourceWeights(const std::vector<Example>& ex, bool balance) {
  std::map<std::string, double> count;
  for (const Example& e : ex) count[e.source] += 1;
  double mean = count.empty() ? 1 : static_cast<double>(ex.size()) / count.size();
  for (auto& [source, n] : count) n = balance ? std::sqrt(mean / n) : 1.0;
  return count;
}

}  // namespace

// Trains a new engine on the examples, in a shuffled order fixed by the seed.
std::unique_ptr<Engine> TrainEngine(const TrainArgs& t, std::vector<Example> examples) {
  NewModelParams p = t.model;
  p.name = t.name;
  p.key = t.key;
  p.bits = t.bits;
  EngineOptions opts;
  opts.lists_dir = t.lists_dir.empty() ? DirOf(TRIBUNE_SPAM_DEFAULT_MODEL) : t.lists_dir;
  Result<std::unique_ptr<Engine>> e = Engine::Create(p, opts);
  if (!e.ok()) Fail(e.status());
  std::map<std::string, double> weight = SourceWeights(examples, t.balance);
  std::mt19937_64 rng(t.shuffle_seed);
  for (int epoch = 0; epoch < t.epochs; ++epoch) {
    std::shuffle(examples.begin(), examples.end(), rng);
    for (const Example& ex : examples) (*e)->Train(ex.comment, ex.is_spam, weight[ex.source]);
  }
  return std::move(e).value();
}

std::vector<Example> LoadOrDie(const std::vector<std::string>& paths) {
  auto ex = LoadExamples(paths);
  if (!ex.ok()) Fail(ex.status());
  return std::move(ex).value();
}

[[noreturn]] void Fail(const Status& st) {
  std::cerr << "error: " << st.message() << "\n";
  std::exit(1);
}

void RunTrain(const TrainArgs& t) {
  std::vector<Example> ex = LoadOrDie(t.data);
  auto engine = TrainEngine(t, ex);
  if (Status st = engine->Save(t.out); !st.ok()) Fail(st);
  std::cout << "trained " << engine->model_version() << " on " << ex.size() << " comments -> "
            << t.out << "\n";
}

}  // namespace tribune::spam::cli
