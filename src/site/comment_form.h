// The reader's comment submission and its validation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tribune::site {

struct CommentForm {
  std::string name, email, body, code;
  int64_t reply_to = 0;         // the comment this one answers (0: none)
  bool notify_replies = false;  // e-mail the author replies to this comment... and their others here
  bool notify_thread = false;   // e-mail the author every new comment on the article
};

struct FieldError {
  std::string field;    // "name", "email", "body", "code"
  std::string message;  // for the reader
};

struct CommentLimits {
  size_t name_max = 60;
  size_t body_max = 5000;
};

// Trims name, e-mail and body in place (Unicode white space) and checks them.
// Returns the problems found, empty when the form may be stored. Assumes the
// fields are valid UTF-8 (checked before, since invalid bytes are a 400).
std::vector<FieldError> ValidateCommentForm(CommentForm& form, const CommentLimits& limits);

// True for a plausible address: local@domain.tld, no spaces, one '@'.
bool IsPlausibleEmail(const std::string& email);

}  // namespace tribune::site
