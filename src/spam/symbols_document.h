// data/spam/symbols.toml, built into the binary (see SymbolTable::Defaults).
#pragma once

#include <string_view>

namespace tribune::spam {

std::string_view SymbolsDocument();

}  // namespace tribune::spam
