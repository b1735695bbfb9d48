// The page where a comment's author edits it: the comment's text in the
// same editor as the comment form, or the reason it cannot be edited.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"
#include "site/comment.h"
#include "site/comment_form.h"

namespace tribune::render {

struct EditPageView {
  const site::Article* article = nullptr;
  const site::Comment* comment = nullptr;
  std::string body;                 // the text in the editor
  std::string key;                  // the author's edit key, sent back with the form
  int64_t editable_until = 0;       // Unix seconds
  int body_max = 5000;
  int font_step = 0;
  std::string refusal;              // set: the comment cannot be edited, and why
  const std::vector<site::FieldError>* errors = nullptr;
};

std::string RenderEditPage(const SiteInfo& site, const EditPageView& view);

// "/comments/{id}/edit": where the author edits a comment.
std::string CommentEditPath(int64_t comment_id);

}  // namespace tribune::render
