// Internals of the `spam` commands, shared by their files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spam/cli/dataset.h"
#include "spam/engine.h"

#ifndef TRIBUNE_SPAM_DEFAULT_MODEL
#define TRIBUNE_SPAM_DEFAULT_MODEL "data/spam/starter.model"
#endif

namespace tribune::spam::cli {

struct TrainArgs {
  std::vector<std::string> data;
  std::string out;
  std::string name = "starter-1";
  std::string lists_dir;
  uint64_t key = 0;
  uint32_t bits = 20;
  int epochs = 10;
  bool balance = true;
  double spam_share = 0;  // 0: as the sources give it
  NewModelParams model;
  uint64_t shuffle_seed = 1;
  // Share of the passes over a comment made without its rules' features,
  // so that its words learn what the rules would otherwise explain away
  // (docs/spam.md, "The starter model").
  double rule_dropout = 0.5;
};

struct EvalArgs {
  std::string model = TRIBUNE_SPAM_DEFAULT_MODEL;
  std::vector<std::string> data, train;
  std::string article;
  std::string dump;
  bool json = false;
  std::optional<double> hold_at;  // replaces EngineOptions::hold_at when set
  // Spam comments decided as a moderator would (learned, campaigns included)
  // before scoring, at most decide_max a file, in file order.
  std::vector<std::string> decide;
  size_t decide_max = 600;
  TrainArgs training;
};

struct SplitArgs {
  std::vector<std::string> data;
  std::string by = "thread", train_out, test_out;
  int folds = 5, fold = 0;
};

// Prints the status and exits with 1: these run as CLI11 callbacks.
[[noreturn]] void Fail(const Status& st);
std::vector<Example> LoadOrDie(const std::vector<std::string>& paths);

// A new engine trained on `examples` (shuffled per pass by t.shuffle_seed).
std::unique_ptr<Engine> TrainEngine(const TrainArgs& t, std::vector<Example> examples);

void RunTrain(const TrainArgs& t);
void RunEval(const EvalArgs& a);
void RunCheck(const std::string& model, bool json);
void RunSplit(const SplitArgs& a);
void RunSymbols(bool json);

}  // namespace tribune::spam::cli
