#include "spam/cli/commands.h"

#include <memory>

#include "spam/cli/internal.h"

namespace tribune::spam {
namespace {

using cli::EvalArgs;
using cli::SplitArgs;
using cli::TrainArgs;

void AddTrainingFlags(CLI::App* cmd, TrainArgs* t) {
  cmd->add_option("--name", t->name, "model name, the first part of the model version");
  cmd->add_option("--lists", t->lists_dir,
                  "directory with the word lists (default: beside the starter model)");
  cmd->add_option("--key", t->key,
                  "feature-hash key (default: random; fix it to reproduce a model)");
  cmd->add_option("--bits", t->bits, "log2 of the number of weights")->check(CLI::Range(12, 24));
  cmd->add_option("--epochs", t->epochs, "passes over the data")->check(CLI::Range(1, 50));
  cmd->add_option("--seed", t->shuffle_seed, "seed of the shuffle between passes");
  cmd->add_option("--alpha", t->model.alpha, "FTRL learning-rate scale");
  cmd->add_option("--balance", t->balance, "weigh sources towards equal influence (default true)");
  cmd->add_option("--spam-share", t->spam_share,
                  "share of the total weight carried by spam (0: as the sources give it)")
      ->check(CLI::Range(0.0, 0.99));
  cmd->add_option("--rule-dropout", t->rule_dropout,
                  "share of the passes over a comment made without its rules' features (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--l1", t->model.l1, "FTRL L1 strength");
  cmd->add_option("--l2", t->model.l2, "FTRL L2 strength");
}

}  // namespace

void RegisterCommands(CLI::App& app) {
  CLI::App* spam = app.add_subcommand("spam", "train, evaluate and try the spam filter");
  spam->require_subcommand(1);

  auto train = std::make_shared<TrainArgs>();
  CLI::App* t = spam->add_subcommand("train", "train a model on labelled JSONL comments");
  t->add_option("--data", train->data, "JSONL files, comma-separated")->required()->delimiter(',');
  t->add_option("--out", train->out, "model file to write")->required();
  AddTrainingFlags(t, train.get());
  t->callback([train] { cli::RunTrain(*train); });

  auto eval = std::make_shared<EvalArgs>();
  CLI::App* e = spam->add_subcommand("eval", "measure a model on labelled JSONL comments");
  e->add_option("--model", eval->model, "model file (ignored with --train)");
  e->add_option("--data", eval->data, "JSONL files to score")->required()->delimiter(',');
  e->add_option("--train", eval->train, "train a fresh model on these files first")->delimiter(',');
  e->add_option("--article", eval->article, "text file (title line, then body) posted under");
  e->add_flag("--json", eval->json, "print JSON");
  e->add_option("--hold-at", eval->hold_at,
                "score threshold of hold instead of the shipped one (spam and discard unchanged)");
  e->add_option("--dump", eval->dump, "write each verdict with its reasons to this JSONL file");
  e->add_option("--decide", eval->decide,
                "decide the spam of these JSONL files first, as a moderator would (the model "
                "learns them and they open and grow campaigns)")
      ->delimiter(',');
  e->add_option("--decide-max", eval->decide_max, "spam comments decided from each --decide file")
      ->check(CLI::PositiveNumber);
  AddTrainingFlags(e, &eval->training);
  e->callback([eval] { cli::RunEval(*eval); });

  auto check = std::make_shared<std::pair<std::string, bool>>(TRIBUNE_SPAM_DEFAULT_MODEL, false);
  CLI::App* c = spam->add_subcommand("check", "score one JSON comment read from stdin");
  c->add_option("--model", check->first, "model file");
  c->add_flag("--json", check->second, "print JSON");
  c->callback([check] { cli::RunCheck(check->first, check->second); });

  auto split = std::make_shared<SplitArgs>();
  CLI::App* s = spam->add_subcommand("split", "write a deterministic fold of a JSONL file");
  s->add_option("--data", split->data, "JSONL files")->required()->delimiter(',');
  s->add_option("--by", split->by,
                "thread, id, or auto (by thread when the file has 20 threads or more)")
      ->check(CLI::IsMember({"thread", "id", "auto"}));
  s->add_option("--folds", split->folds, "number of folds")->check(CLI::Range(2, 100));
  s->add_option("--fold", split->fold, "the fold written to --test-out (0-based)");
  s->add_option("--train-out", split->train_out, "where the other folds go")->required();
  s->add_option("--test-out", split->test_out, "where this fold goes")->required();
  s->callback([split] { cli::RunSplit(*split); });

  auto symbols_json = std::make_shared<bool>(false);
  CLI::App* y = spam->add_subcommand(
      "symbols", "print the default symbol table: every symbol's group, score and meaning");
  y->add_flag("--json", *symbols_json, "print JSON");
  y->callback([symbols_json] { cli::RunSymbols(*symbols_json); });
}

}  // namespace tribune::spam
