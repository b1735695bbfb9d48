// The per-request fields of a comment form: the signed form token, the
// proof-of-work parameters the page's script reads, the honeypot readers
// never see, and the code for readers without JavaScript.
#pragma once

#include <string>
#include <string_view>

#include "i18n/i18n.h"

namespace tribune::render {

struct FormFields {
  std::string_view token;
  int pow_bits = 0;
  int pow_solutions = 0;
  std::string_view honeypot_name;
  std::string_view code;
  // The labels, in the reader's language (null: English).
  const i18n::Language* lang = nullptr;
};

// Appended, not formatted: this runs for every page served with a form.
std::string CommentFormFields(const FormFields& f);

// In a page every reader gets alike: where the form's script fetches the
// fields when the reader starts to write (`url`: an HTML fragment of
// CommentFormFields). Without the script, the first submit comes back with
// them, for the reader to confirm with the code.
std::string DeferredFormFields(std::string_view url, const i18n::Language* lang = nullptr);

}  // namespace tribune::render
