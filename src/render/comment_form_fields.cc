#include "render/comment_form_fields.h"

#include "core/html.h"

namespace tribune::render {
namespace {

void Text(std::string& html, const i18n::Language* lang, const std::string& id) {
  html::AppendEscaped(html, lang ? lang->T(id) : id);
}

}  // namespace

std::string CommentFormFields(const FormFields& f) {
  std::string html;
  html.reserve(640);
  html += "<input type=\"hidden\" name=\"t\" value=\"";
  html += f.token;
  html += "\"><input type=\"hidden\" name=\"pow\" value=\"\" data-pow-bits=\"";
  html += std::to_string(f.pow_bits);
  html += "\" data-pow-solutions=\"";
  html += std::to_string(f.pow_solutions);
  html += "\">\n<p class=\"hp\" aria-hidden=\"true\"><label>";
  Text(html, f.lang, "Leave this empty:");
  html += " <input name=\"";
  html += f.honeypot_name;
  html += "\" tabindex=\"-1\" autocomplete=\"off\"></label></p>\n"
          "<p class=\"field challenge-field\"><label for=\"cf-code\">";
  Text(html, f.lang, "Code:*");
  html += "</label> <span class=\"challenge\">";
  Text(html, f.lang, "Type the digits");
  html += ' ';
  html += f.code;
  html += "</span> <input id=\"cf-code\" name=\"code\" inputmode=\"numeric\" "
          "autocomplete=\"off\" maxlength=\"8\"></p>\n";
  return html;
}

std::string DeferredFormFields(std::string_view url, const i18n::Language* lang) {
  std::string html = "<div class=\"form-fields\" data-fields-url=\"";
  html += url;  // a path of the site's own: no character in it needs escaping
  html += "\"><p class=\"field challenge-note\">";
  Text(html, lang, "After you send, you may be asked to type a short code.");
  html += "</p></div>\n";
  return html;
}

}  // namespace tribune::render
