// The newsroom's pages: sign-in, and the moderation queue where each comment
// shows the filter's verdict with every reason and its evidence.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/comment.h"

namespace tribune::render {

struct ReasonRow {
  std::string symbol;
  double score = 0;
  std::string evidence;
};

struct QueueItem {
  site::Comment comment;
  std::string article_title, article_path;
  std::vector<ReasonRow> reasons;
};

struct QueueView {
  std::string staff_name;
  std::string form_token;   // carried by every form of the page
  std::string show;         // "held", "spam" or "published"
  std::string notice;       // what the last action did; may be empty
  std::vector<QueueItem> items;
};

// The sign-in form; `name` is kept after a failed attempt.
std::string RenderSignInPage(const SiteInfo& site, const std::string& name,
                             const std::string& error);
std::string RenderQueuePage(const SiteInfo& site, const QueueView& view);

}  // namespace tribune::render
