// RSS 2.0 feeds: the site's latest articles, an article's latest comments.
// Feed readers take <description> for HTML, so it holds the text escaped as
// HTML (html::TextAsHtml) and then as XML: a comment's "<svg onload=...>"
// reaches the reader as text. Everything XML 1.0 forbids is dropped.
//
// Every item names its author in <dc:creator> (RSS's own <author> must be an
// e-mail address, which the site never shows); a channel's <lastBuildDate>
// is its newest publication or edit. A comment's <link> is the comment page
// it is really on; its <guid> stays the same when later comments push it to
// another page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/layout.h"
#include "site/article.h"
#include "site/comment.h"

namespace tribune::render {

// The site's feed; with `category`, that category's (at /category/{slug}/rss.xml).
std::string RenderSiteFeed(const SiteInfo& site, const std::vector<site::Article>& articles,
                           const std::string& category = "");

// `comments`: the article's newest published comments, newest first, as its
// comment pages list them from the start, `per_page` a page.
std::string RenderCommentsFeed(const SiteInfo& site, const site::Article& article,
                               const std::vector<site::Comment>& comments, int64_t per_page);

}  // namespace tribune::render
