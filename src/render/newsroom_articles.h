// The newsroom's article pages: the list, and the editor where an article is
// written, previewed and published, or changed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"
#include "site/comment_form.h"
#include "site/image.h"
#include "site/staff.h"

namespace tribune::render {

struct ArticleListView {
  std::string staff_name, form_token, notice;
  site::StaffRole role = site::StaffRole::kEditor;
  std::vector<site::Article> articles;  // newest first
  int64_t page = 1, pages = 1;
  int64_t now = 0;  // to tell scheduled articles
};

// The editor, for a new article (id 0) or article `id`; refilled as sent when
// it was previewed or refused.
struct ArticleEditView {
  std::string staff_name, form_token;
  site::StaffRole role = site::StaffRole::kEditor;
  int64_t id = 0;
  std::string title, slug, lead, body, source, byline, category;
  bool comments_open = true;
  std::string comments_close_days = "0";
  std::string publish_at;    // as the datetime-local input holds it; "" : now
  site::ArticleState state = site::ArticleState::kDraft;  // as stored (a new one: draft)
  bool scheduled = false;    // published, for a time still to come
  std::vector<std::string> categories;  // the site's
  std::string public_path;   // the article on the site; empty for a new one
  std::vector<site::FieldError> errors;
  bool preview = false;      // show the text as readers will see it
  std::vector<site::Image> images;  // those the text places, for the preview
  std::string notice;
};

std::string RenderArticleListPage(const SiteInfo& site, const ArticleListView& view);
std::string RenderArticleEditPage(const SiteInfo& site, const ArticleEditView& view);

}  // namespace tribune::render
