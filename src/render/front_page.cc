#include "render/front_page.h"

#include "core/html.h"
#include "core/time_format.h"
#include "render/pagination_nav.h"

namespace tribune::render {
std::string RenderFrontPage(const SiteInfo& site, const std::vector<site::Article>& articles,
                            int64_t page, int64_t pages, const Listing& listing) {
  auto path_of = [&listing](int64_t p) {
    return p <= 1 ? listing.path : listing.path + "?page=" + std::to_string(p);
  };
  std::string out;
  out.reserve(16 * 1024);
  std::string canonical = path_of(page);
  std::string prev = page > 1 ? path_of(page - 1) : "";
  std::string next = page < pages ? path_of(page + 1) : "";
  std::string title = listing.path == "/" ? site.name : listing.heading + " \u00b7 " + site.name;
  std::string feed_title = listing.heading + " \u00b7 " + site.name;
  OpenPage(out, site, {title, listing.heading, canonical, prev, next, listing.feed, feed_title, 0});
  out += "<h1 class=\"front-title\">";
  html::AppendEscaped(out, listing.heading);
  out += "</h1>\n<ol class=\"article-list\">\n";
  for (const auto& a : articles) {
    std::string path = site::ArticlePath(a);
    out += "<li class=\"article-item\"><h2><a href=\"";
    html::AppendEscaped(out, path);
    out += "\">";
    html::AppendEscaped(out, a.title);
    out += "</a></h2>\n<p class=\"article-meta\"><time datetime=\"";
    out += timefmt::Iso8601(a.published_at);
    out += "\">";
    out += site.Date(a.published_at);
    out += "</time>";
    AppendCategoryLink(out, a.category);
    out += " \u00b7 <a href=\"";
    html::AppendEscaped(out, path);
    out += "#comments\">";
    html::AppendEscaped(out, site.F("{count, plural, one {# comment} other {# comments}}",
                                    {{"count", a.comment_count}}));
    out += "</a></p>\n<p class=\"lead\">";
    html::AppendEscaped(out, a.lead);
    out += "</p></li>\n";
  }
  out += "</ol>\n";
  if (articles.empty()) {
    out += "<p>";
    html::AppendEscaped(out, site.T("No articles yet."));
    out += "</p>\n";
  }
  AppendPagination(out, page, pages, path_of, site.T("Front page pages"), &site);
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
