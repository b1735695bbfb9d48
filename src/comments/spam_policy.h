// The site's spam policy as the spam engine takes it: thresholds, language,
// word lists and the symbol table with the site's [spam.scores] changes.
// One place turns configuration into policy, for the server, the newsroom and
// the command line alike.
#pragma once

#include "core/config.h"
#include "core/status.h"
#include "spam/options.h"
#include "spam/symbols.h"

namespace tribune::comments {

// Engine options for `config`: thresholds, site language, the word lists
// beside the shipped model, and the [spam.scores] changes.
spam::EngineOptions EngineOptionsFor(const Config& config);

// The default symbol table with the site's [spam.scores] changes.
// InvalidArgument names an unknown symbol (checked at start-up).
Result<spam::SymbolTable> SymbolsFor(const Config& config);

}  // namespace tribune::comments
