#include "render/misc_pages.h"

#include "core/html.h"
#include "site/report.h"

namespace tribune::render {

std::string RenderLeavingPage(const SiteInfo& site, const std::string& target) {
  std::string out;
  OpenPage(out, site, {site.T("You are leaving this site"), "", "", "", "", "", "", 0});
  out += "<section class=\"interstitial\">\n<h1>";
  html::AppendEscaped(out, site.F("You are leaving {site}", {}, {{"site", site.name}}));
  out += "</h1>\n<p>";
  html::AppendEscaped(out, site.T("A reader's comment links to another site. We do not check or endorse it:"));
  out += "</p>\n<p class=\"target\"><code>";
  html::AppendEscaped(out, target);
  out += "</code></p>\n<p><a class=\"continue\" rel=\"ugc nofollow noopener noreferrer\" href=\"";
  html::AppendEscaped(out, target);
  out += "\">";
  html::AppendEscaped(out, site.T("Continue to the site"));
  out += "</a> \u00b7 <a href=\"/\">";
  html::AppendEscaped(out, site.T("Back to the front page"));
  out += "</a></p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderErrorPage(const SiteInfo& site, int status, const std::string& title,
                            const std::string& message, const std::string& kept_text) {
  std::string out;
  OpenPage(out, site, {site.T(title), "", "", "", "", "", "", 0});
  out += "<section class=\"error-page\">\n<h1>";
  html::AppendEscaped(out, site.T(title));
  out += "</h1>\n<p>";
  html::AppendEscaped(out, site.T(message));
  out += "</p>\n";
  if (!kept_text.empty()) {
    out += "<p><textarea readonly rows=\"8\" aria-label=\"";
    html::AppendEscaped(out, site.T("Your text"));
    out += "\">";
    html::AppendEscaped(out, kept_text);
    out += "</textarea></p>\n";
  }
  out += "<p class=\"status\">HTTP ";
  AppendInt(out, status);
  out += "</p>\n<p><a href=\"/\">";
  html::AppendEscaped(out, site.T("Front page"));
  out += "</a></p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderReportPage(const SiteInfo& site, const ReportPageView& v) {
  std::string out;
  std::string id = std::to_string(v.comment_id);
  auto t = [&](const std::string& id) { html::AppendEscaped(out, site.T(id)); };
  OpenPage(out, site, {site.T("Report a comment"), "", "", "", "", "", "", 0});
  out += "<section class=\"report-page\">\n<h1>";
  t("Report a comment");
  out += "</h1>\n";
  if (v.thanks) {
    out += "<p class=\"notice notice-ok\" role=\"status\">";
    t("Thank you: a moderator will look at it.");
    out += "</p>\n<p><a href=\"";
    html::AppendEscaped(out, v.article_path);
    out += "\">";
    t("Back to the article");
    out += "</a></p>\n</section>\n";
    ClosePage(out, site);
    return out;
  }
  out += "<blockquote class=\"reported\"><p><strong>";
  html::AppendEscaped(out, v.author);
  out += "</strong></p><p>";
  html::AppendEscaped(out, v.text.substr(0, 600));
  out += "</p></blockquote>\n";
  if (!v.error.empty()) {
    out += "<p class=\"notice notice-error\" role=\"alert\">";
    html::AppendEscaped(out, site.T(v.error));
    out += "</p>\n";
  }
  out += "<form method=\"post\" action=\"/comments/" + id +
         "/report\">\n<fieldset><legend>";
  t("Why should a moderator look at it?");
  out += "</legend>\n";
  static const std::string kLabels[] = {
      "Spam or advertising",  // i18n
      "Abuse or hate",  // i18n
      "Off-topic",  // i18n
      "Something else",  // i18n
  };
  for (size_t i = 0; i < site::kReportReasons.size(); ++i) {
    std::string value(site::kReportReasons[i]);
    out += "<p><input type=\"radio\" name=\"reason\" id=\"rr-" + value + "\" value=\"" + value +
           "\"" + (v.reason == value ? " checked" : "") + "> <label for=\"rr-" + value + "\">" +
           html::Escape(site.T(kLabels[i])) + "</label></p>\n";
  }
  out += "</fieldset>\n<p class=\"field\"><label for=\"rr-details\">";
  t("Details (optional)");
  out += "</label> <textarea id=\"rr-details\" name=\"details\" rows=\"3\" maxlength=\"500\">";
  html::AppendEscaped(out, v.details);
  out += "</textarea></p>\n<p><button type=\"submit\">";
  t("Send the report");
  out += "</button> <a href=\"";
  html::AppendEscaped(out, v.article_path);
  out += "\">";
  t("Back to the article");
  out += "</a></p>\n</form>\n</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
