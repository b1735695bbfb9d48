#include "render/newsroom_articles.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"
#include "render/article_page.h"
#include "render/newsroom_frame.h"

namespace tribune::render {
namespace {

void AppendAttr(std::string& out, std::string_view value) { html::AppendEscaped(out, value); }

// A labelled text input (or textarea when rows > 0) named `name`.
void AppendInput(std::string& out, const SiteInfo& site, const char* name, const char* label,
                 const std::string& value, const char* hint, int rows = 0, bool required = false,
                 int maxlength = 0) {
  std::string id = std::string("ae-") + name;
  out += fmt::format("<p class=\"field\"><label for=\"{}\">{}</label>", id, Tx(site, label));
  if (hint && *hint)
    out += fmt::format(" <span class=\"hint\" id=\"{}-hint\">{}</span>", id, Tx(site, hint));
  std::string common =
      fmt::format("id=\"{}\" name=\"{}\"{}{}{}", id, name, required ? " required" : "",
                  maxlength > 0 ? fmt::format(" maxlength=\"{}\"", maxlength) : "",
                  hint && *hint ? fmt::format(" aria-describedby=\"{}-hint\"", id) : std::string());
  if (rows > 0) {
    out += fmt::format("<br><textarea {} rows=\"{}\">", common, rows);
    html::AppendEscaped(out, value);
    out += "</textarea></p>\n";
  } else {
    out += fmt::format("<br><input {} value=\"", common);
    AppendAttr(out, value);
    out += "\"></p>\n";
  }
}

// The category choice: the site's categories, or none.
void AppendCategory(std::string& out, const SiteInfo& site, const ArticleEditView& v) {
  if (v.categories.empty() && v.category.empty()) return;
  out += "<p class=\"field\"><label for=\"ae-category\">" + Tx(site, "Category") +
         "</label><br><select id=\"ae-category\" name=\"category\"><option value=\"\">" +
         Tx(site, "(none)") + "</option>";
  bool listed = false;
  for (const std::string& name : v.categories) {
    out += "<option";
    if (name == v.category) out += " selected", listed = true;
    out += ">";
    html::AppendEscaped(out, name);
    out += "</option>";
  }
  if (!listed && !v.category.empty()) {  // no longer one of the site's: kept until changed
    out += "<option selected>";
    html::AppendEscaped(out, v.category);
    out += "</option>";
  }
  out += "</select></p>\n";
}

// Where the article is now, in words.
void AppendStateLine(std::string& out, const SiteInfo& site, const ArticleEditView& v) {
  if (v.id == 0) return;
  out += "<p class=\"state\">" + Tx(site, "Now:") + " <strong>";
  if (v.scheduled) {
    std::string at;
    html::AppendEscaped(at, v.publish_at);
    out += site.F("scheduled for {time} UTC", {}, {{"time", at}});
  } else {
    out += Tx(site, StatusLabel(site, site::StateName(v.state)));
  }
  out += "</strong></p>\n";
}

}  // namespace

std::string RenderArticleListPage(const SiteInfo& site, const ArticleListView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Articles"), "articles", v.staff_name, v.role, v.form_token,
                "/newsroom/articles");
  AppendMessage(out, site, "notice-ok", v.notice);
  out += "<p><a class=\"button\" href=\"/newsroom/articles/new\">" + Tx(site, "Write an article") +
         "</a></p>\n";
  if (v.articles.empty()) {
    out += "<p class=\"empty\">" + Tx(site, "No articles yet.") + "</p>\n";
  } else {
    out += "<table class=\"article-list\">\n<thead><tr>";
    for (const char* head :
         {"Title", "State", "Published", "Comments", "On the site"}) {  // i18n-all
      out += "<th scope=\"col\">" + Tx(site, head) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const site::Article& a : v.articles) {
      out += "<tr><td><a href=\"/newsroom/articles/" + std::to_string(a.id) + "\">";
      html::AppendEscaped(out, a.title);
      out += "</a></td><td>";
      out += Tx(site, StatusLabel(
                          site, a.state == site::ArticleState::kPublished && a.published_at > v.now
                                    ? std::string_view("scheduled")
                                    : site::StateName(a.state)));
      out += "</td><td><time datetime=\"" + timefmt::Iso8601(a.published_at) + "\">" +
             site.Date(a.published_at) + "</time></td><td>" + std::to_string(a.comment_count) +
             (a.comments_open ? "" : " (" + Tx(site, "closed") + ")") + "</td><td><a href=\"";
      html::AppendEscaped(out, site::ArticlePath(a));
      out += "\">" + Tx(site, "View") + "</a></td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  if (v.pages > 1) {
    out += "<nav class=\"pagination\" aria-label=\"" + Tx(site, "Pages") + "\">";
    for (int64_t p = 1; p <= v.pages; ++p) {
      out += p == v.page ? fmt::format(" <span aria-current=\"page\">{}</span>", p)
                         : fmt::format(" <a href=\"/newsroom/articles?page={}\">{}</a>", p, p);
    }
    out += "</nav>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderArticleEditPage(const SiteInfo& site, const ArticleEditView& v) {
  std::string out;
  std::string title =
      v.id == 0 ? site.T("New article") : site.F("Edit article {id}", {{"id", v.id}});
  OpenStaffPage(out, site, title, "article-editor", v.staff_name, v.role, v.form_token,
                "/newsroom/articles");
  AppendMessage(out, site, "notice-ok", v.notice);
  if (!v.public_path.empty()) {
    out += "<p><a href=\"";
    html::AppendEscaped(out, v.public_path);
    out += "\">" + Tx(site, "View it on the site") + "</a></p>\n";
  }
  AppendFormErrors(out, &v.errors, &site);
  if (v.preview) {
    out +=
        "<section class=\"article-preview\" aria-labelledby=\"preview-title\">\n"
        "<h2 id=\"preview-title\">" +
        Tx(site, "Preview: as readers will see it") + "</h2>\n<article>\n<h3>";
    html::AppendEscaped(out, v.title);
    out += "</h3>\n";
    if (!v.lead.empty()) {
      out += "<p class=\"lead\"><strong>";
      html::AppendEscaped(out, v.lead);
      out += "</strong></p>\n";
    }
    if (!v.byline.empty()) {
      std::string byline;
      html::AppendEscaped(byline, v.byline);
      out += "<p class=\"byline\">" + site.F("By {name}", {}, {{"name", byline}}) + "</p>\n";
    }
    AppendArticleBody(out, v.body, &v.images);
    if (!v.source.empty()) {
      out += "<p class=\"source\">" + Tx(site, "Source:") + " ";
      html::AppendEscaped(out, v.source);
      out += "</p>\n";
    }
    out += "</article>\n</section>\n";
  }
  out +=
      fmt::format("<form class=\"article-form\" method=\"post\" action=\"/newsroom/articles{}\">\n",
                  v.id == 0 ? std::string() : "/" + std::to_string(v.id));
  out += "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n";
  AppendInput(out, site, "title", "Title", v.title, "", 0, true, 300);
  AppendInput(out, site, "slug", "Address name", v.slug,
              "small letters, digits and hyphens; empty: made from the title", 0, false,  // i18n
              120);
  AppendInput(out, site, "lead", "Lead", v.lead, "one or two sentences above the text", 3);  // i18n
  AppendInput(out, site, "body", "Text", v.body,
              "paragraphs separated by a blank line, in the comments\u2019 BBCode; a line "
              "starting \u201c## \u201d or "
              "\u201c### \u201d is a heading; [img=ID] on its own line places an image "
              "(Images)",  // i18n
              20, true);
  AppendInput(out, site, "source", "Source line", v.source, "e.g. a news agency", 0, false,  // i18n
              300);
  AppendInput(out, site, "byline", "Byline", v.byline,
              "the writer\u2019s name, shown as \u201cBy \u2026\u201d",  // i18n
              0, false, 200);
  AppendCategory(out, site, v);
  out += "<p class=\"field\"><label><input type=\"checkbox\" name=\"comments_open\" value=\"1\"";
  if (v.comments_open) out += " checked";
  out += "> " + Tx(site, "Readers may comment") + "</label></p>\n";
  out += "<p class=\"field\"><label for=\"ae-close\">" + Tx(site, "Comments close after (days)") +
         "</label> <span class=\"hint\" id=\"ae-close-hint\">" + Tx(site, "0: they stay open") +
         "</span><br>"
         "<input type=\"number\" id=\"ae-close\" name=\"comments_close_days\" min=\"0\" "
         "max=\"3650\" aria-describedby=\"ae-close-hint\" value=\"";
  AppendAttr(out, v.comments_close_days);
  out += "\"></p>\n<p class=\"field\"><label for=\"ae-at\">" + Tx(site, "Publication time (UTC)") +
         "</label> <span class=\"hint\" id=\"ae-at-hint\">" +
         Tx(site, "empty: when you publish; a time to come schedules it") +
         "</span><br><input type=\"datetime-local\" id=\"ae-at\" name=\"publish_at\" "
         "aria-describedby=\"ae-at-hint\" value=\"";
  AppendAttr(out, v.publish_at);
  out += "\"></p>\n";
  AppendStateLine(out, site, v);
  bool published = v.state == site::ArticleState::kPublished && v.id != 0;
  out +=
      "<p class=\"actions\">"
      "<button type=\"submit\" name=\"do\" value=\"preview\">" +
      Tx(site, "Preview") + "</button> ";
  if (!published) {
    out += "<button type=\"submit\" name=\"do\" value=\"draft\">" + Tx(site, "Save as draft") +
           "</button> ";
  }
  out += "<button type=\"submit\" name=\"do\" value=\"publish\">";
  out += published ? Tx(site, "Save changes") : Tx(site, "Publish");
  out += "</button>";
  if (published) {
    out += " <button type=\"submit\" name=\"do\" value=\"unpublish\">" + Tx(site, "Unpublish") +
           "</button>";
  }
  out += "</p>\n</form>\n</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
