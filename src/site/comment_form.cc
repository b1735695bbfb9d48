#include "site/comment_form.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace tribune::site {

bool IsPlausibleEmail(const std::string& email) {
  if (email.size() > 254) return false;
  size_t at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  std::string_view domain = std::string_view(email).substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  for (unsigned char c : email) {
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') return false;
  }
  return true;
}

std::vector<FieldError> ValidateCommentForm(CommentForm& form, const CommentLimits& limits) {
  std::vector<FieldError> errors;
  form.name = std::string(utf8::Trim(form.name));
  form.email = std::string(utf8::Trim(form.email));
  form.body = std::string(utf8::Trim(form.body));

  if (form.name.empty()) {
    errors.push_back({"name", "Please enter your name."});
  } else if (utf8::Length(form.name) > limits.name_max) {
    errors.push_back({"name", fmt::format("The name is too long: at most {} characters.",
                                          limits.name_max)});
  }
  if (!form.email.empty() && !IsPlausibleEmail(form.email)) {
    errors.push_back({"email", "This e-mail address does not look right; leave it empty or "
                               "correct it."});
  }
  size_t body_len = utf8::Length(form.body);
  if (body_len == 0) {
    errors.push_back({"body", "Please write a comment: it is empty."});
  } else if (body_len > limits.body_max) {
    errors.push_back({"body", fmt::format("The comment is too long: {} characters, at most {}.",
                                          body_len, limits.body_max)});
  }
  return errors;
}

}  // namespace tribune::site
