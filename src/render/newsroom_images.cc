#include "render/newsroom_images.h"

#include <fmt/format.h>

#include "core/html.h"
#include "render/newsroom_frame.h"

namespace tribune::render {

void AppendFigure(std::string& out, const site::Image& image) {
  if (image.widths.empty()) return;
  int widest = image.widths.back();
  out += "<figure class=\"article-image\"><img src=\"";
  out += site::ImagePath(image.id, image.widths.size() > 1 ? image.widths[1] : widest);
  out += "\" srcset=\"";
  for (size_t i = 0; i < image.widths.size(); ++i) {
    out += fmt::format("{}{} {}w", i ? ", " : "", site::ImagePath(image.id, image.widths[i]),
                       image.widths[i]);
  }
  out += fmt::format(
      "\" sizes=\"(max-width: 760px) 100vw, 720px\" width=\"{}\" height=\"{}\" "
      "loading=\"lazy\" decoding=\"async\" alt=\"",
      image.width, image.height);
  html::AppendEscaped(out, image.alt);
  out += "\"></figure>\n";
}

std::string RenderImagesPage(const SiteInfo& site, const ImagesView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Images"), "images", v.staff_name, v.role, v.form_token,
                "/newsroom/images");
  AppendMessage(out, site, "notice-ok", v.notice);
  AppendMessage(out, site, "notice-error", v.error);
  out +=
      "<form class=\"image-upload\" method=\"post\" action=\"/newsroom/images\" "
      "enctype=\"multipart/form-data\">\n<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n<p class=\"field\"><label for=\"im-file\">" + Tx(site, "Image") +
         "</label> <span class=\"hint\" id=\"im-file-hint\">" +
         Tx(site, "JPEG, PNG, WebP or GIF, up to 10 MiB; its metadata (camera, place) is removed") +
         "</span><br><input type=\"file\" id=\"im-file\" name=\"file\" "
         "accept=\"image/jpeg,image/png,image/webp,image/gif\" required "
         "aria-describedby=\"im-file-hint\"></p>\n"
         "<p class=\"field\"><label for=\"im-alt\">" +
         Tx(site, "Alt text") + "</label> <span class=\"hint\" id=\"im-alt-hint\">" +
         Tx(site, "what it shows, for readers who cannot see it") +
         "</span><br><input id=\"im-alt\" name=\"alt\" required maxlength=\"500\" "
         "aria-describedby=\"im-alt-hint\" value=\"";
  html::AppendEscaped(out, v.alt);
  out += "\"></p>\n<p class=\"actions\"><button type=\"submit\">" + Tx(site, "Upload") +
         "</button></p>\n</form>\n";
  if (v.images.empty()) {
    out += "<p class=\"empty\">" + Tx(site, "No images yet.") + "</p>\n";
  } else {
    out += "<table class=\"image-list\">\n<thead><tr>";
    for (const char* head :
         {"Image", "Alt text", "Size", "In an article, a line of its own"}) {  // i18n-all
      out += "<th scope=\"col\">" + Tx(site, head) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const site::Image& i : v.images) {
      out += "<tr><td><img src=\"";
      out += site::ImagePath(i.id, i.widths.empty() ? 0 : i.widths.front());
      out += "\" width=\"120\" alt=\"\"></td><td>";
      html::AppendEscaped(out, i.alt);
      out += fmt::format("</td><td>{}\u00d7{}</td><td><code>[img={}]</code></td></tr>\n", i.width,
                         i.height, i.id);
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
