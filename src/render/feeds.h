// RSS 2.0 feeds: the site's latest articles, an article's latest comments.
// Feed readers take <description> for HTML, so it holds the text escaped as
// HTML (html::TextAsHtml) and then as XML: a comment's "<svg onload=...>"
// reaches the reader as text. Everything XML 1.0 forbids is dropped.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"
#include "site/comment.h"

namespace tribune::render {

std::string RenderSiteFeed(const SiteInfo& site, const std::vector<site::Article>& articles);
std::string RenderCommentsFeed(const SiteInfo& site, const site::Article& article,
                               const std::vector<site::Comment>& comments);

}  // namespace tribune::render
