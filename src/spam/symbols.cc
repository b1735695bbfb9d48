#include "spam/symbols.h"

#include <toml++/toml.h>

#include "spam/symbols_document.h"

namespace tribune::spam {

SymbolTable& SymbolTable::operator=(const SymbolTable& other) {
  if (this != &other) {
    symbols_ = other.symbols_;
    Index();
  }
  return *this;
}

void SymbolTable::Index() {
  by_name_.clear();
  composites_.clear();
  for (size_t i = 0; i < symbols_.size(); ++i) {
    by_name_[symbols_[i].name] = i;
    if (!symbols_[i].when_groups.empty()) composites_.push_back(&symbols_[i]);
  }
}

namespace {

Result<Symbol> SymbolOf(std::string name, const toml::table& t) {
  Symbol s;
  s.name = std::move(name);
  auto group = t["group"].value<std::string>();
  auto score = t["score"].value<double>();
  if (!group || !score) {
    return InvalidArgument("symbol " + s.name + " needs a group (a string) and a score (a number)");
  }
  s.group = *group;
  s.score = *score;
  s.description = t["description"].value_or(std::string());
  if (const toml::array* when = t["when_groups"].as_array()) {
    for (const toml::node& g : *when) {
      auto v = g.value<std::string>();
      if (!v) return InvalidArgument("symbol " + s.name + ": when_groups must list group names");
      s.when_groups.push_back(*v);
    }
  }
  for (const auto& [key, _] : t) {
    std::string_view k = key.str();
    if (k != "group" && k != "score" && k != "description" && k != "when_groups") {
      return InvalidArgument("symbol " + s.name + ": unknown key '" + std::string(k) + "'");
    }
  }
  return s;
}

}  // namespace

Result<SymbolTable> SymbolTable::Parse(std::string_view text) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(std::string("symbol table: ") + std::string(e.description()));
  }
  SymbolTable table;
  for (const auto& [name, node] : root) {
    const toml::table* t = node.as_table();
    if (!t) return InvalidArgument("symbol " + std::string(name.str()) + " must be a table");
    auto s = SymbolOf(std::string(name.str()), *t);
    if (!s.ok()) return s.status();
    table.symbols_.push_back(std::move(s).value());
  }
  table.Index();
  TRIBUNE_RETURN_IF_ERROR(table.Check());
  return table;
}

const SymbolTable& SymbolTable::Defaults() {
  static const SymbolTable table = [] {
    auto t = Parse(SymbolsDocument());
    // The document is part of the build and its tests: it always parses.
    if (!t.ok()) std::abort();
    return std::move(t).value();
  }();
  return table;
}

Status SymbolTable::Check() const {
  // A post that typed the code instead of doing the work always scores above
  // one that did the work: the code can be read off the page by a script.
  const Symbol* code = Find("CODE_TYPED");
  const Symbol* pow = Find("POW_SOLVED");
  if (code && pow && !(code->score > pow->score)) {
    return InvalidArgument("symbol CODE_TYPED must score above POW_SOLVED (the code can be read "
                           "off the page by a script; the proof of work must be done)");
  }
  return Status::Ok();
}

Result<SymbolTable> SymbolTable::With(const std::map<std::string, SymbolOverride>& overrides) const {
  SymbolTable copy = *this;
  for (const auto& [name, o] : overrides) {
    auto it = copy.by_name_.find(name);
    if (it == copy.by_name_.end()) {
      return InvalidArgument("unknown spam symbol '" + name + "' (see data/spam/symbols.toml)");
    }
    Symbol& s = copy.symbols_[it->second];
    if (o.score) s.score = *o.score;
    if (o.group) s.group = *o.group;
  }
  copy.Index();
  TRIBUNE_RETURN_IF_ERROR(copy.Check());
  return copy;
}

const Symbol* SymbolTable::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &symbols_[it->second];
}

double SymbolTable::Score(std::string_view name, double fallback) const {
  const Symbol* s = Find(name);
  return s ? s->score : fallback;
}

std::string_view SymbolTable::Group(std::string_view name) const {
  const Symbol* s = Find(name);
  return s ? std::string_view(s->group) : std::string_view();
}

}  // namespace tribune::spam
