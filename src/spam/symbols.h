// The symbol table: every symbol the spam defence can report, with its
// group, score and description (rspamd's model). The defaults are
// data/spam/symbols.toml, built into the binary; a site overrides scores
// and groups in its configuration ([spam.scores]), and nowhere else.
//
// Thread-safe once built (read-only).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace tribune::spam {

struct Symbol {
  std::string name;  // UPPER_SNAKE
  std::string group;
  double score = 0;
  std::string description;
  // A composite fires when every one of these groups has a symbol with a
  // positive score among the reasons; empty for ordinary symbols.
  std::vector<std::string> when_groups;
};

// A site's change to one symbol.
struct SymbolOverride {
  std::optional<double> score;
  std::optional<std::string> group;
};

class SymbolTable {
 public:
  // data/spam/symbols.toml as built into the binary.
  static const SymbolTable& Defaults();
  // Parses a table in the format of symbols.toml. InvalidArgument names the
  // symbol and key that are wrong.
  static Result<SymbolTable> Parse(std::string_view toml);

  // A copy with `overrides` applied. InvalidArgument names a symbol the table
  // does not know, or a rule the result would break (the no-JavaScript code
  // must score above the proof of work).
  Result<SymbolTable> With(const std::map<std::string, SymbolOverride>& overrides) const;

  // nullptr when unknown.
  const Symbol* Find(std::string_view name) const;
  // The score of `name`; `fallback` when the table does not know it (a
  // moderator pattern carries its own).
  double Score(std::string_view name, double fallback = 0) const;
  // "" when unknown.
  std::string_view Group(std::string_view name) const;

  const std::vector<Symbol>& symbols() const { return symbols_; }
  // The composites, in table order.
  const std::vector<const Symbol*>& composites() const { return composites_; }

  SymbolTable(const SymbolTable& other) { *this = other; }
  SymbolTable& operator=(const SymbolTable& other);

 private:
  SymbolTable() = default;
  void Index();
  Status Check() const;

  std::vector<Symbol> symbols_;
  std::unordered_map<std::string_view, size_t> by_name_;
  std::vector<const Symbol*> composites_;
};

}  // namespace tribune::spam
