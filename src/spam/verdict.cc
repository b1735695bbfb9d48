#include "spam/verdict.h"

#include "spam/text/language.h"

#include <algorithm>
#include <cmath>

namespace tribune::spam {
namespace {

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

namespace {

constexpr size_t kSpamPhrases = 3, kHamPhrases = 2, kOtherFeatures = 2;
constexpr size_t kMaxPhraseWords = 6;
constexpr double kWordWeight = 0.04;  // a word counts in a phrase from this weight on

struct Phrase {
  double weight = 0;
  std::string text;
};

// Phrases of consecutive words that each pushed the same way (`sign`), with
// function words trimmed from their ends; a phrase of function words alone
// is dropped. Strongest first.
std::vector<Phrase> Phrases(const std::vector<double>& weight, const std::vector<std::string>& words,
                            int sign, size_t limit) {
  std::vector<Phrase> out;
  size_t n = std::min(weight.size(), words.size());
  for (size_t i = 0; i < n;) {
    if (weight[i] * sign < kWordWeight) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && j - i < kMaxPhraseWords && weight[j] * sign >= kWordWeight) ++j;
    size_t b = i, e = j;
    while (b < e && text::IsFunctionWord(words[b])) ++b;
    while (e > b && text::IsFunctionWord(words[e - 1])) --e;
    if (b < e) {
      Phrase p;
      for (size_t k = i; k < j; ++k) p.weight += weight[k];
      for (size_t k = b; k < e; ++k) p.text += (k > b ? " " : "") + words[k];
      out.push_back(std::move(p));
    }
    i = j;
  }
  std::sort(out.begin(), out.end(),
            [&](const Phrase& x, const Phrase& y) { return x.weight * sign > y.weight * sign; });
  // A phrase said twice is named once, with its stronger weight.
  std::vector<Phrase> unique;
  for (Phrase& p : out) {
    bool seen = std::any_of(unique.begin(), unique.end(),
                            [&](const Phrase& u) { return u.text == p.text; });
    if (!seen && unique.size() < limit) unique.push_back(std::move(p));
  }
  return unique;
}

bool Readable(const model::FeatureName& n) {
  return n.tag == "host" || n.tag == "email" || n.tag == "upper" || n.tag == "rule";
}

}  // namespace

void VerdictBuilder::AddModel(double logit, const model::FeatureSet& f, const model::Ftrl& ftrl,
                              const std::vector<std::string>& words) {
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
  // Each word's share of the model's push: its own feature, half of each
  // word pair it is in, the character n-grams that fall in it.
  std::vector<double> word_weight(words.size(), 0.0);
  std::vector<std::pair<double, const model::FeatureName*>> other;
  for (size_t i = 0; i < f.index.size() && i < f.name.size(); ++i) {
    double raw = ftrl.w(f.index[i]) * f.value[i];
    double c = capped_rule(i, raw);
    rule_capped += raw - c;
    const model::FeatureName& n = f.name[i];
    if (c == 0) continue;
    if (n.from >= 0 && n.to < static_cast<int>(words.size())) {
      for (int w = n.from; w <= n.to; ++w) word_weight[w] += c / (n.to - n.from + 1);
    } else if (Readable(n)) {
      other.push_back({c, &n});
    }
  }
  logit -= rule_capped;
  double clamped = std::clamp(logit, opts_.model_min, opts_.model_max);
  double score = ScoreOf("MODEL") * clamped;
  std::string evidence = "p=" + std::to_string(1.0 / (1.0 + std::exp(-logit))).substr(0, 5);
  if (capped_by > 0) evidence += " disguise-capped(-" + Format(capped_by).substr(1) + ")";
  std::sort(other.begin(), other.end(),
            [](const auto& a, const auto& b) { return std::fabs(a.first) > std::fabs(b.first); });
  for (int sign : {+1, -1}) {
    std::string part;
    for (const Phrase& p : Phrases(word_weight, words, sign, sign > 0 ? kSpamPhrases : kHamPhrases)) {
      part += (part.empty() ? "" : ", ") + ("\u201c" + p.text + "\u201d ") + Format(p.weight);
    }
    size_t named = 0;
    for (const auto& [c, n] : other) {
      if ((c > 0) != (sign > 0) || named++ >= kOtherFeatures) continue;
      part += (part.empty() ? "" : ", ") + std::string(n->tag) + " " + std::string(n->first) + " " +
              Format(c);
    }
    if (!part.empty()) evidence += (sign > 0 ? "; spam: " : "; ham: ") + part;
  }
  v_.reasons.push_back({"MODEL", score, evidence});
}

void VerdictBuilder::AddCampaign(const campaigns::Match& m) {
  if (m.campaign == nullptr || m.campaign->spam <= m.campaign->ham) return;
  size_t texts = std::max<size_t>(m.campaign->members.size(), m.campaign->texts);
  std::string evidence =
      "campaign " + std::to_string(m.id) + " (" + std::to_string(texts) + " texts): ";
  if (!m.artifact.empty()) {
    evidence += "shares " + m.artifact;
  } else if (m.by_words) {
    evidence += std::to_string(static_cast<int>(m.similarity * 100 + 0.5)) +
                "% of its words are the campaign's";
  } else {
    evidence += "similarity " + std::to_string(m.similarity).substr(0, 4);
  }
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
