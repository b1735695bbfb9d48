#include "render/layout.h"

#include <fmt/format.h>

#include <charconv>

#include "core/html.h"
#include "core/time_format.h"
#include "site/slug.h"

namespace tribune::render {

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void AppendFormErrors(std::string& out, const std::vector<site::FieldError>* errors,
                      const SiteInfo* site) {
  if (!errors || errors->empty()) return;
  out += "<div role=\"alert\"><ul class=\"form-errors\">";
  for (const auto& e : *errors) {
    out += "<li data-field=\"";
    html::AppendEscaped(out, e.field);
    out += "\">";
    html::AppendEscaped(out, site ? site->T(e.message) : e.message);
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
  html::AppendEscaped(out, site.lang ? site.code() : std::string_view(site.language));
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
  out += "</a> <nav class=\"site-nav\" aria-label=\"";
  html::AppendEscaped(out, site.T("Site"));
  out += "\"><a href=\"/\">";
  html::AppendEscaped(out, site.T("News"));
  out += "</a> ";
  for (const std::string& name : site.categories) {
    out += "<a href=\"";
    html::AppendEscaped(out, CategoryPath(name));
    out += "\">";
    html::AppendEscaped(out, name);
    out += "</a> ";
  }
  out += "<a href=\"/rss.xml\">RSS</a> <a class=\"account-link\" href=\"/account\">";
  html::AppendEscaped(out, site.T("Account"));
  out += "</a></nav>";
  if (site.languages && site.languages->all().size() > 1) {
    // The switch: each language named in itself; the choice sticks (a cookie).
    std::string back = html::UrlEncode(f.canonical.empty() ? std::string_view("/") : f.canonical);
    out += "<nav class=\"languages\" aria-label=\"";
    html::AppendEscaped(out, site.T("Language"));
    out += "\">";
    for (const auto& l : site.languages->all()) {
      bool current = l->code() == site.code();
      out += "<a href=\"/prefs/lang?l=";
      html::AppendEscaped(out, l->code());
      out += "&amp;back=";
      out += back;
      out += "\" lang=\"";
      html::AppendEscaped(out, l->code());
      out += "\" hreflang=\"";
      html::AppendEscaped(out, l->code());
      out += current ? "\" aria-current=\"true\" rel=\"nofollow\">" : "\" rel=\"nofollow\">";
      html::AppendEscaped(out, l->name());
      out += "</a> ";
    }
    out += "</nav>";
  }
  out += "</header>\n<main class=\"page\">\n";
}

std::string SiteInfo::F(
    const std::string& id, std::initializer_list<std::pair<std::string_view, int64_t>> numbers,
    std::initializer_list<std::pair<std::string_view, std::string_view>> texts) const {
  if (lang) return lang->F(id, numbers, texts);
  return i18n::Languages::EnglishOnly()->Default().F(id, numbers, texts);
}

std::string SiteInfo::Date(int64_t unix_seconds) const {
  if (lang) return lang->DateTime(unix_seconds);
  return timefmt::CommentDate(unix_seconds);
}

namespace {

// The texts of the editor's script (web/static/js/comment-form.js, tr()).
const std::string kEditorTexts[] = {
    "Formatting",  // i18n
    "Bold",  // i18n
    "Italic",  // i18n
    "Underline",  // i18n
    "Strikethrough",  // i18n
    "Align left",  // i18n
    "Centre",  // i18n
    "Align right",  // i18n
    "Insert smiley",  // i18n
    "Insert link",  // i18n
    "Link address:",  // i18n
    "Insert a link that warns readers before they leave the site",  // i18n
    "Safe link",  // i18n
    "Protected link address:",  // i18n
    "Text colour",  // i18n
    "Text only signed-in readers see",  // i18n
    "Members only",  // i18n
    "Quote",  // i18n
    "Turn Latin transliteration in the selected text into Cyrillic (privet → привет)",  // i18n
    "To Cyrillic",  // i18n
    "Spoiler",  // i18n
    "Geo Keyboard: type Georgian letters",  // i18n
    "Geo Keyboard",  // i18n
    "Smilies",  // i18n
    "Smiley",  // i18n
    "Colours",  // i18n
    "Colour",  // i18n
    "Georgian keyboard",  // i18n
    "Shift",  // i18n
    "Space",  // i18n
    "Backspace",  // i18n
    "red",  // i18n
    "dark red",  // i18n
    "orange",  // i18n
    "green",  // i18n
    "blue",  // i18n
    "navy",  // i18n
    "purple",  // i18n
    "grey",  // i18n
};

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

void AppendEditorHost(std::string& out, const SiteInfo& site, std::string_view textarea_id) {
  out += "<div class=\"editor\" data-editor=\"";
  html::AppendEscaped(out, textarea_id);
  out += '"';
  if (site.lang && site.code() != "en") {
    std::string json = "{";
    for (const std::string& text : kEditorTexts) {
      const std::string& shown = site.T(text);
      if (&shown == &text) continue;  // not in the catalog: the script's English stays
      if (json.size() > 1) json += ',';
      AppendJsonString(json, text);
      json += ':';
      AppendJsonString(json, shown);
    }
    json += '}';
    out += " data-labels=\"";
    html::AppendEscaped(out, json);
    out += '"';
  }
  out += "></div>\n";
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
         "<a href=\"/privacy\">";
  html::AppendEscaped(out, site.T("Privacy"));
  out += "</a></p></footer>\n</body>\n</html>\n";
}

}  // namespace tribune::render
