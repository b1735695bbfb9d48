#include "render/pagination_nav.h"

#include "core/html.h"
#include "render/layout.h"
#include "site/pagination.h"

namespace tribune::render {
namespace {
void Link(std::string& out, const std::string& href, std::string_view text, const char* rel) {
  out += "<a href=\"";
  html::AppendEscaped(out, href);
  out += '"';
  if (rel) {
    out += " rel=\"";
    out += rel;
    out += '"';
  }
  out += '>';
  html::AppendEscaped(out, text);
  out += "</a> ";
}
}  // namespace

void AppendPagination(std::string& out, int64_t current, int64_t total,
                      const std::function<std::string(int64_t)>& path_of, std::string_view label,
                      const SiteInfo* site) {
  if (total <= 1) return;
  out += "<nav class=\"pagination\" aria-label=\"";
  html::AppendEscaped(out, label);
  out += "\">";
  static const std::string kBack = "Back";  // i18n
  static const std::string kNext = "Next";  // i18n
  if (current > 1) Link(out, path_of(current - 1), site ? site->T(kBack) : kBack, "prev");
  for (int64_t p : site::PageLinks(current, total)) {
    if (p == 0) {
      out += "<span class=\"gap\">\u2026</span> ";
    } else if (p == current) {
      out += "<span class=\"current\" aria-current=\"page\">";
      AppendInt(out, p);
      out += "</span> ";
    } else {
      std::string n;
      AppendInt(n, p);
      Link(out, path_of(p), n, nullptr);
    }
  }
  if (current < total) Link(out, path_of(current + 1), site ? site->T(kNext) : kNext, "next");
  out += "</nav>\n";
}

}  // namespace tribune::render
