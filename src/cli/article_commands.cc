// tribune article add|edit|list: editorial work from the command line.
#include <algorithm>
#include <ctime>
#include <optional>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.h"
#include "cli/options.h"
#include "core/time_format.h"
#include "moderation/audit.h"
#include "moderation/editorial.h"

namespace tribune::cli {
namespace {

std::unique_ptr<store::Store> OpenOrExit(const StoreOptions& opts) {
  return OpenStoreOrExit(LoadConfigOrExit(opts));
}

std::string ReadFileOrExit(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "tribune: cannot read '" << path << "'\n";
    std::exit(1);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ArticleOptions {
  StoreOptions store;
  int64_t id = 0;
  std::string title, lead, body, body_file, source, closed, byline, category, state, at;
  int64_t close_days = -1;
  bool closed_flag = false;
};

// "2026-12-24T08:00" or "2026-12-24 08:00" (UTC), or Unix seconds; nullopt when neither.
std::optional<int64_t> ParseWhen(const std::string& s) {
  if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoll(s);
  }
  int64_t t = timefmt::ParseDateTimeLocal(s);
  return t < 0 ? std::nullopt : std::optional<int64_t>(t);
}

// Applies the options given to `in`; exits with a message on a bad one.
void ApplyOptions(const ArticleOptions& o, moderation::ArticleInput& in) {
  if (!o.byline.empty()) in.byline = o.byline;
  if (!o.category.empty()) in.category = o.category == "none" ? "" : o.category;
  if (o.close_days >= 0) in.comments_close_days = o.close_days;
  if (!o.state.empty()) in.state = *site::ParseArticleState(o.state);
  if (!o.at.empty()) {
    auto when = ParseWhen(o.at);
    if (!when) {
      std::cerr << "tribune: --at takes \"YYYY-MM-DD HH:MM\" (UTC) or Unix seconds\n";
      std::exit(2);
    }
    in.publish_at = *when;
  }
}

void AddContentOptions(CLI::App& cmd, ArticleOptions& o) {
  cmd.add_option("--title", o.title, "Headline");
  cmd.add_option("--lead", o.lead, "One-paragraph summary");
  cmd.add_option("--body", o.body, "Body text (paragraphs separated by blank lines)");
  cmd.add_option("--body-file", o.body_file, "Read the body from this file")
      ->check(CLI::ExistingFile);
  cmd.add_option("--source", o.source, "Source or author line");
  cmd.add_option("--byline", o.byline, "The writer's name as readers see it");
  cmd.add_option("--category", o.category, "One of the site's [site] categories ('none': none)");
  cmd.add_option("--close-after-days", o.close_days,
                 "Comments close this many days after publication (0: never)")
      ->check(CLI::Range(0, 3650));
  cmd.add_option("--state", o.state, "draft, published or unpublished")
      ->check(CLI::IsMember({"draft", "published", "unpublished"}));
  cmd.add_option("--at", o.at, "Publication time, \"YYYY-MM-DD HH:MM\" UTC: later than now "
                               "schedules it");
}

}  // namespace

void RegisterArticleCommands(CLI::App& app) {
  CLI::App* article = app.add_subcommand("article", "Add, edit and list articles");
  article->require_subcommand(1);

  auto add_opts = std::make_shared<ArticleOptions>();
  CLI::App* add = article->add_subcommand("add", "Publish a new article; prints its id");
  AddStoreOptions(*add, add_opts->store);
  AddContentOptions(*add, *add_opts);
  add->get_option("--title")->required();
  add->add_flag("--closed", add_opts->closed_flag, "Publish with comments closed");
  add->callback([add_opts] {
    ArticleOptions& o = *add_opts;
    if (!o.body_file.empty()) o.body = ReadFileOrExit(o.body_file);
    if (o.body.empty()) {
      std::cerr << "tribune: an article needs a body: --body or --body-file\n";
      std::exit(2);
    }
    Config config = LoadConfigOrExit(o.store);
    auto store = OpenOrExit(o.store);
    moderation::ArticleInput in{o.title, "", o.lead, o.body, o.source, !o.closed_flag};
    ApplyOptions(o, in);
    // The same checks and audit entry as the newsroom's editor.
    auto a = moderation::CreateArticle(*store, *store, moderation::CommandLineActor(), in,
                                       config.site.categories, std::time(nullptr));
    if (!a.ok()) {
      std::cerr << "tribune: " << a.status().message() << "\n";
      std::exit(a.status().code() == Code::kInvalidArgument ? 2 : 1);
    }
    std::cout << a->id << "\n";
  });

  auto edit_opts = std::make_shared<ArticleOptions>();
  CLI::App* edit = article->add_subcommand("edit", "Change an article");
  AddStoreOptions(*edit, edit_opts->store);
  AddContentOptions(*edit, *edit_opts);
  edit->add_option("--id", edit_opts->id, "The article's id")->required();
  edit->add_option("--closed", edit_opts->closed, "Close (true) or open (false) comments")
      ->check(CLI::IsMember({"true", "false"}));
  edit->callback([edit_opts] {
    ArticleOptions& o = *edit_opts;
    Config config = LoadConfigOrExit(o.store);
    auto store = OpenOrExit(o.store);
    auto a = store->GetArticle(o.id);
    if (!a.ok()) {
      std::cerr << "tribune: " << a.status().message() << "\n";
      std::exit(1);
    }
    if (!o.body_file.empty()) o.body = ReadFileOrExit(o.body_file);
    // What is not given stays as it is.
    moderation::ArticleInput in = moderation::InputOf(*a);
    in.publish_at = 0;  // the time stays unless --at says otherwise
    ApplyOptions(o, in);
    if (!o.title.empty()) in.title = o.title;  // the address name stays: links keep working
    if (!o.lead.empty()) in.lead = o.lead;
    if (!o.body.empty()) in.body = o.body;
    if (!o.source.empty()) in.source = o.source;
    if (!o.closed.empty()) in.comments_open = o.closed == "false";
    auto saved = moderation::UpdateArticle(*store, *store, moderation::CommandLineActor(), a->id,
                                           in, config.site.categories, std::time(nullptr));
    if (!saved.ok()) {
      std::cerr << "tribune: " << saved.status().message() << "\n";
      std::exit(saved.status().code() == Code::kInvalidArgument ? 2 : 1);
    }
  });

  auto list_opts = std::make_shared<StoreOptions>();
  CLI::App* list = article->add_subcommand("list", "List articles: id, slug, title, state");
  AddStoreOptions(*list, *list_opts);
  list->callback([list_opts] {
    auto store = OpenOrExit(*list_opts);
    int64_t offset = 0;
    constexpr int64_t kBatch = 500;
    for (;;) {
      auto batch = store->ListArticles(offset, kBatch);
      if (!batch.ok() || batch->empty()) break;
      for (const auto& a : *batch) {
        std::cout << a.id << '\t' << a.slug << '\t' << a.title << '\t' << site::StateName(a.state)
                  << '\n';
      }
      offset += kBatch;
    }
  });
}

}  // namespace tribune::cli
