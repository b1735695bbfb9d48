#include "render/layout.h"

#include <charconv>

#include "core/html.h"
#include "site/slug.h"

namespace tribune::render {

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void AppendFormErrors(std::string& out, const std::vector<site::FieldError>* errors) {
  if (!errors || errors->empty()) return;
  out += "<div role=\"alert\"><ul class=\"form-errors\">";
  for (const auto& e : *errors) {
    out += "<li data-field=\"";
    html::AppendEscaped(out, e.field);
    out += "\">";
    html::AppendEscaped(out, e.message);
    out += "</li>";
  }
  out += "</ul></div>\n";
}

namespace {
void LinkTag(std::string& out, std::string_view rel, const SiteInfo& site, std::string_view path) {
  if (path.empty()) return;
  out += "<link rel=\"";
  out += rel;
  out += "\" href=\"";
  html::AppendEscaped(out, site.base_url);
  html::AppendEscaped(out, path);
  out += "\">\n";
}
}  // namespace

void OpenPage(std::string& out, const SiteInfo& site, const PageFrame& f) {
  out += "<!doctype html>\n<html lang=\"";
  html::AppendEscaped(out, site.language);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  html::AppendEscaped(out, f.title);
  if (f.title != site.name) {
    out += " \u2014 ";
    html::AppendEscaped(out, site.name);
  }
  out += "</title>\n";
  if (!f.description.empty()) {
    out += "<meta name=\"description\" content=\"";
    html::AppendEscaped(out, f.description);
    out += "\">\n";
  }
  LinkTag(out, "canonical", site, f.canonical);
  LinkTag(out, "prev", site, f.prev);
  LinkTag(out, "next", site, f.next);
  out += "<link rel=\"stylesheet\" href=\"/static/css/site.css\">\n"
         "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n"
         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"";
  html::AppendEscaped(out, site.name);
  out += "\" href=\"/rss.xml\">\n";
  if (!f.feed.empty()) {
    out += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"";
    html::AppendEscaped(out, f.feed_title);
    out += "\" href=\"";
    html::AppendEscaped(out, f.feed);
    out += "\">\n";
  }
  out += "<script src=\"/static/js/comment-form.js\" defer></script>\n</head>\n<body class=\"fs-";
  AppendInt(out, f.font_step);
  out += "\">\n<header class=\"site-header\"><a class=\"site-name\" href=\"/\">";
  html::AppendEscaped(out, site.name);
  out += "</a> <nav class=\"site-nav\" aria-label=\"Site\"><a href=\"/\">News</a> ";
  for (const std::string& name : site.categories) {
    out += "<a href=\"";
    html::AppendEscaped(out, CategoryPath(name));
    out += "\">";
    html::AppendEscaped(out, name);
    out += "</a> ";
  }
  out += "<a href=\"/rss.xml\">RSS</a> <a class=\"account-link\" href=\"/account\">Account</a>"
         "</nav></header>\n<main class=\"page\">\n";
}

void AppendCategoryLink(std::string& out, std::string_view name) {
  if (name.empty()) return;
  out += " \u00b7 <a href=\"";
  html::AppendEscaped(out, CategoryPath(name));
  out += "\">";
  html::AppendEscaped(out, name);
  out += "</a>";
}

std::string CategoryPath(std::string_view name) {
  return "/category/" + site::Slugify(std::string(name));
}

void ClosePage(std::string& out, const SiteInfo& site) {
  out += "</main>\n<footer class=\"site-footer\"><p>";
  html::AppendEscaped(out, site.name);
  out += " \u00b7 <a href=\"/rss.xml\">RSS</a> \u00b7 <a href=\"/api/v1/articles\">API</a> \u00b7 "
         "<a href=\"/privacy\">Privacy</a></p>"
         "</footer>\n</body>\n</html>\n";
}

}  // namespace tribune::render
