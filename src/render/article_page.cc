#include "render/article_page.h"

#include <fmt/format.h>

#include "bbcode/bbcode.h"
#include "core/html.h"
#include "render/newsroom_images.h"
#include "core/time_format.h"
#include "render/pagination_nav.h"

namespace tribune::render {
namespace {

void AppendComment(std::string& out, const site::Comment& c, bool signed_in) {
  out += "<li class=\"comment\" id=\"c";
  AppendInt(out, c.id);
  out += "\"><div class=\"comment-head\"><a class=\"comment-number\" href=\"#c";
  AppendInt(out, c.id);
  out += "\">#";
  AppendInt(out, c.number);
  out += "</a> <span class=\"comment-author\">";
  html::AppendEscaped(out, c.author);
  out += "</span></div>\n<div class=\"comment-body\">";
  out += signed_in ? c.body_html_member : c.body_html;  // rendered safely at write time
  out += "</div>\n<time class=\"comment-date\" datetime=\"";
  out += timefmt::Iso8601(c.created_at);
  out += "\">";
  out += timefmt::CommentDate(c.created_at);
  out += "</time>";
  if (c.edited_at != 0) {
    out += " <span class=\"comment-edited\" title=\"";
    out += timefmt::CommentDate(c.edited_at);
    out += "\">(edited)</span>";
  }
  out += " <a class=\"report-link\" rel=\"nofollow\" href=\"/comments/";
  AppendInt(out, c.id);
  out += "/report\">Report</a></li>\n";
}

void AppendFontControl(std::string& out, const site::Article& a) {
  std::string back = html::UrlEncode(site::ArticlePath(a));
  out += "<p class=\"font-size\">Font size: <a href=\"/prefs/font?step=up&amp;back=";
  out += back;
  out += "\" rel=\"nofollow\" data-font=\"up\">[ A+ ]</a> / "
         "<a href=\"/prefs/font?step=down&amp;back=";
  out += back;
  out += "\" rel=\"nofollow\" data-font=\"down\">[ A- ]</a></p>\n";
}

void AppendField(std::string& out, const site::CommentForm* form, std::string site::CommentForm::*f) {
  if (form) html::AppendEscaped(out, form->*f);
}

void AppendForm(std::string& out, const SiteInfo& site, const ArticlePageView& v) {
  const site::Article& a = *v.article;
  out += "<section class=\"add-comment\" id=\"add-comment\">\n<h2>Add Comments</h2>\n";
  if (!v.notice.empty()) {
    out += "<div class=\"notice notice-ok\" role=\"status\">";
    html::AppendEscaped(out, v.notice);
    if (!v.notice_edit_href.empty()) {
      out += " <a class=\"edit-link\" href=\"";
      html::AppendEscaped(out, v.notice_edit_href);
      out += "\">Edit it</a>";
    }
    out += "</div>\n";
  }
  AppendFormErrors(out, v.errors);
  if (!a.comments_open) {
    out += "<p class=\"notice notice-closed\">Comments are closed for this article.</p>\n";
    if (v.form && !v.form->body.empty()) {
      // Refused because comments closed meanwhile: the reader keeps the text.
      out += "<p class=\"field\"><label for=\"cf-kept\">Your text, to keep</label><br>"
             "<textarea id=\"cf-kept\" rows=\"6\" readonly>";
      html::AppendEscaped(out, v.form->body);
      out += "</textarea></p>\n";
    }
    out += "</section>\n";
    return;
  }
  out += "<form id=\"comment-form\" class=\"comment-form\" method=\"post\" action=\"";
  html::AppendEscaped(out, site::CommentsPostPath(a));
  out += "\" accept-charset=\"utf-8\">\n<p class=\"field\"><label for=\"cf-name\">Name:*</label> "
         "<input id=\"cf-name\" name=\"name\" required maxlength=\"60\" autocomplete=\"name\" "
         "value=\"";
  AppendField(out, v.form, &site::CommentForm::name);
  out += "\"></p>\n<p class=\"field\"><label for=\"cf-email\">E-Mail:</label> <input "
         "id=\"cf-email\" name=\"email\" type=\"email\" autocomplete=\"email\" value=\"";
  AppendField(out, v.form, &site::CommentForm::email);
  out += "\"></p>\n<div class=\"editor\" data-editor=\"cf-body\"></div>\n<p class=\"policy\">";
  html::AppendEscaped(out, site.policy_note);
  out += "</p>\n<p class=\"field\"><textarea id=\"cf-body\" name=\"body\" rows=\"8\" required "
         "maxlength=\"";
  AppendInt(out, v.body_max);
  out += "\" aria-label=\"Comment\">";
  AppendField(out, v.form, &site::CommentForm::body);
  out += "</textarea></p>\n";
  out += v.form_fields;
  out += "<p><button type=\"submit\" class=\"submit\">Send</button></p>\n</form>\n</section>\n";
}

}  // namespace

void AppendArticleBody(std::string& out, const std::string& body,
                       const std::vector<site::Image>* images) {
  site::ForEachParagraph(body, [&](std::string_view para) {
    if (std::optional<int64_t> id = site::PlacedImage(para)) {
      for (size_t i = 0; images && i < images->size(); ++i) {
        if ((*images)[i].id == *id) AppendFigure(out, (*images)[i]);
      }
      return;
    }
    // A paragraph of one line starting "## " or "### " is a heading.
    std::string_view tag;
    if (para.find('\n') == std::string_view::npos) {
      if (para.substr(0, 3) == "## ") tag = "h2", para.remove_prefix(3);
      else if (para.substr(0, 4) == "### ") tag = "h3", para.remove_prefix(4);
    }
    if (!tag.empty()) {
      out += '<';
      out += tag;
      out += '>';
      html::AppendEscaped(out, para);
      out += "</";
      out += tag;
      out += ">\n";
      return;
    }
    // The comments' BBCode; a paragraph holding a block ([quote], [center],
    // [spoiler]) is a <div>, which may hold one, not a <p>.
    std::string inner = bbcode::ToHtml(para, {});
    bool block = inner.find("<div") != std::string::npos ||
                 inner.find("<blockquote") != std::string::npos ||
                 inner.find("<details") != std::string::npos;
    out += block ? "<div class=\"para\">" : "<p>";
    out += inner;
    out += block ? "</div>\n" : "</p>\n";
  });
}

std::string RenderArticlePage(const SiteInfo& site, const ArticlePageView& v) {
  const site::Article& a = *v.article;
  std::string out;
  out.reserve(a.body.size() + 24 * 1024);
  auto path_of = [&a](int64_t p) { return site::CommentsPagePath(a, p); };
  std::string canonical = path_of(v.page);
  std::string prev = v.page > 1 ? path_of(v.page - 1) : std::string();
  std::string next = v.page < v.pages ? path_of(v.page + 1) : std::string();
  std::string feed = fmt::format("/news/{}-{}/comments.rss", a.id, a.slug);
  std::string feed_title = "Comments: " + a.title;
  std::string title = v.page > 1 ? fmt::format("{} (comments, page {})", a.title, v.page) : a.title;
  OpenPage(out, site,
           {title, a.lead, canonical, prev, next, feed, feed_title, v.font_step});

  out += "<article class=\"article\">\n<h1 class=\"article-title\">";
  html::AppendEscaped(out, a.title);
  out += "</h1>\n<p class=\"article-meta\"><time datetime=\"";
  out += timefmt::Iso8601(a.published_at);
  out += "\">";
  out += timefmt::CommentDate(a.published_at);  // one date format on the page: the comments'
  out += "</time>";
  if (!a.byline.empty()) {
    out += " \u00b7 <span class=\"byline\">By ";
    html::AppendEscaped(out, a.byline);
    out += "</span>";
  }
  AppendCategoryLink(out, a.category);
  out += "</p>\n";
  AppendFontControl(out, a);
  out += "<div class=\"article-body\">\n";
  AppendArticleBody(out, a.body, v.images);
  out += "</div>\n";
  if (!a.source.empty()) {
    out += "<p class=\"article-source\">";
    html::AppendEscaped(out, a.source);
    out += "</p>\n";
  }
  out += "</article>\n<section class=\"comments\" id=\"comments\">\n<h2 class=\"comments-count\">"
         "Comments: ";
  AppendInt(out, a.comment_count);
  out += "</h2>\n";
  if (a.comments_open && a.comment_count > 0) {
    // After a page of comments the form is far below: a way straight to it.
    out += "<p class=\"to-form\"><a href=\"#add-comment\">Write a comment</a></p>\n";
  }
  if (v.comments && !v.comments->empty()) {
    out += "<ol class=\"comment-list\">\n";
    for (const auto& c : *v.comments) AppendComment(out, c, v.signed_in);
    out += "</ol>\n";
  } else if (a.comment_count == 0) {
    out += "<p class=\"no-comments\">No comments yet. Be the first to comment.</p>\n";
  }
  AppendPagination(out, v.page, v.pages, path_of, "Comment pages");
  out += "</section>\n";
  AppendForm(out, site, v);
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
