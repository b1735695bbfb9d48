#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "spam/cli/internal.h"
#include "spam/symbols.h"

namespace tribune::spam::cli {

void RunSymbols(bool json) {
  const SymbolTable& table = SymbolTable::Defaults();
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Symbol& s : table.symbols()) {
      nlohmann::json j = {{"symbol", s.name}, {"group", s.group}, {"score", s.score},
                          {"description", s.description}};
      if (!s.when_groups.empty()) j["when_groups"] = s.when_groups;
      out.push_back(j);
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const Symbol& s : table.symbols()) {
    std::printf("%-22s %-11s %+7.2f  %s\n", s.name.c_str(), s.group.c_str(), s.score,
                s.description.c_str());
  }
}

}  // namespace tribune::spam::cli
