#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <random>

#include "spam/cli/internal.h"
#include "spam/model/features.h"

namespace tribune::spam::cli {
namespace {

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// With `balance`, each source's examples weigh sqrt(mean size / its size):
// a large corpus of one kind of spam must not drown the others. With a
// `spam_share` in (0, 1), the weights of spam and of ham are then scaled so
// that spam carries that share of the total: a model trained mostly on ham
// learns that anything unfamiliar is ham, which is wrong for a genre it has
// never seen.
std::map<std::pair<std::string, bool>, double> ExampleWeights(const std::vector<Example>& ex,
                                                              bool balance, double spam_share) {
  std::map<std::string, double> count;
  for (const Example& e : ex) count[e.source] += 1;
  double mean = count.empty() ? 1 : static_cast<double>(ex.size()) / count.size();
  for (auto& [source, n] : count) n = balance ? std::sqrt(mean / n) : 1.0;
  double total[2] = {0, 0};
  for (const Example& e : ex) total[e.is_spam] += count[e.source];
  std::map<std::pair<std::string, bool>, double> weight;
  for (const auto& [source, w] : count) {
    for (bool spam : {false, true}) {
      double scale = 1.0;
      if (spam_share > 0 && spam_share < 1 && total[0] > 0 && total[1] > 0) {
        double all = total[0] + total[1];
        scale = (spam ? spam_share : 1 - spam_share) * all / total[spam];
      }
      weight[{source, spam}] = w * scale;
    }
  }
  return weight;
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
  auto weight = ExampleWeights(examples, t.balance, t.spam_share);
  // Features once, then the passes over them in a shuffled order.
  struct Item {
    model::FeatureSet features, without_rules;
    bool is_spam;
    double weight;
  };
  bool dropout = t.rule_dropout > 0;
  std::vector<Item> items;
  items.reserve(examples.size());
  for (const Example& ex : examples) {
    Item item{{}, {}, ex.is_spam, weight[{ex.source, ex.is_spam}]};
    item.features = (*e)->TrainingFeatures(ex.comment, dropout ? &item.without_rules : nullptr);
    items.push_back(std::move(item));
  }
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(t.shuffle_seed);
  // A generator of its own, so that the shuffles do not depend on it.
  std::mt19937_64 drop_rng(t.shuffle_seed ^ 0x9e3779b97f4a7c15ULL);
  std::bernoulli_distribution drop(t.rule_dropout);
  for (int epoch = 0; epoch < t.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const Item& it = items[i];
      (*e)->Train(dropout && drop(drop_rng) ? it.without_rules : it.features, it.is_spam, it.weight);
    }
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
