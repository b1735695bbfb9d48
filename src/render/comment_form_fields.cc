#include "render/comment_form_fields.h"

namespace tribune::render {

std::string CommentFormFields(const FormFields& f) {
  std::string html;
  html.reserve(640);
  html += "<input type=\"hidden\" name=\"t\" value=\"";
  html += f.token;
  html += "\"><input type=\"hidden\" name=\"pow\" value=\"\" data-pow-bits=\"";
  html += std::to_string(f.pow_bits);
  html += "\" data-pow-solutions=\"";
  html += std::to_string(f.pow_solutions);
  html += "\">\n<p class=\"hp\" aria-hidden=\"true\"><label>Leave this empty: <input name=\"";
  html += f.honeypot_name;
  html += "\" tabindex=\"-1\" autocomplete=\"off\"></label></p>\n"
          "<p class=\"field challenge-field\"><label for=\"cf-code\">Code:*</label> "
          "<span class=\"challenge\">Type the digits ";
  html += f.code;
  html += "</span> <input id=\"cf-code\" name=\"code\" inputmode=\"numeric\" "
          "autocomplete=\"off\" maxlength=\"8\"></p>\n";
  return html;
}

std::string DeferredFormFields(std::string_view url) {
  std::string html = "<div class=\"form-fields\" data-fields-url=\"";
  html += url;  // a path of the site's own: no character in it needs escaping
  html += "\"><p class=\"field challenge-note\">After you send, you may be asked to type "
          "a short code.</p></div>\n";
  return html;
}

}  // namespace tribune::render
