// The article page: the article, one page of its comments, the comment form.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"
#include "site/comment.h"
#include "site/reader.h"
#include "site/comment_form.h"
#include "site/image.h"

namespace tribune::render {

struct ArticlePageView {
  const site::Article* article = nullptr;
  const std::vector<site::Comment>* comments = nullptr;  // this page's, newest first
  int64_t page = 1;
  int64_t pages = 1;
  int font_step = 0;
  bool signed_in = false;           // show [hide] content
  // Inserted into the form as it is: the per-request fields (token, code), or
  // kPerRequestMarker for a cached page that gets them spliced in per request.
  std::string form_fields;
  int body_max = 5000;
  // Set when the form comes back to the reader:
  std::string notice;               // a success message (notice-ok)
  std::string notice_edit_href;     // with it, a link for the author to edit the comment
  const site::CommentForm* form = nullptr;          // values to refill
  const std::vector<site::FieldError>* errors = nullptr;
  const std::vector<site::Image>* images = nullptr;  // those the body places
  // Published replies to this page's comments (each shown under the one it answers).
  const std::vector<site::ReplyLink>* replies = nullptr;
  // The signed-in reader: the form is theirs (no name, address or challenge).
  const site::Reader* reader = nullptr;
  // The comment the form answers, when it does (?reply=ID without JavaScript).
  int64_t reply_to = 0, reply_to_number = 0;
};

std::string RenderArticlePage(const SiteInfo& site, const ArticlePageView& view);

// The article body: paragraphs separated by blank lines, each in the
// comments' BBCode (bold, links, quotes, ...); "## " and "### " lines are
// headings; a "[img=ID]" paragraph is that image's figure
// when `images` has it (and nothing otherwise).
void AppendArticleBody(std::string& out, const std::string& body,
                       const std::vector<site::Image>* images = nullptr);

}  // namespace tribune::render
