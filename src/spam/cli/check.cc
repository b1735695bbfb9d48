#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "spam/cli/internal.h"

namespace tribune::spam::cli {

void RunCheck(const std::string& model, bool json) {
  auto e = Engine::Load(model, {});
  if (!e.ok()) Fail(e.status());
  std::stringstream in;
  in << std::cin.rdbuf();
  auto c = ParseComment(in.str());
  if (!c.ok()) Fail(c.status());
  Verdict v = (*e)->Check(*c);
  if (json) {
    nlohmann::json j = {
        {"action", ActionName(v.action)}, {"score", v.score}, {"model", v.model_version}};
    j["reasons"] = nlohmann::json::array();
    for (const Reason& r : v.reasons) {
      j["reasons"].push_back({{"symbol", r.symbol}, {"score", r.score}, {"evidence", r.evidence}});
    }
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf("%s  score %.2f  (model %s)\n", std::string(ActionName(v.action)).c_str(), v.score,
              v.model_version.c_str());
  for (const Reason& r : v.reasons) {
    std::printf("  %-22s %+6.2f  %s\n", r.symbol.c_str(), r.score, r.evidence.c_str());
  }
}

}  // namespace tribune::spam::cli
