// Form bodies (application/x-www-form-urlencoded) and the comment form:
// decoded pairs survive encoding and decoding again, the comment form's
// validation leaves trimmed fields and only errors it documents, and the text
// helpers the fields pass through on their way to a page or a feed (HTML and
// XML escaping, truncation) keep their promises.
#include <string>
#include <utility>
#include <vector>

#include "core/html.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "http/request.h"
#include "site/comment_form.h"

namespace {

using tribune::fuzz::Check;
namespace html = tribune::html;
namespace utf8 = tribune::utf8;
using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string Encode(const Pairs& pairs) {
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out += '&';
    out += html::UrlEncode(k) + "=" + html::UrlEncode(v);
  }
  return out;
}

void CheckEscaping(std::string_view text) {
  std::string escaped = html::Escape(text);
  Check(escaped.find_first_of("<>\"'") == std::string::npos, "Escape leaves no markup", escaped);
  std::string xml;
  html::AppendXmlEscaped(xml, text);
  Check(utf8::IsValid(xml), "XML text is UTF-8", xml);
  for (unsigned char c : xml) {
    Check(c >= 0x20 || c == '\t' || c == '\n' || c == '\r', "XML text has no forbidden control",
          xml);
  }
  Check(xml.find("\xEF\xBF\xBE") == std::string::npos &&
            xml.find("\xEF\xBF\xBF") == std::string::npos,
        "XML text has no U+FFFE or U+FFFF", xml);
  std::string shown = html::TextAsHtml(text);
  Check(shown.find_first_of("\"'") == std::string::npos, "TextAsHtml leaves no quotes", shown);
}

void CheckCommentForm(const Pairs& pairs) {
  tribune::site::CommentForm form;
  for (const auto& [k, v] : pairs) {
    if (!utf8::IsValid(v)) return;  // the handlers answer 400
    if (k == "name") form.name = v;
    if (k == "email") form.email = v;
    if (k == "body") form.body = v;
  }
  tribune::site::CommentLimits limits{8, 40};
  auto errors = tribune::site::ValidateCommentForm(form, limits);
  for (const std::string* f : {&form.name, &form.email, &form.body}) {
    Check(utf8::Trim(*f) == *f, "validated fields are trimmed", *f);
  }
  bool name_ok = true, email_ok = true, body_ok = true;
  for (const auto& e : errors) {
    Check(e.field == "name" || e.field == "email" || e.field == "body", "known error field",
          e.field);
    name_ok = name_ok && e.field != "name";
    email_ok = email_ok && e.field != "email";
    body_ok = body_ok && e.field != "body";
  }
  if (name_ok) Check(!form.name.empty() && utf8::Length(form.name) <= 8, "an accepted name fits");
  if (body_ok) Check(!form.body.empty() && utf8::Length(form.body) <= 40, "an accepted body fits");
  if (email_ok && !form.email.empty()) {
    Check(tribune::site::IsPlausibleEmail(form.email), "an accepted e-mail is plausible");
  }
  std::string cut = utf8::Truncate(form.body, 10);
  Check(utf8::IsValid(cut) && utf8::Length(cut) <= 11, "Truncate cuts at a code point", cut);
  if (utf8::Length(form.body) <= 10) Check(cut == form.body, "Truncate keeps short text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body = tribune::fuzz::AsText(data, size);
  Pairs pairs = tribune::http::ParseForm(body);
  Check(tribune::http::ParseForm(Encode(pairs)) == pairs, "a form survives encoding", body);
  for (const auto& [k, v] : pairs) {
    Check(html::FormDecode(html::UrlEncode(v)) == v, "FormDecode undoes UrlEncode", v);
    CheckEscaping(v);
  }
  CheckEscaping(body);
  CheckCommentForm(pairs);
  return 0;
}
