#include "render/article_page.h"

#include <fmt/format.h>

#include "bbcode/bbcode.h"
#include "core/html.h"
#include "render/newsroom_images.h"
#include "core/time_format.h"
#include "render/pagination_nav.h"

namespace tribune::render {
namespace {

// Where a link to comment `id` goes: its anchor when this page shows it,
// else its own address (which finds its page).
std::string CommentHref(int64_t id, const std::vector<site::Comment>& shown) {
  for (const site::Comment& c : shown) {
    if (c.id == id) return "#c" + std::to_string(id);
  }
  return "/comments/" + std::to_string(id);
}

void AppendComment(std::string& out, const SiteInfo& site, const site::Comment& c,
                   const ArticlePageView& v) {
  const std::vector<site::Comment>& shown = *v.comments;
  out += "<li class=\"comment\" id=\"c";
  AppendInt(out, c.id);
  out += "\"><div class=\"comment-head\"><a class=\"comment-number\" href=\"#c";
  AppendInt(out, c.id);
  out += "\">#";
  AppendInt(out, c.number);
  out += "</a> <span class=\"comment-author\">";
  html::AppendEscaped(out, c.author);
  out += "</span>";
  if (c.reader_id != 0) {
    out += " <span class=\"member-badge\" title=\"";
    html::AppendEscaped(out, site.T("A registered reader"));
    out += "\">\u2713</span>";
  }
  if (c.reply_to != 0) {
    out += " <a class=\"in-reply-to\" href=\"";
    out += CommentHref(c.reply_to, shown);
    out += "\">";
    html::AppendEscaped(out, site.T("in reply to"));
    out += " #";
    AppendInt(out, c.reply_to_number);
    out += "</a>";
  }
  out += "</div>\n<div class=\"comment-body\">";
  out += v.signed_in ? c.body_html_member : c.body_html;  // rendered safely at write time
  out += "</div>\n";
  if (v.replies) {
    bool first = true;
    for (const site::ReplyLink& r : *v.replies) {
      if (r.to != c.id) continue;
      if (first) {
        out += "<p class=\"replies\">";
        html::AppendEscaped(out, site.T("Replies:"));
        out += ' ';
      } else {
        out += ", ";
      }
      first = false;
      out += "<a href=\"";
      out += CommentHref(r.id, shown);
      out += "\">#";
      AppendInt(out, r.number);
      out += "</a>";
    }
    if (!first) out += "</p>\n";
  }
  out += "<time class=\"comment-date\" datetime=\"";
  out += timefmt::Iso8601(c.created_at);
  out += "\">";
  out += site.Date(c.created_at);
  out += "</time>";
  if (c.edited_at != 0) {
    out += " <span class=\"comment-edited\" title=\"";
    out += site.Date(c.edited_at);
    out += "\">(";
    html::AppendEscaped(out, site.T("edited"));
    out += ")</span>";
  }
  if (v.article->comments_open) {
    out += " <a class=\"reply-link\" rel=\"nofollow\" href=\"";
    html::AppendEscaped(out, site::ArticlePath(*v.article));
    out += "?reply=";
    AppendInt(out, c.id);
    out += "#add-comment\" data-reply=\"";
    AppendInt(out, c.id);
    out += "\" data-number=\"";
    AppendInt(out, c.number);
    out += "\">";
    html::AppendEscaped(out, site.T("Reply"));
    out += "</a>";
  }
  out += " <a class=\"report-link\" rel=\"nofollow\" href=\"/comments/";
  AppendInt(out, c.id);
  out += "/report\">";
  html::AppendEscaped(out, site.T("Report"));
  out += "</a></li>\n";
}

void AppendFontControl(std::string& out, const SiteInfo& site, const site::Article& a) {
  std::string back = html::UrlEncode(site::ArticlePath(a));
  out += "<p class=\"font-size\">";
  html::AppendEscaped(out, site.T("Font size:"));
  out += " <a href=\"/prefs/font?step=up&amp;back=";
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
  auto t = [&](const std::string& id) { html::AppendEscaped(out, site.T(id)); };
  out += "<section class=\"add-comment\" id=\"add-comment\">\n<h2>";
  html::AppendEscaped(out, site.T("Add Comments"));
  out += "</h2>\n";
  if (!v.notice.empty()) {
    out += "<div class=\"notice notice-ok\" role=\"status\">";
    html::AppendEscaped(out, v.notice);
    if (!v.notice_edit_href.empty()) {
      out += " <a class=\"edit-link\" href=\"";
      html::AppendEscaped(out, v.notice_edit_href);
      out += "\">";
      html::AppendEscaped(out, site.T("Edit it"));
      out += "</a>";
    }
    out += "</div>\n";
  }
  AppendFormErrors(out, v.errors, &site);
  if (!a.comments_open) {
    out += "<p class=\"notice notice-closed\">";
    html::AppendEscaped(out, site.T("Comments are closed for this article."));
    out += "</p>\n";
    if (v.form && !v.form->body.empty()) {
      // Refused because comments closed meanwhile: the reader keeps the text.
      out += "<p class=\"field\"><label for=\"cf-kept\">";
      t("Your text, to keep");
      out += "</label><br><textarea id=\"cf-kept\" rows=\"6\" readonly>";
      html::AppendEscaped(out, v.form->body);
      out += "</textarea></p>\n";
    }
    out += "</section>\n";
    return;
  }
  out += "<form id=\"comment-form\" class=\"comment-form\" method=\"post\" action=\"";
  html::AppendEscaped(out, site::CommentsPostPath(a));
  out += "\" accept-charset=\"utf-8\">\n";
  int64_t reply_to = v.form && v.form->reply_to ? v.form->reply_to : v.reply_to;
  out += "<input type=\"hidden\" name=\"reply_to\" id=\"cf-reply-to\" value=\"";
  if (reply_to) AppendInt(out, reply_to);
  out += "\">\n<p class=\"replying\" id=\"cf-replying\"";
  if (!reply_to) out += " hidden";
  out += ">";
  t("Replying to");
  out += " <a id=\"cf-replying-link\" href=\"";
  if (reply_to) out += "/comments/" + std::to_string(reply_to);
  out += "\">#<span id=\"cf-replying-number\">";
  if (v.reply_to_number) AppendInt(out, v.reply_to_number);
  out += "</span></a>. <a class=\"cancel-reply\" href=\"";
  html::AppendEscaped(out, site::ArticlePath(a));
  out += "#add-comment\">";
  t("Write a new comment instead");
  out += "</a></p>\n";
  if (v.reader) {
    out += "<p class=\"signed-in-as\">";
    t("Commenting as");
    out += " <strong>";
    html::AppendEscaped(out, v.reader->name);
    out += "</strong> \u00b7 <a href=\"/account\">";
    t("Your account");
    out += "</a></p>\n";
  } else {
    out += "<p class=\"sign-in-offer\">";
    t("Have an account?");
    out += " <a rel=\"nofollow\" href=\"/account/sign-in?back=";
    out += html::UrlEncode(site::ArticlePath(a) + "#add-comment");
    out += "\">";
    t("Sign in");
    out += "</a> \u2014 ";
    t("or comment as a guest.");
    out += "</p>\n<p class=\"field\"><label for=\"cf-name\">";
    t("Name:*");
    out += "</label> <input id=\"cf-name\" name=\"name\" required maxlength=\"60\" "
           "autocomplete=\"name\" value=\"";
    AppendField(out, v.form, &site::CommentForm::name);
    out += "\"></p>\n<p class=\"field\"><label for=\"cf-email\">";
    t("E-Mail:");
    out += "</label> <input id=\"cf-email\" name=\"email\" type=\"email\" autocomplete=\"email\" "
           "value=\"";
    AppendField(out, v.form, &site::CommentForm::email);
    out += "\"></p>\n";
  }
  AppendEditorHost(out, site, "cf-body");
  out += "<p class=\"policy\">";
  t(site.policy_note);
  out += "</p>\n<p class=\"field\"><textarea id=\"cf-body\" name=\"body\" rows=\"8\" required "
         "maxlength=\"";
  AppendInt(out, v.body_max);
  out += "\" aria-label=\"";
  t("Comment");
  out += "\">";
  AppendField(out, v.form, &site::CommentForm::body);
  out += "</textarea></p>\n<fieldset class=\"follow\"><legend>";
  t(v.reader ? "E-mail me"  // i18n
             : "E-mail me (needs your e-mail address)");  // i18n
  out += "</legend>\n<p><input type=\"checkbox\" id=\"cf-notify-replies\" name=\"notify_replies\" "
         "value=\"1\"";
  if (v.form && v.form->notify_replies) out += " checked";
  out += "> <label for=\"cf-notify-replies\">";
  t("when someone replies to me");
  out += "</label></p>\n<p><input type=\"checkbox\" id=\"cf-notify-thread\" name=\"notify_thread\" "
         "value=\"1\"";
  if (v.form && v.form->notify_thread) out += " checked";
  out += "> <label for=\"cf-notify-thread\">";
  t("every new comment on this article");
  out += "</label></p>\n</fieldset>\n";
  out += v.form_fields;
  out += "<p><button type=\"submit\" class=\"submit\">";
  t("Send");
  out += "</button></p>\n</form>\n</section>\n";
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
  std::string feed_title = site.F("Comments: {title}", {}, {{"title", a.title}});
  std::string title = v.page > 1 ? site.F("{title} (comments, page {page})", {{"page", v.page}},
                                          {{"title", a.title}})
                                 : a.title;
  OpenPage(out, site,
           {title, a.lead, canonical, prev, next, feed, feed_title, v.font_step});

  out += "<article class=\"article\">\n<h1 class=\"article-title\">";
  html::AppendEscaped(out, a.title);
  out += "</h1>\n<p class=\"article-meta\"><time datetime=\"";
  out += timefmt::Iso8601(a.published_at);
  out += "\">";
  out += site.Date(a.published_at);  // one date format on the page: the comments'
  out += "</time>";
  if (!a.byline.empty()) {
    out += " \u00b7 <span class=\"byline\">";
    html::AppendEscaped(out, site.F("By {name}", {}, {{"name", a.byline}}));
    out += "</span>";
  }
  AppendCategoryLink(out, a.category);
  out += "</p>\n";
  AppendFontControl(out, site, a);
  out += "<div class=\"article-body\">\n";
  AppendArticleBody(out, a.body, v.images);
  out += "</div>\n";
  if (!a.source.empty()) {
    out += "<p class=\"article-source\">";
    html::AppendEscaped(out, a.source);
    out += "</p>\n";
  }
  out += "</article>\n<section class=\"comments\" id=\"comments\">\n<h2 class=\"comments-count\">";
  html::AppendEscaped(out, site.T("Comments:"));
  out += ' ';
  AppendInt(out, a.comment_count);
  out += "</h2>\n";
  if (a.comments_open && a.comment_count > 0) {
    // After a page of comments the form is far below: a way straight to it.
    out += "<p class=\"to-form\"><a href=\"#add-comment\">";
    html::AppendEscaped(out, site.T("Write a comment"));
    out += "</a></p>\n";
  }
  if (v.comments && !v.comments->empty()) {
    out += "<ol class=\"comment-list\">\n";
    for (const auto& c : *v.comments) AppendComment(out, site, c, v);
    out += "</ol>\n";
  } else if (a.comment_count == 0) {
    out += "<p class=\"no-comments\">";
    html::AppendEscaped(out, site.T("No comments yet. Be the first to comment."));
    out += "</p>\n";
  }
  AppendPagination(out, v.page, v.pages, path_of, site.T("Comment pages"), &site);
  out += "</section>\n";
  AppendForm(out, site, v);
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
