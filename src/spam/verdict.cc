#include "spam/verdict.h"

#include <algorithm>
#include <cmath>

namespace tribune::spam {
namespace {
constexpr size_t kModelEvidence = 3;

std::string Format(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

}  // namespace

double VerdictBuilder::ScoreOf(std::string_view symbol) const {
  return symbols_.Score(symbol, /*fallback=*/1.0);  // moderator patterns carry their score as strength
}

bool VerdictBuilder::IsDisguise(std::string_view symbol) const {
  return symbols_.Group(symbol) == "disguise";
}

void VerdictBuilder::AddComposites() {
  for (const Symbol* c : symbols_.composites()) {
    std::string evidence;
    bool all = true;
    for (const std::string& group : c->when_groups) {
      auto fired = std::find_if(v_.reasons.begin(), v_.reasons.end(), [&](const Reason& r) {
        return r.score > 0 && symbols_.Group(r.symbol) == group;
      });
      if (fired == v_.reasons.end()) {
        all = false;
        break;
      }
      evidence += (evidence.empty() ? "" : " + ") + fired->symbol;
    }
    if (all && c->score != 0) v_.reasons.push_back({c->name, c->score, evidence});
  }
}

double VerdictBuilder::TakeDisguise(double score) {
  if (disguise_left_ < 0) disguise_left_ = std::max(0.0, opts_.disguise_cap);
  if (score <= 0) return score;
  double taken = std::min(score, disguise_left_);
  disguise_left_ -= taken;
  return taken;
}

void VerdictBuilder::AddRule(const signals::Hit& hit) {
  double score = ScoreOf(hit.symbol) * hit.strength;
  std::string evidence = hit.evidence;
  bool capped = false;
  if (IsDisguise(hit.symbol)) {
    double full = score;
    score = TakeDisguise(score);
    capped = score < full;
    if (capped) evidence += " (disguise capped)";
  }
  // A capped rule stays among the reasons, at what it was allowed to add.
  if (score != 0 || capped) v_.reasons.push_back({hit.symbol, score, std::move(evidence)});
}

void VerdictBuilder::AddModel(double logit, const model::FeatureSet& f, const model::Ftrl& ftrl) {
  // Disguise rules are not model features any more, but a model learned
  // before may still weigh them; those weights share the rules' allowance.
  double disguise = 0;
  for (size_t i = 0; i < f.index.size() && i < f.name.size(); ++i) {
    if (f.name[i].tag == "rule" && IsDisguise(f.name[i].first)) {
      disguise += ftrl.w(f.index[i]) * f.value[i];
    }
  }
  double capped_by = disguise > 0 ? disguise - TakeDisguise(disguise) : 0;
  logit -= capped_by;
  // What the model learned of any one rule is held to rule_weight_cap (see
  // EngineOptions): the corpora teach how well a phrase rule fits their
  // sites, not how well it fits this one.
  double rule_capped = 0;
  auto capped_rule = [&](size_t i, double c) {
    if (f.name[i].tag != "rule" || IsDisguise(f.name[i].first)) return c;
    return std::clamp(c, -opts_.rule_weight_cap, opts_.rule_weight_cap);
  };
  for (size_t i = 0; i < f.index.size() && i < f.name.size(); ++i) {
    double c = ftrl.w(f.index[i]) * f.value[i];
    rule_capped += c - capped_rule(i, c);
  }
  logit -= rule_capped;
  double clamped = std::clamp(logit, opts_.model_min, opts_.model_max);
  double score = ScoreOf("MODEL") * clamped;
  // The features that pushed hardest in the direction of the verdict; a
  // repeated word shows once.
  std::vector<std::pair<double, const model::FeatureName*>> top;
  for (size_t i = 0; i < f.index.size() && i < f.name.size(); ++i) {
    if (f.name[i].empty()) continue;
    double c = capped_rule(i, ftrl.w(f.index[i]) * f.value[i]);
    if (c != 0 && (logit >= 0) == (c > 0) && f.name[i].tag != "bias")
      top.push_back({std::fabs(c), &f.name[i]});
  }
  // Enough candidates to survive de-duplication of repeated words.
  size_t candidates = std::min<size_t>(4 * kModelEvidence, top.size());
  auto stronger = [](const auto& a, const auto& b) { return a.first > b.first; };
  std::partial_sort(top.begin(), top.begin() + candidates, top.end(), stronger);
  top.resize(candidates);
  top.erase(std::unique(top.begin(), top.end(),
                        [](const auto& a, const auto& b) { return *a.second == *b.second; }),
            top.end());
  size_t k = std::min(kModelEvidence, top.size());
  std::string evidence = "p=" + std::to_string(1.0 / (1.0 + std::exp(-logit))).substr(0, 5);
  if (capped_by > 0) evidence += " disguise-capped(-" + Format(capped_by).substr(1) + ")";
  for (size_t i = 0; i < k; ++i) {
    evidence += " " + top[i].second->ToString() + "(" +
                Format(logit >= 0 ? top[i].first : -top[i].first) + ")";
  }
  v_.reasons.push_back({"MODEL", score, evidence});
}

void VerdictBuilder::AddCampaign(const campaigns::Match& m) {
  if (m.campaign == nullptr || m.campaign->spam <= m.campaign->ham) return;
  std::string evidence = "campaign " + std::to_string(m.id) + " (" +
                         std::to_string(m.campaign->members.size()) + " texts): ";
  evidence += m.artifact.empty() ? "similarity " + std::to_string(m.similarity).substr(0, 4)
                                 : "shares " + m.artifact;
  v_.reasons.push_back({"CAMPAIGN_SPAM", ScoreOf("CAMPAIGN_SPAM"), evidence});
}

Verdict VerdictBuilder::Finish(std::string model_version) {
  AddComposites();
  v_.score = 0;
  for (const Reason& r : v_.reasons) v_.score += r.score;
  std::stable_sort(v_.reasons.begin(), v_.reasons.end(), [](const Reason& a, const Reason& b) {
    return std::fabs(a.score) > std::fabs(b.score);
  });
  v_.action = ActionFor(v_.score, opts_);
  v_.model_version = std::move(model_version);
  return std::move(v_);
}

Action ActionFor(double score, const EngineOptions& opts) {
  if (score >= opts.discard_at) return Action::kDiscard;
  if (score >= opts.spam_at) return Action::kSpam;
  if (score >= opts.hold_at) return Action::kHold;
  return Action::kPublish;
}

}  // namespace tribune::spam
