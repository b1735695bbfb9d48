// tribune-spam: the spam commands alone, for training and evaluation.
#include <CLI/CLI.hpp>

#include "spam/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Tribune spam engine tools"};
  app.require_subcommand(1);
  tribune::spam::RegisterCommands(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
