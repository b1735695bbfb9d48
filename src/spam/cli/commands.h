// The `spam` command group of the tribune CLI:
//   spam train --data a.jsonl[,b.jsonl] --out MODEL
//   spam eval  --model MODEL --data x.jsonl [--train y.jsonl] [--json]
//   spam check [--json] [--model MODEL]        (one JSON comment on stdin)
//   spam split --data f.jsonl --by thread|id --folds N --fold K --train-out A --test-out B
#pragma once

#include <CLI/CLI.hpp>

namespace tribune::spam {

// Adds the `spam` subcommand and its subcommands to `app`. The handlers run
// from CLI11 callbacks and exit the process with status 1 on errors.
void RegisterCommands(CLI::App& app);

}  // namespace tribune::spam
