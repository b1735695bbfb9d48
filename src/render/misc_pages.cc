#include "render/misc_pages.h"

#include "core/html.h"

namespace tribune::render {

std::string RenderLeavingPage(const SiteInfo& site, const std::string& target) {
  std::string out;
  OpenPage(out, site, {"You are leaving this site", "", "", "", "", "", "", 0});
  out += "<section class=\"interstitial\">\n<h1>You are leaving ";
  html::AppendEscaped(out, site.name);
  out += "</h1>\n<p>A reader's comment links to another site. We do not check or endorse it:</p>\n"
         "<p class=\"target\"><code>";
  html::AppendEscaped(out, target);
  out += "</code></p>\n<p><a class=\"continue\" rel=\"ugc nofollow noopener noreferrer\" href=\"";
  html::AppendEscaped(out, target);
  out += "\">Continue to the site</a> \u00b7 <a href=\"/\">Back to the front page</a></p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderErrorPage(const SiteInfo& site, int status, const std::string& title,
                            const std::string& message, const std::string& kept_text) {
  std::string out;
  OpenPage(out, site, {title, "", "", "", "", "", "", 0});
  out += "<section class=\"error-page\">\n<h1>";
  html::AppendEscaped(out, title);
  out += "</h1>\n<p>";
  html::AppendEscaped(out, message);
  out += "</p>\n";
  if (!kept_text.empty()) {
    out += "<p><textarea readonly rows=\"8\" aria-label=\"Your text\">";
    html::AppendEscaped(out, kept_text);
    out += "</textarea></p>\n";
  }
  out += "<p class=\"status\">HTTP ";
  AppendInt(out, status);
  out += "</p>\n<p><a href=\"/\">Front page</a></p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
