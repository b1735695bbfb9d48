#include "render/edit_page.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"

namespace tribune::render {
std::string CommentEditPath(int64_t comment_id) {
  return fmt::format("/comments/{}/edit", comment_id);
}

std::string RenderEditPage(const SiteInfo& site, const EditPageView& v) {
  const site::Article& a = *v.article;
  std::string out;
  std::string title = "Edit your comment: " + a.title;
  OpenPage(out, site, {title, "", "", "", "", "", "", v.font_step});
  out += "<section class=\"add-comment edit-comment\" id=\"add-comment\">\n<h1>Edit your comment</h1>\n"
         "<p class=\"edit-on\">On <a href=\"";
  html::AppendEscaped(out, site::ArticlePath(a));
  out += "\">";
  html::AppendEscaped(out, a.title);
  out += "</a></p>\n";
  if (!v.refusal.empty()) {
    out += "<p class=\"notice notice-closed\" role=\"alert\">";
    html::AppendEscaped(out, v.refusal);
    out += "</p>\n";
  }
  AppendFormErrors(out, v.errors);
  if (v.refusal.empty() || !v.body.empty()) {
    // Refused or not, the text stays: a reader whose edit came too late can copy it.
    out += "<form id=\"comment-form\" class=\"comment-form\" method=\"post\" action=\"";
    out += CommentEditPath(v.comment->id);
    out += "\" accept-charset=\"utf-8\">\n<input type=\"hidden\" name=\"k\" value=\"";
    html::AppendEscaped(out, v.key);
    out += "\">\n<p class=\"field\">Name: <span class=\"comment-author\">";
    html::AppendEscaped(out, v.comment->author);
    out += "</span></p>\n";
    AppendEditorHost(out, site, "cf-body");
    out += "<p class=\"field\"><textarea id=\"cf-body\" name=\"body\" rows=\"8\" required "
           "maxlength=\"";
    AppendInt(out, v.body_max);
    out += "\" aria-label=\"Comment\">";
    html::AppendEscaped(out, v.body);
    out += "</textarea></p>\n";
    if (v.refusal.empty()) {
      out += "<p class=\"policy\">An edited comment is checked again. You can edit it until <time "
             "datetime=\"";
      out += timefmt::Iso8601(v.editable_until);
      out += "\">";
      out += timefmt::CommentDate(v.editable_until);
      out += "</time> (UTC).</p>\n"
             "<p><button type=\"submit\" class=\"submit\">Save</button></p>\n";
    }
    out += "</form>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
