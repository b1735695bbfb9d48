// tribune spam explain <comment-id>: why a comment got its status.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "cli/options.h"
#include "core/time_format.h"

namespace tribune::cli {

void RegisterExplainCommand(CLI::App& spam) {
  struct Options {
    StoreOptions store;
    int64_t id = 0;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* explain = spam.add_subcommand("explain", "Show why a stored comment got its status");
  AddStoreOptions(*explain, opts->store);
  explain->add_option("comment-id", opts->id, "The comment's id")->required();
  explain->add_flag("--json", opts->json, "Print JSON");
  explain->callback([opts] {
    auto store = OpenStoreOrExit(LoadConfigOrExit(opts->store));
    auto c = store->GetComment(opts->id);
    if (!c.ok()) {
      std::cerr << "tribune: " << c.status().message() << "\n";
      std::exit(1);
    }
    nlohmann::json reasons = nlohmann::json::parse(c->screening.reasons_json, nullptr, false);
    if (reasons.is_discarded()) reasons = nlohmann::json::array();
    if (opts->json) {
      std::cout << nlohmann::json{{"id", c->id},
                                  {"article_id", c->article_id},
                                  {"status", std::string(site::StatusName(c->status))},
                                  {"action", c->screening.action},
                                  {"score", c->screening.score},
                                  {"model_version", c->screening.model_version},
                                  {"reasons", reasons}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << "comment " << c->id << " on article " << c->article_id << " by " << c->author
              << ", " << timefmt::CommentDate(c->created_at) << "\n"
              << "status:  " << site::StatusName(c->status) << "\n"
              << "verdict: " << (c->screening.action.empty() ? "(not screened)" : c->screening.action)
              << ", score " << c->screening.score << ", model "
              << (c->screening.model_version.empty() ? "-" : c->screening.model_version) << "\n";
    for (const auto& r : reasons) {
      std::cout << "  " << r.value("symbol", "?") << "  " << r.value("score", 0.0) << "  "
                << r.value("evidence", "") << "\n";
    }
  });
}

}  // namespace tribune::cli
