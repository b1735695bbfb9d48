#include "moderation/moderation.h"

#include "comments/spam_policy.h"
#include "core/numbers.h"
#include "moderation/audit.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>
#include <thread>

namespace tribune::moderation {
namespace {

constexpr const char* kVersionSetting = "spam_model_version";
constexpr int kModelsKept = 20;  // older versions are dropped: each is about a megabyte

spam::EngineOptions OptionsFor(const Config& config) { return comments::EngineOptionsFor(config); }

// A file that is removed when it goes out of scope.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tribune-model-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) ::close(fd);
    path = pattern;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

DecisionStores DecisionStores::Of(store::Store& s, const Config& config) {
  return {s, s, s, s, [&s, &config] { return LoadSiteEngine(config, s); }, nullptr};
}

Result<Decision> ParseDecision(const std::string& name) {
  if (name == "approve") return Decision::kApprove;
  if (name == "spam") return Decision::kSpam;
  if (name == "restore") return Decision::kRestore;
  if (name == "delete") return Decision::kDelete;
  return InvalidArgument(fmt::format("unknown decision '{}': approve, spam, restore or delete",
                                     name));
}

Result<std::unique_ptr<spam::Engine>> LoadSiteEngine(const Config& config,
                                                     store::ModelStore& models) {
  auto latest = models.LatestModel();
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

namespace {

// Saves `engine` (learned from stored version `from`, or from any when
// `from` is empty) and makes it live.
Status SaveEngine(const spam::Engine& engine, store::ModelStore& models,
                  store::SettingsStore& settings, int64_t now, const std::string* from) {
  TempFile tmp;
  TRIBUNE_RETURN_IF_ERROR(engine.Save(tmp.path));
  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string version = engine.model_version();
  TRIBUNE_RETURN_IF_ERROR(from ? models.SaveModelAfter(*from, version, bytes.str(), now)
                               : models.SaveModel(version, bytes.str(), now));
  TRIBUNE_RETURN_IF_ERROR(settings.PutSetting(kVersionSetting, version));
  return models.PruneModels(kModelsKept);
}

}  // namespace

Status SaveSiteEngine(const spam::Engine& engine, store::ModelStore& models,
                      store::SettingsStore& settings, int64_t now) {
  return SaveEngine(engine, models, settings, now, nullptr);
}

namespace {

spam::CommentInput InputOf(const site::Comment& c, const site::Article& article) {
  return {c.author,      c.email,      c.body_text, c.body_source,
          article.title, article.body, c.ip,        c.user_agent};
}

// Applies a decision and teaches the engine; the caller saves the engine
// when `learned` is set.
Result<site::Comment> Apply(const DecisionStores& stores, spam::Engine& engine, int64_t id,
                            Decision decision, std::vector<Lesson>& lessons) {
  auto c = stores.comments.GetComment(id);
  if (!c.ok()) return c.status();
  auto article = stores.articles.GetArticle(c->article_id);
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
    // The earlier decision was reversed.
    lessons.push_back({in, c->moderator_label == "spam", -1.0});
    engine.Learn(in, c->moderator_label == "spam", -1.0);
  }
  if (learn) {
    lessons.push_back({in, label == "spam", 1.0});
    engine.Learn(in, label == "spam");
  }
  return stores.comments.ModerateComment(id, status, label);
}

// Saves what `engine` learned from `lessons` on top of stored version
// `from`. Another process saved a model meanwhile: the lessons are learned
// again on the newest one (stores.reload) and that is saved. A store that
// fails is tried again a few times: the decisions are stored already, and
// their lessons must not be lost.
Status SaveLessonsNow(const DecisionStores& stores, const spam::Engine& engine, std::string from,
                      const std::vector<Lesson>& lessons, int64_t now);

// SaveLessonsNow, with the lessons owed from earlier failed saves learned
// first; when the store stays away, every one of them is owed (and the
// decision succeeds: it is stored, and its lesson will be saved).
Status SaveLessons(const DecisionStores& stores, spam::Engine& engine, std::string from,
                   std::vector<Lesson> lessons, int64_t now) {
  std::vector<Lesson> all = stores.owed ? stores.owed->Take() : std::vector<Lesson>{};
  for (const Lesson& l : all) engine.Learn(l.input, l.spam, l.weight);
  all.insert(all.end(), lessons.begin(), lessons.end());
  Status st = SaveLessonsNow(stores, engine, std::move(from), all, now);
  if (st.ok() || !stores.owed || st.code() != Code::kUnavailable) return st;
  stores.owed->Add(all);
  return Status::Ok();
}

Status SaveLessonsNow(const DecisionStores& stores, const spam::Engine& engine, std::string from,
                      const std::vector<Lesson>& lessons, int64_t now) {
  constexpr int kAttempts = 5;
  const spam::Engine* current = &engine;
  std::unique_ptr<spam::Engine> newer;
  Status st;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    st = SaveEngine(*current, stores.models, stores.settings, now, &from);
    if (st.ok()) return st;
    if (st.code() == Code::kFailedPrecondition && stores.reload) {
      auto fresh = stores.reload();
      if (!fresh.ok()) return fresh.status();
      newer = std::move(fresh).value();
      from = newer->model_version();
      for (const Lesson& l : lessons) newer->Learn(l.input, l.spam, l.weight);
      current = newer.get();
      continue;
    }
    if (st.code() != Code::kUnavailable) return st;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 * (attempt + 1)));
  }
  return st;
}

}  // namespace

void OwedLessons::Add(const std::vector<Lesson>& lessons) {
  std::lock_guard lock(mu_);
  lessons_.insert(lessons_.end(), lessons.begin(), lessons.end());
}

std::vector<Lesson> OwedLessons::Take() {
  std::lock_guard lock(mu_);
  return std::exchange(lessons_, {});
}

size_t OwedLessons::size() const {
  std::lock_guard lock(mu_);
  return lessons_.size();
}

Status SaveOwedLessons(const DecisionStores& stores, spam::Engine& engine, int64_t now) {
  if (!stores.owed || stores.owed->size() == 0) return Status::Ok();
  std::vector<Lesson> owed = stores.owed->Take();
  std::string from = engine.model_version();
  for (const Lesson& l : owed) engine.Learn(l.input, l.spam, l.weight);
  Status st = SaveLessonsNow(stores, engine, from, owed, now);
  if (!st.ok()) stores.owed->Add(owed);
  return st;
}

Result<site::Comment> Moderate(const DecisionStores& stores, spam::Engine& engine, int64_t id,
                               Decision decision, int64_t now) {
  std::string from = engine.model_version();
  std::vector<Lesson> lessons;
  auto updated = Apply(stores, engine, id, decision, lessons);
  if (!lessons.empty()) TRIBUNE_RETURN_IF_ERROR(SaveLessons(stores, engine, from, lessons, now));
  return updated;
}

namespace {

// The live comments since `since` without a moderator's decision, other
// than `id`, with what the engine reads of them.
struct Candidate {
  site::Comment comment;
  spam::CommentInput input;
  spam::campaigns::Fingerprint print;
};

Result<std::vector<Candidate>> SweepCandidates(const DecisionStores& stores,
                                               const spam::Engine& engine, int64_t id,
                                               int64_t since) {
  constexpr int64_t kMaxReviewed = 20000;
  auto recent = stores.comments.ListRecentComments(since, kMaxReviewed);
  if (!recent.ok()) return recent.status();
  std::map<int64_t, site::Article> articles;
  std::vector<Candidate> out;
  for (site::Comment& c : *recent) {
    bool live = c.status == site::CommentStatus::kPublished ||
                c.status == site::CommentStatus::kHeld;
    if (c.id == id || !live || !c.moderator_label.empty()) continue;
    auto it = articles.find(c.article_id);
    if (it == articles.end()) {
      auto a = stores.articles.GetArticle(c.article_id);
      if (!a.ok()) continue;
      it = articles.emplace(c.article_id, std::move(a).value()).first;
    }
    spam::CommentInput in = InputOf(c, it->second);
    spam::campaigns::Fingerprint print = engine.FingerprintOf(in);
    out.push_back({std::move(c), std::move(in), std::move(print)});
  }
  return out;
}

// Sweeps `candidates` into spam campaigns, round by round: a comment joins
// when it shares an artifact with a spam campaign or its text is within
// `campaign_sweep_similarity` of a member; `take` then decides it spam,
// which makes it a member, and the next round reaches further into the
// template. Stops when a round takes nothing. Returns the taken, in order.
template <typename Take>
Result<std::vector<site::Comment>> Sweep(const spam::Engine& engine,
                                         std::vector<Candidate> candidates, Take take) {
  constexpr int kMaxRounds = 32;
  double similarity = engine.options().campaign_sweep_similarity;
  std::vector<site::Comment> taken;
  for (int round = 0; round < kMaxRounds && !candidates.empty(); ++round) {
    auto joins = [&](const Candidate& c) {
      auto hit = engine.CampaignOf(c.print, similarity);
      return hit && hit->spam;
    };
    auto split = std::stable_partition(candidates.begin(), candidates.end(),
                                       [&](const Candidate& c) { return !joins(c); });
    if (split == candidates.end()) break;
    for (auto it = split; it != candidates.end(); ++it) {
      auto m = take(*it);
      if (!m.ok()) return m.status();
      taken.push_back(std::move(m).value());
    }
    candidates.erase(split, candidates.end());
  }
  return taken;
}

}  // namespace

Result<std::vector<site::Comment>> ModerateCampaign(
    const DecisionStores& stores, spam::Engine& engine, int64_t id, int64_t since, int64_t now,
    std::map<int64_t, site::CommentStatus>* was) {
  std::string from = engine.model_version();
  std::vector<Lesson> lessons;
  auto first = Apply(stores, engine, id, Decision::kSpam, lessons);
  if (!first.ok()) return first.status();
  auto candidates = SweepCandidates(stores, engine, id, since);
  if (!candidates.ok()) return candidates.status();
  auto members = Sweep(engine, std::move(candidates).value(), [&](const Candidate& c) {
    if (was) (*was)[c.comment.id] = c.comment.status;
    return Apply(stores, engine, c.comment.id, Decision::kSpam, lessons);
  });
  // One new model version for the whole campaign, saved even when a step
  // failed: the decisions already stored must not stay unlearned.
  if (!lessons.empty()) TRIBUNE_RETURN_IF_ERROR(SaveLessons(stores, engine, from, lessons, now));
  if (!members.ok()) return members.status();
  std::vector<site::Comment> marked = {*first};
  for (site::Comment& m : *members) marked.push_back(std::move(m));
  return marked;
}

Result<std::vector<site::Comment>> PreviewCampaign(const DecisionStores& stores,
                                                   const spam::Engine& engine, int64_t id,
                                                   int64_t since) {
  auto first = stores.comments.GetComment(id);
  if (!first.ok()) return first.status();
  auto article = stores.articles.GetArticle(first->article_id);
  if (!article.ok()) return article.status();
  std::unique_ptr<spam::Engine> trial = engine.Clone();
  if (first->moderator_label != "spam") trial->Learn(InputOf(*first, *article), true);
  auto candidates = SweepCandidates(stores, *trial, id, since);
  if (!candidates.ok()) return candidates.status();
  auto members = Sweep(*trial, std::move(candidates).value(),
                       [&](const Candidate& c) -> Result<site::Comment> {
                         trial->Learn(c.input, true);
                         return c.comment;
                       });
  if (!members.ok()) return members.status();
  std::vector<site::Comment> out = {*first};
  for (site::Comment& m : *members) out.push_back(std::move(m));
  return out;
}

Result<std::vector<site::Comment>> UndoCampaign(const DecisionStores& stores,
                                                store::AuditStore& audit, spam::Engine& engine,
                                                int64_t id, const std::string& by,
                                                const std::string& from, int64_t now) {
  constexpr int64_t kMaxMembers = 100000;
  auto decided = audit.ListAudit({"", "comment.campaign", "comment " + std::to_string(id), 0, 0, 1});
  if (!decided.ok()) return decided.status();
  if (decided->empty()) return NotFound(fmt::format("no campaign decision on comment {}", id));
  const site::AuditEntry& decision = decided->front();
  auto marked = audit.ListAudit({"", "comment.spam", "", decision.at, 0, kMaxMembers});
  if (!marked.ok()) return marked.status();
  // What each comment goes back to: `id` to what it was before the decision,
  // the members to what the sweep found them (held when not recorded).
  std::vector<std::pair<int64_t, site::CommentStatus>> back;
  back.emplace_back(id, site::ParseStatus(decision.before).value_or(site::CommentStatus::kHeld));
  std::string note = CampaignMemberNote(id);
  for (auto it = marked->rbegin(); it != marked->rend(); ++it) {
    if (it->after != note || it->target.rfind("comment ", 0) != 0) continue;
    std::optional<int64_t> member = ParsePositive(std::string_view(it->target).substr(8));
    if (!member) continue;
    back.emplace_back(*member, site::ParseStatus(it->before).value_or(site::CommentStatus::kHeld));
  }
  std::string version = engine.model_version();
  std::vector<Lesson> lessons;
  std::vector<site::Comment> given_back;
  for (auto [comment_id, status] : back) {
    auto c = stores.comments.GetComment(comment_id);
    if (!c.ok() || c->status != site::CommentStatus::kSpam || c->moderator_label != "spam") continue;
    auto article = stores.articles.GetArticle(c->article_id);
    if (!article.ok()) continue;
    spam::CommentInput in = InputOf(*c, *article);
    lessons.push_back({in, true, -1.0});
    engine.Learn(in, true, -1.0);
    auto restored = stores.comments.ModerateComment(comment_id, status, "");
    if (!restored.ok()) break;  // what was given back so far is still learned below
    (void)RecordAction(audit, {by, from}, "comment.undo_campaign",
                       fmt::format("comment {}", comment_id), "spam",
                       std::string(site::StatusName(status)), now);
    given_back.push_back(std::move(restored).value());
  }
  if (!lessons.empty()) TRIBUNE_RETURN_IF_ERROR(SaveLessons(stores, engine, version, lessons, now));
  return given_back;
}

}  // namespace tribune::moderation
