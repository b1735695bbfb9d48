#include "render/feeds.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/html.h"
#include "core/time_format.h"
#include "site/pagination.h"

namespace tribune::render {
namespace {

void Element(std::string& out, std::string_view name, std::string_view text) {
  out += '<';
  out += name;
  out += '>';
  html::AppendXmlEscaped(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

struct Channel {
  std::string_view title, link, description, self;
  int64_t last_build = 0;  // Unix seconds; 0: none
};

void OpenChannel(std::string& out, const SiteInfo& site, const Channel& c) {
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n";
  Element(out, "title", c.title);
  Element(out, "link", c.link);
  Element(out, "description", html::TextAsHtml(c.description));
  Element(out, "language", site.lang ? std::string(site.code()) : site.language);
  if (c.last_build > 0) Element(out, "lastBuildDate", timefmt::HttpDate(c.last_build));
  out += "<atom:link href=\"";
  html::AppendXmlEscaped(out, c.self);
  out += "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
}

constexpr const char* kClose = "</channel>\n</rss>\n";

int64_t NewestChange(const std::vector<site::Article>& articles) {
  int64_t newest = 0;
  for (const auto& a : articles) newest = std::max({newest, a.published_at, a.updated_at});
  return newest;
}

int64_t NewestChange(const site::Article& a, const std::vector<site::Comment>& comments) {
  int64_t newest = a.published_at;
  for (const auto& c : comments) newest = std::max({newest, c.created_at, c.edited_at});
  return newest;
}

}  // namespace

std::string RenderSiteFeed(const SiteInfo& site, const std::vector<site::Article>& articles,
                           const std::string& category) {
  std::string out;
  std::string path = category.empty() ? std::string("/") : CategoryPath(category);
  std::string link = site.base_url + path;
  std::string self = site.base_url + (category.empty() ? "/rss.xml" : path + "/rss.xml");
  std::string title = category.empty() ? site.name : category + " \u00b7 " + site.name;
  OpenChannel(out, site,
              {title, link, site.F("Latest news from {title}", {}, {{"title", title}}), self,
               NewestChange(articles)});
  for (const auto& a : articles) {
    std::string item_link = site.base_url + site::ArticlePath(a);
    out += "<item>\n";
    Element(out, "title", a.title);
    Element(out, "link", item_link);
    Element(out, "guid", item_link);
    Element(out, "pubDate", timefmt::HttpDate(a.published_at));
    if (!a.byline.empty() || !a.source.empty()) {
      Element(out, "dc:creator", a.byline.empty() ? a.source : a.byline);
    }
    if (!a.category.empty()) Element(out, "category", a.category);
    Element(out, "description", html::TextAsHtml(a.lead));
    out += "</item>\n";
  }
  out += kClose;
  return out;
}

std::string RenderCommentsFeed(const SiteInfo& site, const site::Article& a,
                               const std::vector<site::Comment>& comments, int64_t per_page) {
  std::string out;
  std::string link = site.base_url + site::ArticlePath(a);
  std::string self = fmt::format("{}/news/{}-{}/comments.rss", site.base_url, a.id, a.slug);
  OpenChannel(out, site,
              {site.F("Comments: {title}", {}, {{"title", a.title}}), link,
               site.F("The latest comments on {title}", {}, {{"title", a.title}}), self,
               NewestChange(a, comments)});
  for (size_t i = 0; i < comments.size(); ++i) {
    const site::Comment& c = comments[i];
    int64_t page = site::PageOfPosition(static_cast<int64_t>(i), per_page);
    out += "<item>\n";
    Element(out, "title", fmt::format("#{} {}", c.number, c.author));
    Element(out, "link",
            fmt::format("{}{}#c{}", site.base_url, site::CommentsPagePath(a, page), c.id));
    out += "<guid isPermaLink=\"false\">";
    html::AppendXmlEscaped(out, fmt::format("{}/api/v1/comments/{}", site.base_url, c.id));
    out += "</guid>\n";
    Element(out, "pubDate", timefmt::HttpDate(c.created_at));
    Element(out, "dc:creator", c.author);
    Element(out, "description", html::TextAsHtml(c.body_text));
    out += "</item>\n";
  }
  out += kClose;
  return out;
}

}  // namespace tribune::render
