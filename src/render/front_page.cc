#include "render/front_page.h"

#include "core/html.h"
#include "core/time_format.h"
#include "render/pagination_nav.h"

namespace tribune::render {
namespace {
std::string FrontPath(int64_t p) { return p <= 1 ? "/" : "/?page=" + std::to_string(p); }
}  // namespace

std::string RenderFrontPage(const SiteInfo& site, const std::vector<site::Article>& articles,
                            int64_t page, int64_t pages) {
  std::string out;
  out.reserve(16 * 1024);
  std::string canonical = FrontPath(page);
  std::string prev = page > 1 ? FrontPath(page - 1) : "";
  std::string next = page < pages ? FrontPath(page + 1) : "";
  OpenPage(out, site, {site.name, "Latest news", canonical, prev, next, "", "", 0});
  out += "<h1 class=\"front-title\">Latest news</h1>\n<ol class=\"article-list\">\n";
  for (const auto& a : articles) {
    std::string path = site::ArticlePath(a);
    out += "<li class=\"article-item\"><h2><a href=\"";
    html::AppendEscaped(out, path);
    out += "\">";
    html::AppendEscaped(out, a.title);
    out += "</a></h2>\n<p class=\"article-meta\"><time datetime=\"";
    out += timefmt::Iso8601(a.published_at);
    out += "\">";
    out += timefmt::ArticleDate(a.published_at);
    out += "</time> \u00b7 <a href=\"";
    html::AppendEscaped(out, path);
    out += "#comments\">";
    AppendInt(out, a.comment_count);
    out += a.comment_count == 1 ? " comment" : " comments";
    out += "</a></p>\n<p class=\"lead\">";
    html::AppendEscaped(out, a.lead);
    out += "</p></li>\n";
  }
  out += "</ol>\n";
  if (articles.empty()) out += "<p>No articles yet.</p>\n";
  AppendPagination(out, page, pages, FrontPath, "Front page pages");
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
