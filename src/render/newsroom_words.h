// /newsroom/words: the site's hold and reject lists, edited by moderators.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/comment_form.h"
#include "site/staff.h"

namespace tribune::render {

struct WordListsView {
  std::string staff_name, form_token, notice;
  site::StaffRole role = site::StaffRole::kModerator;
  std::string hold, reject;  // as saved, or as sent when refused
  std::vector<site::FieldError> errors;
  size_t entries = 0;        // in force now
};

std::string RenderWordListsPage(const SiteInfo& site, const WordListsView& view);

}  // namespace tribune::render
