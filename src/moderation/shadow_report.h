// What a candidate model running in shadow ([spam] shadow_model) would have
// done, beside what the live model did and what moderators decided: the
// evidence for promoting it (tribune spam promote) or not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "site/comment.h"

namespace tribune::moderation {

struct ShadowReport {
  std::string shadow_model;      // the newest shadow model version seen
  int64_t compared = 0;          // comments both models screened
  int64_t agreed = 0;            // same action
  int64_t live_only = 0;         // flagged (not published) by the live model only
  int64_t shadow_only = 0;       // ... by the shadow model only
  // Against moderators' decisions, on the compared comments that have one.
  int64_t spam_decided = 0, ham_decided = 0;
  int64_t live_caught = 0, shadow_caught = 0;   // of spam_decided, flagged
  int64_t live_wrong = 0, shadow_wrong = 0;     // of ham_decided, flagged
};

// `comments` newest first (as Store::ListRecentComments gives them); only
// the newest shadow model's verdicts are compared.
ShadowReport CompareShadow(const std::vector<site::Comment>& comments);

}  // namespace tribune::moderation
