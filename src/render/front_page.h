#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"

namespace tribune::render {

// Which list of articles a front page shows: the site's, or a category's.
struct Listing {
  std::string heading = "Latest news";
  std::string path = "/";  // page 1's path; later pages add "?page=N"
  std::string feed;        // the listing's own feed path ("": the site's is enough)
};

// The front page: latest articles, newest first, with lead and comment count.
std::string RenderFrontPage(const SiteInfo& site, const std::vector<site::Article>& articles,
                            int64_t page, int64_t pages, const Listing& listing = {});

}  // namespace tribune::render
