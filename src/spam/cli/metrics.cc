#include "spam/cli/metrics.h"

#include <algorithm>
#include <cmath>

namespace tribune::spam::cli {
namespace {

// Area under the ROC curve from score ranks (ties count half).
double Auc(std::vector<Scored> rows) {
  std::sort(rows.begin(), rows.end(),
            [](const Scored& a, const Scored& b) { return a.score < b.score; });
  double rank_sum = 0;
  size_t spam = 0, i = 0;
  while (i < rows.size()) {
    size_t j = i;
    while (j < rows.size() && rows[j].score == rows[i].score) ++j;
    double avg_rank = (i + 1 + j) / 2.0;
    for (size_t k = i; k < j; ++k) {
      if (rows[k].is_spam) rank_sum += avg_rank, ++spam;
    }
    i = j;
  }
  size_t ham = rows.size() - spam;
  return (rank_sum - spam * (spam + 1) / 2.0) / (static_cast<double>(spam) * ham);
}

// Share of spam scoring above the threshold that lets at most `fpr` of the
// ham through as false positives.
double RecallAtFpr(const std::vector<Scored>& rows, double fpr) {
  std::vector<double> ham, spam;
  for (const Scored& r : rows) (r.is_spam ? spam : ham).push_back(r.score);
  std::sort(ham.begin(), ham.end(), std::greater<>());
  size_t allowed = static_cast<size_t>(std::floor(fpr * ham.size()));
  double threshold = ham[std::min(allowed, ham.size() - 1)];
  if (allowed >= ham.size()) threshold = -INFINITY;
  size_t caught = 0;
  for (double s : spam) caught += s > threshold;
  return static_cast<double>(caught) / spam.size();
}

nlohmann::json Opt(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

Metrics Compute(const std::vector<Scored>& rows) {
  Metrics m;
  for (const Scored& r : rows) {
    bool flagged = r.action != Action::kPublish;
    (r.is_spam ? m.spam : m.ham)++;
    m.tp += r.is_spam && flagged;
    m.fp += !r.is_spam && flagged;
    m.held += r.action == Action::kHold;
    m.ham_strict_fp += !r.is_spam && (r.action == Action::kSpam || r.action == Action::kDiscard);
  }
  if (!rows.empty()) m.held_share = static_cast<double>(m.held) / rows.size();
  if (m.tp + m.fp > 0) m.precision = static_cast<double>(m.tp) / (m.tp + m.fp);
  if (m.spam > 0) m.recall = static_cast<double>(m.tp) / m.spam;
  if (m.ham > 0) m.fpr = static_cast<double>(m.fp) / m.ham;
  if (m.precision && m.recall && *m.precision + *m.recall > 0) {
    m.f1 = 2 * *m.precision * *m.recall / (*m.precision + *m.recall);
  }
  if (m.spam > 0 && m.ham > 0) {
    m.auc = Auc(rows);
    m.recall_at_01 = RecallAtFpr(rows, 0.001);
    m.recall_at_05 = RecallAtFpr(rows, 0.005);
  }
  return m;
}

nlohmann::json Metrics::ToJson() const {
  return {{"spam", spam},
          {"ham", ham},
          {"precision", Opt(precision)},
          {"recall", Opt(recall)},
          {"f1", Opt(f1)},
          {"fpr", Opt(fpr)},
          {"ham_to_spam_or_discard", ham_strict_fp},
          {"held_share", held_share},
          {"roc_auc", Opt(auc)},
          {"recall_at_fpr_0.1pct", Opt(recall_at_01)},
          {"recall_at_fpr_0.5pct", Opt(recall_at_05)}};
}

}  // namespace tribune::spam::cli
