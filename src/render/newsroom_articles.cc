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
void AppendInput(std::string& out, const char* name, const char* label, const std::string& value,
                 const char* hint, int rows = 0, bool required = false, int maxlength = 0) {
  std::string id = std::string("ae-") + name;
  out += fmt::format("<p class=\"field\"><label for=\"{}\">{}</label>", id, label);
  if (hint && *hint) out += fmt::format(" <span class=\"hint\" id=\"{}-hint\">{}</span>", id, hint);
  std::string common = fmt::format("id=\"{}\" name=\"{}\"{}{}{}", id, name,
                                   required ? " required" : "",
                                   maxlength > 0 ? fmt::format(" maxlength=\"{}\"", maxlength) : "",
                                   hint && *hint ? fmt::format(" aria-describedby=\"{}-hint\"", id)
                                                 : std::string());
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
void AppendCategory(std::string& out, const ArticleEditView& v) {
  if (v.categories.empty() && v.category.empty()) return;
  out += "<p class=\"field\"><label for=\"ae-category\">Category</label><br>"
         "<select id=\"ae-category\" name=\"category\"><option value=\"\">(none)</option>";
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
void AppendStateLine(std::string& out, const ArticleEditView& v) {
  if (v.id == 0) return;
  out += "<p class=\"state\">Now: <strong>";
  if (v.scheduled) {
    out += "scheduled for ";
    html::AppendEscaped(out, v.publish_at);
    out += " UTC";
  } else {
    out += site::StateName(v.state);
  }
  out += "</strong></p>\n";
}

}  // namespace

std::string RenderArticleListPage(const SiteInfo& site, const ArticleListView& v) {
  std::string out;
  OpenStaffPage(out, site, "Articles", "articles", v.staff_name, v.role, v.form_token,
                "/newsroom/articles");
  AppendMessage(out, "notice-ok", v.notice);
  out += "<p><a class=\"button\" href=\"/newsroom/articles/new\">Write an article</a></p>\n";
  if (v.articles.empty()) {
    out += "<p class=\"empty\">No articles yet.</p>\n";
  } else {
    out += "<table class=\"article-list\">\n<thead><tr><th scope=\"col\">Title</th>"
           "<th scope=\"col\">State</th><th scope=\"col\">Published</th>"
           "<th scope=\"col\">Comments</th><th scope=\"col\">On the site</th></tr></thead>\n"
           "<tbody>\n";
    for (const site::Article& a : v.articles) {
      out += "<tr><td><a href=\"/newsroom/articles/" + std::to_string(a.id) + "\">";
      html::AppendEscaped(out, a.title);
      out += "</a></td><td>";
      out += a.state == site::ArticleState::kPublished && a.published_at > v.now
                 ? "scheduled"
                 : std::string(site::StateName(a.state));
      out += "</td><td><time datetime=\"" + timefmt::Iso8601(a.published_at) + "\">" +
             timefmt::CommentDate(a.published_at) + "</time></td><td>" +
             std::to_string(a.comment_count) + (a.comments_open ? "" : " (closed)") +
             "</td><td><a href=\"";
      html::AppendEscaped(out, site::ArticlePath(a));
      out += "\">View</a></td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  if (v.pages > 1) {
    out += "<nav class=\"pagination\" aria-label=\"Pages\">";
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
  std::string title = v.id == 0 ? "New article" : "Edit article " + std::to_string(v.id);
  OpenStaffPage(out, site, title, "article-editor", v.staff_name, v.role, v.form_token,
                "/newsroom/articles");
  AppendMessage(out, "notice-ok", v.notice);
  if (!v.public_path.empty()) {
    out += "<p><a href=\"";
    html::AppendEscaped(out, v.public_path);
    out += "\">View it on the site</a></p>\n";
  }
  AppendFormErrors(out, &v.errors);
  if (v.preview) {
    out += "<section class=\"article-preview\" aria-labelledby=\"preview-title\">\n"
           "<h2 id=\"preview-title\">Preview: as readers will see it</h2>\n<article>\n<h3>";
    html::AppendEscaped(out, v.title);
    out += "</h3>\n";
    if (!v.lead.empty()) {
      out += "<p class=\"lead\"><strong>";
      html::AppendEscaped(out, v.lead);
      out += "</strong></p>\n";
    }
    if (!v.byline.empty()) {
      out += "<p class=\"byline\">By ";
      html::AppendEscaped(out, v.byline);
      out += "</p>\n";
    }
    AppendArticleBody(out, v.body, &v.images);
    if (!v.source.empty()) {
      out += "<p class=\"source\">Source: ";
      html::AppendEscaped(out, v.source);
      out += "</p>\n";
    }
    out += "</article>\n</section>\n";
  }
  out += fmt::format("<form class=\"article-form\" method=\"post\" action=\"/newsroom/articles{}\">\n",
                     v.id == 0 ? std::string() : "/" + std::to_string(v.id));
  out += "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n";
  AppendInput(out, "title", "Title", v.title, "", 0, true, 300);
  AppendInput(out, "slug", "Address name", v.slug,
              "small letters, digits and hyphens; empty: made from the title", 0, false, 120);
  AppendInput(out, "lead", "Lead", v.lead, "one or two sentences above the text", 3);
  AppendInput(out, "body", "Text", v.body,
              "paragraphs separated by a blank line, in the comments\u2019 BBCode; a line "
              "starting \u201c## \u201d or "
              "\u201c### \u201d is a heading; [img=ID] on its own line places an image "
              "(Images)", 20, true);
  AppendInput(out, "source", "Source line", v.source, "e.g. a news agency", 0, false, 300);
  AppendInput(out, "byline", "Byline", v.byline, "the writer's name, shown as \u201cBy \u2026\u201d",
              0, false, 200);
  AppendCategory(out, v);
  out += "<p class=\"field\"><label><input type=\"checkbox\" name=\"comments_open\" value=\"1\"";
  if (v.comments_open) out += " checked";
  out += "> Readers may comment</label></p>\n";
  out += "<p class=\"field\"><label for=\"ae-close\">Comments close after (days)</label> "
         "<span class=\"hint\" id=\"ae-close-hint\">0: they stay open</span><br>"
         "<input type=\"number\" id=\"ae-close\" name=\"comments_close_days\" min=\"0\" "
         "max=\"3650\" aria-describedby=\"ae-close-hint\" value=\"";
  AppendAttr(out, v.comments_close_days);
  out += "\"></p>\n<p class=\"field\"><label for=\"ae-at\">Publication time (UTC)</label> "
         "<span class=\"hint\" id=\"ae-at-hint\">empty: when you publish; a time to come "
         "schedules it</span><br><input type=\"datetime-local\" id=\"ae-at\" name=\"publish_at\" "
         "aria-describedby=\"ae-at-hint\" value=\"";
  AppendAttr(out, v.publish_at);
  out += "\"></p>\n";
  AppendStateLine(out, v);
  bool published = v.state == site::ArticleState::kPublished && v.id != 0;
  out += "<p class=\"actions\">"
         "<button type=\"submit\" name=\"do\" value=\"preview\">Preview</button> ";
  if (!published) {
    out += "<button type=\"submit\" name=\"do\" value=\"draft\">Save as draft</button> ";
  }
  out += "<button type=\"submit\" name=\"do\" value=\"publish\">";
  out += published ? "Save changes" : "Publish";
  out += "</button>";
  if (published) {
    out += " <button type=\"submit\" name=\"do\" value=\"unpublish\">Unpublish</button>";
  }
  out += "</p>\n</form>\n</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
