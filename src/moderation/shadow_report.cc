#include "moderation/shadow_report.h"

#include <nlohmann/json.hpp>

namespace tribune::moderation {

ShadowReport CompareShadow(const std::vector<site::Comment>& comments) {
  ShadowReport r;
  for (const site::Comment& c : comments) {
    if (c.screening.action.empty()) continue;
    auto reasons = nlohmann::json::parse(c.screening.reasons_json, nullptr, false);
    if (!reasons.is_array()) continue;
    std::string shadow_action, shadow_model;
    for (const auto& reason : reasons) {
      if (reason.value("symbol", "") != "SHADOW" || !reason.contains("action")) continue;
      shadow_action = reason.value("action", "");
      shadow_model = reason.value("model", "");
    }
    if (shadow_action.empty()) continue;
    // Comments come newest first: the report is about the newest shadow model.
    if (r.shadow_model.empty()) r.shadow_model = shadow_model;
    if (shadow_model != r.shadow_model) continue;
    ++r.compared;
    bool live = c.screening.action != "publish";
    bool shadow = shadow_action != "publish";
    if (shadow_action == c.screening.action) ++r.agreed;
    if (live && !shadow) ++r.live_only;
    if (shadow && !live) ++r.shadow_only;
    if (c.moderator_label == "spam") {
      ++r.spam_decided;
      r.live_caught += live;
      r.shadow_caught += shadow;
    } else if (c.moderator_label == "ham") {
      ++r.ham_decided;
      r.live_wrong += live;
      r.shadow_wrong += shadow;
    }
  }
  return r;
}

}  // namespace tribune::moderation
