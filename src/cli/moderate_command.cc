// tribune moderate: the moderation queue and moderators' decisions, which
// teach the spam model; the same as the newsroom's pages (/newsroom) offer.
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "cli/options.h"
#include "core/utf8.h"
#include "moderation/audit.h"
#include "moderation/moderation.h"

namespace tribune::cli {
namespace {

std::string TopReasons(const std::string& reasons_json) {
  auto reasons = nlohmann::json::parse(reasons_json, nullptr, false);
  std::string out;
  if (!reasons.is_array()) return out;
  for (const auto& r : reasons) {
    if (r.value("score", 0.0) == 0.0) continue;
    if (!out.empty()) out += ", ";
    out += r.value("symbol", "?");
  }
  return out;
}

}  // namespace

void RegisterModerateCommands(CLI::App& app) {
  CLI::App* moderate = app.add_subcommand(
      "moderate", "The moderation queue; approve, spam, restore or delete comments");
  moderate->require_subcommand(1);

  auto queue_opts = std::make_shared<StoreOptions>();
  CLI::App* queue = moderate->add_subcommand("queue", "Comments held for a moderator");
  AddStoreOptions(*queue, *queue_opts);
  queue->callback([queue_opts] {
    auto store = OpenStoreOrExit(LoadConfigOrExit(*queue_opts));
    auto held = store->ListHeldComments(100);
    for (auto c : held.ok() ? *held : std::vector<site::Comment>{}) {
      for (char& ch : c.body_text) ch = ch == '\n' || ch == '\t' ? ' ' : ch;
      std::cout << c.id << '\t' << c.screening.score << '\t' << c.author << '\t'
                << TopReasons(c.screening.reasons_json) << '\t'
                << utf8::Truncate(c.body_text.substr(0, 400), 80) << '\n';
    }
  });

  for (const char* name : {"approve", "spam", "restore", "delete"}) {
    struct Options {
      StoreOptions store;
      std::vector<int64_t> ids;
      bool campaign = false;
      bool dry_run = false;
      int days = 7;
    };
    auto opts = std::make_shared<Options>();
    std::string what = name;
    CLI::App* cmd = moderate->add_subcommand(
        name, what == "approve" ? "Publish held comments (teaches the model: not spam)"
              : what == "spam"  ? "Mark comments as spam (teaches the model: spam)"
              : what == "restore"
                  ? "Publish comments wrongly marked spam (un-learns, learns not spam)"
                  : "Delete comments for other reasons (teaches nothing)");
    AddStoreOptions(*cmd, opts->store);
    cmd->add_option("comment-ids", opts->ids, "Comment ids")->required();
    if (what == "spam") {
      cmd->add_flag("--campaign", opts->campaign,
                    "Also mark spam every published or held comment of the last --days that, "
                    "once the given comment is marked, joins its campaign (shares a number, "
                    "link domain, handle or address with it, or is spun from its text)");
      cmd->add_flag("--dry-run", opts->dry_run,
                    "With --campaign: only list what would be marked, change nothing");
      cmd->add_option("--days", opts->days, "How far back --campaign looks (default 7)")
          ->check(CLI::PositiveNumber);
    }
    cmd->callback([opts, what] {
      Config config = app::WithShippedPaths(LoadConfigOrExit(opts->store));
      auto store = OpenStoreOrExit(config);
      auto engine = moderation::LoadSiteEngine(config, *store);
      if (!engine.ok()) {
        std::cerr << "tribune: key 'spam.model': " << engine.status().message() << "\n";
        std::exit(1);
      }
      moderation::Decision decision = *moderation::ParseDecision(what);
      int64_t now = std::time(nullptr);
      if (opts->dry_run && !opts->campaign) {
        std::cerr << "tribune: --dry-run needs --campaign\n";
        std::exit(2);
      }
      // The audit log: what each comment was before, who decided, from the command line.
      moderation::Actor by = moderation::CommandLineActor();
      auto status_of = [&](int64_t id) {
        auto c = store->GetComment(id);
        return c.ok() ? std::string(site::StatusName(c->status)) : std::string();
      };
      auto audit = [](const Status& st) {
        if (!st.ok()) std::cerr << "tribune: warning: audit log: " << st.message() << "\n";
      };
      if (opts->campaign) {
        for (int64_t id : opts->ids) {
          int64_t since = now - int64_t{opts->days} * 86400;
          std::string before = status_of(id);
          auto stores = moderation::DecisionStores::Of(*store, config);
          std::map<int64_t, site::CommentStatus> was;
          auto marked = opts->dry_run
                            ? moderation::PreviewCampaign(stores, **engine, id, since)
                            : moderation::ModerateCampaign(stores, **engine, id, since, now, &was);
          if (!marked.ok()) {
            std::cerr << "tribune: comment " << id << ": " << marked.status().message() << "\n";
            std::exit(1);
          }
          if (!opts->dry_run) {
            audit(moderation::RecordDecision(*store, by, id, "campaign", before, *marked, now, was));
          }
          for (const site::Comment& c : *marked) {
            std::string body = utf8::Truncate(c.body_text.substr(0, 400), 60);
            for (char& ch : body) ch = ch == '\n' || ch == '\t' ? ' ' : ch;
            std::cout << c.id << '\t'
                      << (opts->dry_run ? "would be spam" : site::StatusName(c.status)) << '\t'
                      << (c.id == id ? "decided" : "campaign of " + std::to_string(id)) << '\t'
                      << (opts->dry_run ? body : (*engine)->model_version()) << '\n';
          }
        }
        return;
      }
      for (int64_t id : opts->ids) {
        std::string before = status_of(id);
        auto c = moderation::Moderate(moderation::DecisionStores::Of(*store, config), **engine, id,
                                      decision, now);
        if (!c.ok()) {
          std::cerr << "tribune: comment " << id << ": " << c.status().message() << "\n";
          std::exit(1);
        }
        audit(moderation::RecordDecision(*store, by, id, what, before, {*c}, now));
        std::cout << id << '\t' << site::StatusName(c->status) << '\t'
                  << (*engine)->model_version() << '\n';
      }
    });
  }

  auto undo_opts = std::make_shared<std::pair<StoreOptions, int64_t>>();
  CLI::App* undo = moderate->add_subcommand(
      "undo-campaign", "Take back the newest campaign decision on a comment: what it marked "
                       "spam goes back to what it was, and the model un-learns it");
  AddStoreOptions(*undo, undo_opts->first);
  undo->add_option("comment-id", undo_opts->second, "The comment the campaign was decided on")
      ->required();
  undo->callback([undo_opts] {
    Config config = app::WithShippedPaths(LoadConfigOrExit(undo_opts->first));
    auto store = OpenStoreOrExit(config);
    auto engine = moderation::LoadSiteEngine(config, *store);
    if (!engine.ok()) {
      std::cerr << "tribune: key 'spam.model': " << engine.status().message() << "\n";
      std::exit(1);
    }
    moderation::Actor by = moderation::CommandLineActor();
    auto back = moderation::UndoCampaign(moderation::DecisionStores::Of(*store, config), *store,
                                         **engine, undo_opts->second, by.name, by.from,
                                         std::time(nullptr));
    if (!back.ok()) {
      std::cerr << "tribune: " << back.status().message() << "\n";
      std::exit(back.status().code() == Code::kNotFound ? 2 : 1);
    }
    for (const site::Comment& c : *back) {
      std::cout << c.id << '\t' << site::StatusName(c.status) << '\n';
    }
  });
}

}  // namespace tribune::cli
