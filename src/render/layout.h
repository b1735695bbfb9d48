// The frame every public page shares: head, site header, footer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.h"
#include "site/comment_form.h"

namespace tribune::render {

struct SiteInfo {
  std::string name;
  std::string base_url;   // no trailing slash
  std::string language;
  std::string policy_note;
  std::vector<std::string> categories;  // names, in the order of the site's navigation
  // The reader's language (null: English) and those the site offers (the
  // switch in the header; none when only one).
  const i18n::Language* lang = nullptr;
  const i18n::Languages* languages = nullptr;

  // The text for the English `id` in the reader's language. It is `id` itself
  // when the catalog lacks it: use the result within the expression, or copy
  // it (`std::string title = site.T("…")`), never bind a call on a literal to
  // a reference, which would outlive the temporary string.
  const std::string& T(const std::string& id) const { return lang ? lang->T(id) : id; }
  std::string F(const std::string& id,
                std::initializer_list<std::pair<std::string_view, int64_t>> numbers,
                std::initializer_list<std::pair<std::string_view, std::string_view>> texts = {}) const;
  // A date and time, the one format of every page ("5 December 2026 06:33").
  std::string Date(int64_t unix_seconds) const;
  std::string_view code() const { return lang ? std::string_view(lang->code()) : "en"; }
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

// The box the comment editor's script fills (<div class="editor">) for the
// text box `textarea_id`, with the editor's texts in the site's language.
void AppendEditorHost(std::string& out, const SiteInfo& site, std::string_view textarea_id);

// Appends a decimal integer.
void AppendInt(std::string& out, int64_t v);

// Appends a form's errors as an alert list (nothing when there are none).
// Messages the catalog has are shown in `site`'s language.
void AppendFormErrors(std::string& out, const std::vector<site::FieldError>* errors,
                      const SiteInfo* site = nullptr);

}  // namespace tribune::render
