// Sums rule scores, the model's log-odds and campaign evidence into one
// score with reasons, and maps the score to an action.
#pragma once

#include <string>

#include "spam/campaigns/campaign_index.h"
#include "spam/model/features.h"
#include "spam/model/ftrl.h"
#include "spam/options.h"
#include "spam/symbols.h"
#include "spam/signals/signal.h"
#include "spam/types.h"

namespace tribune::spam {

class VerdictBuilder {
 public:
  VerdictBuilder(const EngineOptions& opts, const SymbolTable& symbols)
      : opts_(opts), symbols_(symbols) {}

  void AddRule(const signals::Hit& hit);
  // `logit` is the model's log-odds. The evidence says it in words: the
  // phrases of the text (from `words`, the Analysis' body words) that pushed
  // towards spam and towards ham, and the link hosts, e-mail domain and other
  // named features that did (f must carry names). Function words and
  // unreadable features are never named on their own.
  void AddModel(double logit, const model::FeatureSet& f, const model::Ftrl& ftrl,
                const std::vector<std::string>& words);
  void AddCampaign(const campaigns::Match& m);
  // Adds the composites whose groups all fired, sums the score and maps it
  // to an action.
  Verdict Finish(std::string model_version);

 private:
  double ScoreOf(std::string_view symbol) const;
  bool IsDisguise(std::string_view symbol) const;
  void AddComposites();

  // What is left of EngineOptions::disguise_cap; rules spend it first.
  double TakeDisguise(double score);

  const EngineOptions& opts_;
  const SymbolTable& symbols_;
  Verdict v_;
  double disguise_left_ = -1;  // negative until first used
};

// The action for `score` under the thresholds in `opts`.
Action ActionFor(double score, const EngineOptions& opts);

}  // namespace tribune::spam
