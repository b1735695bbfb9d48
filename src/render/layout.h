// The frame every public page shares: head, site header, footer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "site/comment_form.h"

namespace tribune::render {

struct SiteInfo {
  std::string name;
  std::string base_url;   // no trailing slash
  std::string language;
  std::string policy_note;
  std::vector<std::string> categories;  // names, in the order of the site's navigation
};

// The path of a category's front page: "/category/{slug of name}".
std::string CategoryPath(std::string_view name);
// " · <a href=CategoryPath>name</a>" for an article's meta line; nothing for "".
void AppendCategoryLink(std::string& out, std::string_view name);

struct PageFrame {
  std::string_view title;
  std::string_view description;   // meta description; may be empty
  std::string_view canonical;     // path; may be empty
  std::string_view prev, next;    // rel=prev/next paths; may be empty
  std::string_view feed;          // an extra RSS feed path; may be empty
  std::string_view feed_title;
  int font_step = 0;              // -2..3, the body class fs-N
};

void OpenPage(std::string& out, const SiteInfo& site, const PageFrame& frame);
void ClosePage(std::string& out, const SiteInfo& site);

// Appends a decimal integer.
void AppendInt(std::string& out, int64_t v);

// Appends a form's errors as an alert list (nothing when there are none).
void AppendFormErrors(std::string& out, const std::vector<site::FieldError>* errors);

}  // namespace tribune::render
