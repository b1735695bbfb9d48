// Moderators' decisions, and the spam model learning from them (never from
// its own verdicts). A reversed decision un-learns the earlier one. Each
// decision that teaches the model saves a new model version in the store.
#pragma once

#include <functional>

#include <map>
#include <memory>
#include <mutex>
#include <vector>
#include <string>

#include "core/config.h"
#include "core/status.h"
#include "spam/engine.h"
#include "store/store.h"

namespace tribune::moderation {

enum class Decision {
  kApprove,  // a held comment is fine: publish it (learns ham)
  kSpam,     // it is spam (learns spam)
  kRestore,  // a comment marked spam or discarded was not spam: publish it (learns ham)
  kDelete,   // remove it for other reasons (rude, off-topic): learns nothing
};

Result<Decision> ParseDecision(const std::string& name);

// What a decision taught the engine: learned again on a newer model when
// another process saved one meanwhile, or later when the save failed.
struct Lesson {
  spam::CommentInput input;
  bool spam = false;
  double weight = 1.0;  // -1: un-learns an earlier lesson
};

// Lessons whose model could not be saved (the store was away through the
// retries): their decisions are stored, so they are kept here and saved with
// the next decision's model, or by SaveOwedLessons, and no lesson is lost
// while the process runs. Thread-safe.
class OwedLessons {
 public:
  void Add(const std::vector<Lesson>& lessons);
  // Takes every owed lesson out (the caller owes them again when it fails).
  std::vector<Lesson> Take();
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::vector<Lesson> lessons_;
};

// The parts of the store a moderator's decision reads and writes.
struct DecisionStores {
  store::CommentStore& comments;
  store::ArticleStore& articles;   // the article a comment is judged against
  store::ModelStore& models;       // the model the decision teaches
  store::SettingsStore& settings;  // which model version is live
  // The newest model, loaded again when another process saved one while this
  // decision was being made: the decision's lessons are learned again on it.
  // Empty: such a decision fails with FailedPrecondition (decide it again).
  std::function<Result<std::unique_ptr<spam::Engine>>()> reload;
  // Where lessons go when their model cannot be saved (nullptr: the decision
  // fails with the store's error instead).
  OwedLessons* owed = nullptr;
  static DecisionStores Of(store::Store& s) { return {s, s, s, s, {}, nullptr}; }
  static DecisionStores Of(store::Store& s, const Config& config);
};

// The engine to screen with: the newest model learned on this site (in the
// store), else the shipped starter model.
Result<std::unique_ptr<spam::Engine>> LoadSiteEngine(const Config& config,
                                                     store::ModelStore& models);

// A model file loaded with the site's thresholds and the word lists beside
// the shipped model (as the server loads a site's model).
Result<std::unique_ptr<spam::Engine>> LoadModelFile(const Config& config, const std::string& path);

// Saves `engine` as a new model version in the store (the newest versions
// are kept) and makes it the one a running server switches to.
Status SaveSiteEngine(const spam::Engine& engine, store::ModelStore& models,
                      store::SettingsStore& settings, int64_t now);

// Applies `decision` to comment `id`, teaches `engine` and saves it.
// Returns the updated comment. NotFound for an unknown comment.
Result<site::Comment> Moderate(const DecisionStores& stores, spam::Engine& engine, int64_t id,
                               Decision decision, int64_t now);

// Learns the owed lessons into `engine` and saves it; they are owed again
// when the save fails. Ok when none are owed.
Status SaveOwedLessons(const DecisionStores& stores, spam::Engine& engine, int64_t now);

// A whole campaign at once: marks comment `id` spam (teaching the engine its
// campaign), then sweeps the comments created since `since` that are
// published or held and have no moderator's decision yet: one that shares an
// artifact (telephone number, link domain, handle, e-mail or wallet address)
// with a spam campaign, or whose text is within the engine's
// campaign_sweep_similarity of a member, is marked spam and becomes a member
// itself, so that the next round reaches the variants of a spun template
// that resemble it. Rounds repeat until one marks nothing. Returns every
// comment it marked, `id` first.
// `was`, when given, gets the status each marked comment had before.
Result<std::vector<site::Comment>> ModerateCampaign(
    const DecisionStores& stores, spam::Engine& engine, int64_t id, int64_t since, int64_t now,
    std::map<int64_t, site::CommentStatus>* was = nullptr);

// Takes a campaign takedown back: the comments the newest campaign decision
// on comment `id` marked spam (as the audit log recorded them) go back to the
// status they had, and the model un-learns them, in one new model version.
// A comment a moderator decided again since, or that is no longer spam, is
// left alone. Each is audited "comment.undo_campaign". Returns the comments
// given back, `id` first when it was. NotFound when no campaign decision on
// `id` is in the audit log.
Result<std::vector<site::Comment>> UndoCampaign(const DecisionStores& stores,
                                                store::AuditStore& audit, spam::Engine& engine,
                                                int64_t id, const std::string& by,
                                                const std::string& from, int64_t now);

// What ModerateCampaign would mark, `id` first, without changing the store
// or `engine` (the sweep runs on a copy of it).
Result<std::vector<site::Comment>> PreviewCampaign(const DecisionStores& stores,
                                                   const spam::Engine& engine, int64_t id,
                                                   int64_t since);

}  // namespace tribune::moderation
