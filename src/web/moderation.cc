#include "web/moderation.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

namespace tribune::web {
namespace {

constexpr const char* kVersionSetting = "spam_model_version";
constexpr int kModelsKept = 20;  // older versions are dropped: each is about a megabyte

spam::EngineOptions OptionsFor(const Config& config) {
  spam::EngineOptions opts;
  opts.hold_at = config.spam.hold_at;
  opts.spam_at = config.spam.spam_at;
  opts.discard_at = config.spam.discard_at;
  opts.site_language = config.site.language;
  // Word lists always come from beside the shipped model.
  opts.lists_dir = std::filesystem::path(config.spam.model).parent_path().string();
  return opts;
}

// A file that is removed when it goes out of scope.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tribune-model-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) ::close(fd);
    path = pattern;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

Result<Decision> ParseDecision(const std::string& name) {
  if (name == "approve") return Decision::kApprove;
  if (name == "spam") return Decision::kSpam;
  if (name == "restore") return Decision::kRestore;
  if (name == "delete") return Decision::kDelete;
  return InvalidArgument(fmt::format("unknown decision '{}': approve, spam, restore or delete",
                                     name));
}

Result<std::unique_ptr<spam::Engine>> LoadSiteEngine(const Config& config, store::Store& store) {
  auto latest = store.LatestModel();
  if (!latest.ok()) return spam::Engine::Load(config.spam.model, OptionsFor(config));
  TempFile tmp;
  {
    std::ofstream out(tmp.path, std::ios::binary);
    out << latest->second;
  }
  return spam::Engine::Load(tmp.path, OptionsFor(config));
}

Result<std::unique_ptr<spam::Engine>> LoadModelFile(const Config& config, const std::string& path) {
  return spam::Engine::Load(path, OptionsFor(config));
}

Status SaveSiteEngine(const spam::Engine& engine, store::Store& store, int64_t now) {
  TempFile tmp;
  TRIBUNE_RETURN_IF_ERROR(engine.Save(tmp.path));
  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string version = engine.model_version();
  TRIBUNE_RETURN_IF_ERROR(store.SaveModel(version, bytes.str(), now));
  TRIBUNE_RETURN_IF_ERROR(store.PutSetting(kVersionSetting, version));
  return store.PruneModels(kModelsKept);
}

namespace {

spam::CommentInput InputOf(const site::Comment& c, const site::Article& article) {
  return {c.author,      c.email,      c.body_text, c.body_source,
          article.title, article.body, c.ip,        c.user_agent};
}

// Applies a decision and teaches the engine; the caller saves the engine
// when `learned` is set.
Result<site::Comment> Apply(store::Store& store, spam::Engine& engine, int64_t id,
                            Decision decision, bool& learned) {
  auto c = store.GetComment(id);
  if (!c.ok()) return c.status();
  auto article = store.GetArticle(c->article_id);
  if (!article.ok()) return article.status();
  site::CommentStatus status = site::CommentStatus::kPublished;
  std::string label = "ham";
  if (decision == Decision::kSpam) {
    status = site::CommentStatus::kSpam;
    label = "spam";
  } else if (decision == Decision::kDelete) {
    status = site::CommentStatus::kDeleted;
    label = c->moderator_label;  // no opinion on spam
  }
  spam::CommentInput in = InputOf(*c, *article);
  bool learn = label != c->moderator_label;
  if (learn && !c->moderator_label.empty()) {
    engine.Learn(in, c->moderator_label == "spam", -1.0);  // the earlier decision was reversed
  }
  if (learn) engine.Learn(in, label == "spam");
  learned = learned || learn;
  return store.ModerateComment(id, status, label);
}

}  // namespace

Result<site::Comment> Moderate(store::Store& store, spam::Engine& engine, int64_t id,
                               Decision decision, int64_t now) {
  bool learned = false;
  auto updated = Apply(store, engine, id, decision, learned);
  if (learned) TRIBUNE_RETURN_IF_ERROR(SaveSiteEngine(engine, store, now));
  return updated;
}

Result<std::vector<site::Comment>> ModerateCampaign(store::Store& store, spam::Engine& engine,
                                                    int64_t id, int64_t since, int64_t now) {
  constexpr int64_t kMaxReviewed = 20000;
  bool learned = false;
  auto first = Apply(store, engine, id, Decision::kSpam, learned);
  if (!first.ok()) return first.status();
  std::vector<site::Comment> marked = {*first};
  auto recent = store.ListRecentComments(since, kMaxReviewed);
  if (!recent.ok()) return recent.status();
  // Members are found with the engine as the first decision left it, before
  // any of them is learned, so the takedown cannot spread from one member's
  // neighbours to theirs.
  std::map<int64_t, site::Article> articles;
  std::vector<int64_t> members;
  for (const site::Comment& c : *recent) {
    bool live = c.status == site::CommentStatus::kPublished ||
                c.status == site::CommentStatus::kHeld;
    if (c.id == id || !live || !c.moderator_label.empty()) continue;
    auto it = articles.find(c.article_id);
    if (it == articles.end()) {
      auto a = store.GetArticle(c.article_id);
      if (!a.ok()) continue;
      it = articles.emplace(c.article_id, std::move(a).value()).first;
    }
    spam::Verdict v = engine.Check(InputOf(c, it->second));
    bool joins = std::any_of(v.reasons.begin(), v.reasons.end(),
                             [](const spam::Reason& r) { return r.symbol == "CAMPAIGN_SPAM"; });
    if (joins) members.push_back(c.id);
  }
  Status failed = Status::Ok();
  for (int64_t member : members) {
    auto m = Apply(store, engine, member, Decision::kSpam, learned);
    if (!m.ok()) {
      failed = m.status();
      break;
    }
    marked.push_back(*m);
  }
  // One new model version for the whole campaign, saved even when a step
  // failed: the decisions already stored must not stay unlearned.
  if (learned) TRIBUNE_RETURN_IF_ERROR(SaveSiteEngine(engine, store, now));
  if (!failed.ok()) return failed;
  return marked;
}

}  // namespace tribune::web
