// RSS 2.0 feeds: the site's latest articles, an article's latest comments.
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
