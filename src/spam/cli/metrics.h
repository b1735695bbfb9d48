// Detection metrics for `spam eval`. "Flagged" means any action but
// publish: a held comment is not shown, so holding a reader's comment is
// counted as a false positive.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "spam/types.h"

namespace tribune::spam::cli {

struct Scored {
  bool is_spam = false;
  double score = 0;
  Action action = Action::kPublish;
};

struct Metrics {
  size_t spam = 0, ham = 0;
  size_t tp = 0, fp = 0;
  size_t held = 0;           // hold actions, spam and ham
  size_t ham_strict_fp = 0;  // ham sent to spam or discard
  std::optional<double> precision, recall, f1, fpr, auc, recall_at_01, recall_at_05;
  double held_share = 0;

  nlohmann::json ToJson() const;
};

Metrics Compute(const std::vector<Scored>& rows);

}  // namespace tribune::spam::cli
