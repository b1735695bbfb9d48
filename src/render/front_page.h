#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"

namespace tribune::render {

// The front page: latest articles, newest first, with lead and comment count.
std::string RenderFrontPage(const SiteInfo& site, const std::vector<site::Article>& articles,
                            int64_t page, int64_t pages);

}  // namespace tribune::render
