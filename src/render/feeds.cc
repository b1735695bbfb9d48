#include "render/feeds.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"

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

void OpenChannel(std::string& out, const SiteInfo& site, std::string_view title,
                 std::string_view link, std::string_view description, std::string_view self) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
  Element(out, "title", title);
  Element(out, "link", link);
  Element(out, "description", html::TextAsHtml(description));
  Element(out, "language", site.language);
  out += "<atom:link href=\"";
  html::AppendXmlEscaped(out, self);
  out += "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
}

constexpr const char* kClose = "</channel>\n</rss>\n";

}  // namespace

std::string RenderSiteFeed(const SiteInfo& site, const std::vector<site::Article>& articles) {
  std::string out;
  OpenChannel(out, site, site.name, site.base_url + "/", "Latest news from " + site.name,
              site.base_url + "/rss.xml");
  for (const auto& a : articles) {
    std::string link = site.base_url + site::ArticlePath(a);
    out += "<item>\n";
    Element(out, "title", a.title);
    Element(out, "link", link);
    Element(out, "guid", link);
    Element(out, "pubDate", timefmt::HttpDate(a.published_at));
    Element(out, "description", html::TextAsHtml(a.lead));
    out += "</item>\n";
  }
  out += kClose;
  return out;
}

std::string RenderCommentsFeed(const SiteInfo& site, const site::Article& a,
                               const std::vector<site::Comment>& comments) {
  std::string out;
  std::string link = site.base_url + site::ArticlePath(a);
  OpenChannel(out, site, "Comments: " + a.title, link, "The latest comments on " + a.title,
              fmt::format("{}/news/{}-{}/comments.rss", site.base_url, a.id, a.slug));
  for (const auto& c : comments) {
    std::string item_link = fmt::format("{}#c{}", link, c.id);
    out += "<item>\n";
    Element(out, "title", fmt::format("#{} {}", c.number, c.author));
    Element(out, "link", item_link);
    Element(out, "guid", item_link);
    Element(out, "pubDate", timefmt::HttpDate(c.created_at));
    Element(out, "description", html::TextAsHtml(c.body_text));
    out += "</item>\n";
  }
  out += kClose;
  return out;
}

}  // namespace tribune::render
