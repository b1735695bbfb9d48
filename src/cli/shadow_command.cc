// tribune spam shadow: how the shadow model compares with the live one and
// with moderators; tribune spam promote: make a model file the live model.
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "cli/options.h"
#include "moderation/moderation.h"
#include "moderation/shadow_report.h"

namespace tribune::cli {
namespace {

std::string Share(int64_t part, int64_t whole) {
  if (whole == 0) return "-";
  return std::to_string(part) + "/" + std::to_string(whole) + " (" +
         std::to_string(static_cast<int>(100.0 * static_cast<double>(part) /
                                         static_cast<double>(whole) + 0.5)) +
         "%)";
}

void PrintReport(const moderation::ShadowReport& r, int days) {
  std::cout << "comments of the last " << days << " days screened by both models: " << r.compared
            << "\n";
  if (r.compared == 0) {
    std::cout << "(none: set [spam] shadow_model and let comments come in)\n";
    return;
  }
  std::cout << "shadow model: " << r.shadow_model << "\n"
            << "same action:          " << Share(r.agreed, r.compared) << "\n"
            << "flagged by live only: " << r.live_only << "\n"
            << "flagged by shadow only: " << r.shadow_only << "\n"
            << "moderators' spam caught: live " << Share(r.live_caught, r.spam_decided)
            << ", shadow " << Share(r.shadow_caught, r.spam_decided) << "\n"
            << "moderators' ham flagged: live " << Share(r.live_wrong, r.ham_decided)
            << ", shadow " << Share(r.shadow_wrong, r.ham_decided) << "\n";
}

}  // namespace

void RegisterShadowCommands(CLI::App& spam) {
  struct ShadowOptions {
    StoreOptions store;
    int days = 30;
    bool json = false;
  };
  auto so = std::make_shared<ShadowOptions>();
  CLI::App* shadow = spam.add_subcommand(
      "shadow", "Compare the shadow model's verdicts with the live model's and moderators'");
  AddStoreOptions(*shadow, so->store);
  shadow->add_option("--days", so->days, "How far back to look (default 30)")
      ->check(CLI::PositiveNumber);
  shadow->add_flag("--json", so->json, "Print JSON");
  shadow->callback([so] {
    auto store = OpenStoreOrExit(LoadConfigOrExit(so->store));
    int64_t since = std::time(nullptr) - int64_t{so->days} * 86400;
    auto recent = store->ListRecentComments(since, 1'000'000);
    if (!recent.ok()) {
      std::cerr << "tribune: " << recent.status().message() << "\n";
      std::exit(1);
    }
    moderation::ShadowReport r = moderation::CompareShadow(*recent);
    if (!so->json) return PrintReport(r, so->days);
    std::cout << nlohmann::json{{"days", so->days},
                                {"shadow_model", r.shadow_model},
                                {"compared", r.compared},
                                {"agreed", r.agreed},
                                {"live_only", r.live_only},
                                {"shadow_only", r.shadow_only},
                                {"spam_decided", r.spam_decided},
                                {"ham_decided", r.ham_decided},
                                {"live_caught", r.live_caught},
                                {"shadow_caught", r.shadow_caught},
                                {"live_wrong", r.live_wrong},
                                {"shadow_wrong", r.shadow_wrong}}
                     .dump(2)
              << "\n";
  });

  struct PromoteOptions {
    StoreOptions store;
    std::string model;
  };
  auto po = std::make_shared<PromoteOptions>();
  CLI::App* promote = spam.add_subcommand(
      "promote", "Make a model file the site's live model (a running server switches to it)");
  AddStoreOptions(*promote, po->store);
  promote->add_option("model", po->model, "The model file, e.g. the shadow model")->required();
  promote->callback([po] {
    Config config = app::WithShippedPaths(LoadConfigOrExit(po->store));
    auto store = OpenStoreOrExit(config);
    // Loaded as the server would: the word lists stay those beside the shipped model.
    auto engine = moderation::LoadModelFile(config, po->model);
    if (!engine.ok()) {
      std::cerr << "tribune: " << po->model << ": " << engine.status().message() << "\n";
      std::exit(1);
    }
    Status st = moderation::SaveSiteEngine(**engine, *store, *store, std::time(nullptr));
    if (!st.ok()) {
      std::cerr << "tribune: " << st.message() << "\n";
      std::exit(1);
    }
    AuditFromCommandLine(*store, "model.promote", "model " + (*engine)->model_version(), "",
                         po->model);
    std::cout << "the live model is now " << (*engine)->model_version() << "\n";
  });
}

}  // namespace tribune::cli
