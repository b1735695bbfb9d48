// The spam engine: one score with reasons for every comment.
//
//   auto engine = spam::Engine::Load("data/spam/starter.model", {});
//   spam::Verdict v = (*engine)->Check(comment);   // publish/hold/spam/discard
//   (*engine)->Learn(comment, /*is_spam=*/true);   // a moderator's decision
//
// Layers: rules over normalised text and links (signals/), a hashed-feature
// logistic model learned online (model/), near-duplicate campaigns
// (campaigns/). Learns only from what callers pass to Learn: callers must
// pass moderators' decisions, never the engine's own verdicts.
//
// Thread-safety: Check may run concurrently from many threads; Learn and
// Save take an exclusive lock, so they wait for running checks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>

#include "core/status.h"
#include "spam/campaigns/fingerprint.h"
#include "spam/options.h"
#include "spam/symbols.h"
#include "spam/types.h"

namespace tribune::spam {

namespace model {
struct ModelData;
struct FeatureSet;
}  // namespace model
namespace campaigns {
class CampaignIndex;
}
struct Lists;
class ArticleCache;

// Hyper-parameters of a new model (see model/ftrl.h).
struct NewModelParams {
  std::string name = "untrained";
  uint64_t key = 0;    // feature-hash key; 0 = draw one at random
  uint32_t bits = 20;  // 2^bits weights
  // Measured on held-out folds of the project's corpora (docs/spam.md):
  // light regularisation generalised best.
  double alpha = 2.0, beta = 1.0, l1 = 0.02, l2 = 0.1;
};

// The spam campaign a comment joins, as the campaign index sees it.
struct CampaignHit {
  size_t id = 0;
  double similarity = 0;  // 1 for a shared artifact
  std::string artifact;   // the shared artifact ("phone:+1…"); empty when the text matched
  bool spam = false;      // moderators marked it spam more than they approved it
};

class Engine {
 public:
  // Loads a model file and the word lists beside it (or in
  // opts.lists_dir). NotFound / InvalidArgument as model::ReadModel.
  static Result<std::unique_ptr<Engine>> Load(const std::string& model_path, EngineOptions opts);
  // An untrained engine, for `spam train`. Word lists from opts.lists_dir;
  // none when it is empty.
  static Result<std::unique_ptr<Engine>> Create(const NewModelParams& params, EngineOptions opts);
  ~Engine();

  Verdict Check(const CommentInput& c) const;

  // A moderator's decision: updates the model and the campaign index.
  // weight -1 un-learns an earlier decision (a moderator reversed it).
  void Learn(const CommentInput& c, bool is_spam, double weight = 1.0);

  // Bulk training from a labelled corpus: updates the model only (campaigns
  // are a site's own history) and does not count as a revision.
  void Train(const CommentInput& c, bool is_spam, double weight = 1.0);
  // The same in two steps, for many passes over one corpus: the features of
  // a comment do not change between passes, so they are computed once.
  // With `without_rules`, also the same comment's features without the
  // rules' (for training with rule dropout).
  model::FeatureSet TrainingFeatures(const CommentInput& c,
                                     model::FeatureSet* without_rules = nullptr) const;
  void Train(const model::FeatureSet& f, bool is_spam, double weight = 1.0);

  // The model's probability that `c` is spam, without rules: for metrics.
  double ModelProbability(const CommentInput& c) const;

  // What campaign matching reads of `c`: compute it once for a comment that
  // is matched many times.
  campaigns::Fingerprint FingerprintOf(const CommentInput& c) const;
  // The campaign `c` joins at `min_similarity` (artifacts join at any), if
  // any: what a moderator's campaign decision sweeps with.
  std::optional<CampaignHit> CampaignOf(const CommentInput& c, double min_similarity) const;
  std::optional<CampaignHit> CampaignOf(const campaigns::Fingerprint& f,
                                        double min_similarity) const;

  // An independent copy (model, campaigns, options; the word lists are
  // shared): to try decisions out without changing this engine.
  std::unique_ptr<Engine> Clone() const;

  Status Save(const std::string& path) const;
  std::string model_version() const;
  size_t campaign_count() const;
  const EngineOptions& options() const { return opts_; }
  // The defaults with the site's changes (EngineOptions::symbols).
  const SymbolTable& symbols() const { return symbols_; }

 private:
  Engine(EngineOptions opts, SymbolTable symbols, std::shared_ptr<const Lists> lists,
         std::unique_ptr<model::ModelData> data);
  void Update(const CommentInput& c, bool is_spam, double weight, bool campaigns);

  EngineOptions opts_;
  SymbolTable symbols_;
  std::shared_ptr<const Lists> lists_;
  std::unique_ptr<model::ModelData> data_;
  std::unique_ptr<campaigns::CampaignIndex> campaigns_;
  std::unique_ptr<ArticleCache> articles_;
  mutable std::shared_mutex mu_;
};

}  // namespace tribune::spam
