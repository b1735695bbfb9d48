#include "web/moderation.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tribune::web {
namespace {

constexpr const char* kVersionSetting = "spam_model_version";

spam::EngineOptions OptionsFor(const Config& config) {
  spam::EngineOptions opts;
  opts.hold_at = config.spam.hold_at;
  opts.spam_at = config.spam.spam_at;
  opts.discard_at = config.spam.discard_at;
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

Status SaveSiteEngine(const spam::Engine& engine, store::Store& store, int64_t now) {
  TempFile tmp;
  TRIBUNE_RETURN_IF_ERROR(engine.Save(tmp.path));
  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string version = engine.model_version();
  TRIBUNE_RETURN_IF_ERROR(store.SaveModel(version, bytes.str(), now));
  return store.PutSetting(kVersionSetting, version);
}

Result<site::Comment> Moderate(store::Store& store, spam::Engine& engine, int64_t id,
                               Decision decision, int64_t now) {
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
  spam::CommentInput in{c->author,      c->email,      c->body_text, c->body_source,
                        article->title, article->body, c->ip,        c->user_agent};
  bool learn = label != c->moderator_label;
  if (learn && !c->moderator_label.empty()) {
    engine.Learn(in, c->moderator_label == "spam", -1.0);  // the earlier decision was reversed
  }
  if (learn) engine.Learn(in, label == "spam");
  auto updated = store.ModerateComment(id, status, label);
  if (!updated.ok()) return updated.status();
  if (learn) TRIBUNE_RETURN_IF_ERROR(SaveSiteEngine(engine, store, now));
  return updated;
}

}  // namespace tribune::web
