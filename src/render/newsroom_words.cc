#include "render/newsroom_words.h"

#include <fmt/format.h>

#include "core/html.h"
#include "render/newsroom_frame.h"

namespace tribune::render {
namespace {

void AppendList(std::string& out, const SiteInfo& site, const char* name, const char* label,
                const char* hint, const std::string& value) {
  out += fmt::format(
      "<p class=\"field\"><label for=\"wl-{0}\">{1}</label> <span class=\"hint\" "
      "id=\"wl-{0}-hint\">{2}</span><br><textarea id=\"wl-{0}\" name=\"{0}\" "
      "rows=\"12\" aria-describedby=\"wl-{0}-hint wl-syntax\">",
      name, Tx(site, label), Tx(site, hint));
  html::AppendEscaped(out, value);
  out += "</textarea></p>\n";
}

}  // namespace

std::string RenderWordListsPage(const SiteInfo& site, const WordListsView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Word lists"), "word-lists", v.staff_name, v.role, v.form_token,
                "/newsroom/words");
  AppendMessage(out, site, "notice-ok", v.notice);
  AppendFormErrors(out, &v.errors, &site);
  out += "<p id=\"wl-syntax\">" +
         site.F(
             "One entry a line: a word or phrase (any case, matched as whole words in the name "
             "and the text), or <code>/a regular expression/</code> (RE2). Lines starting with "
             "<code>#</code> are notes. Each list is checked before it is saved. In force now: "
             "{n} entries.",
             {{"n", static_cast<int64_t>(v.entries)}}) +
         "</p>\n";
  out +=
      "<form class=\"word-lists\" method=\"post\" action=\"/newsroom/words\">\n"
      "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n";
  AppendList(out, site, "hold", "Hold list", "a match waits for a moderator", v.hold);  // i18n
  AppendList(out, site, "reject", "Reject list",
             "a match is stored as spam; its sender is not told", v.reject);  // i18n
  out += "<p class=\"actions\"><button type=\"submit\">" + Tx(site, "Check and save") +
         "</button></p>\n</form>\n"
         "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
