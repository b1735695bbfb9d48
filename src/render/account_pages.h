// Readers' pages: sign-up, sign-in, the links sent by e-mail, the profile
// (their comments and what they follow), their data, unsubscribing and the
// privacy notice. Every form field keeps what the reader typed when a form
// comes back with errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/layout.h"
#include "site/comment.h"
#include "site/comment_form.h"
#include "site/reader.h"

namespace tribune::render {

// A reader's page: a heading, an optional notice (role status) and errors,
// then `body` (HTML made by the functions below). The title, notice and
// errors are shown in the site's language when its catalog has them.
struct AccountPageView {
  std::string title;
  std::string notice;
  const std::vector<site::FieldError>* errors = nullptr;
  std::string body;
};
std::string RenderAccountPage(const SiteInfo& site, const AccountPageView& v);

struct AccountFormValues {
  std::string name, email, back;
};
std::string SignUpForm(const SiteInfo& site, const AccountFormValues& v);
std::string SignInForms(const SiteInfo& site, const AccountFormValues& v);
// A page that asks for one click before a link from an e-mail acts (mail
// scanners open links; only a person presses the button).
// `explanation` and `button` are shown in the site's language.
std::string ConfirmButtonForm(const SiteInfo& site, const std::string& action,
                              const std::vector<std::pair<std::string, std::string>>& hidden,
                              const std::string& explanation, const std::string& button);

struct SubscriptionRow {
  site::Subscription subscription;
  std::string article_title, article_path;
};
struct ProfileView {
  const site::Reader* reader = nullptr;
  const std::vector<site::Comment>* comments = nullptr;
  const std::vector<SubscriptionRow>* subscriptions = nullptr;
  std::string form_token;
  bool erasure_removes = false;
  std::string anonymous_name;
};
std::string ProfileBody(const SiteInfo& site, const ProfileView& v);

// A guest's data page (reached by the link e-mailed to their address).
std::string GuestDataBody(const SiteInfo& site, const std::string& email_key,
                          const std::string& token, bool erasure_removes,
                          const std::string& anonymous_name);
std::string GuestDataRequestForm(const SiteInfo& site, const std::string& email);

struct PrivacyView {
  std::string site_name;
  int addresses_days = 0, guest_emails_days = 0, rejected_days = 0, unconfirmed_days = 0,
      outbox_days = 0, session_days = 0;
  bool erasure_removes = false;
};
std::string PrivacyBody(const SiteInfo& site, const PrivacyView& v);

}  // namespace tribune::render
