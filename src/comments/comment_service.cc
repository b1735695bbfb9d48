#include "comments/comment_service.h"

#include <fmt/format.h>

#include <cmath>

#include "comments/comment_service_internal.h"
#include "comments/spam_policy.h"
#include "core/html.h"
#include "render/comment_form_fields.h"

namespace tribune::comments {

using internal::kMaxExtraBits;
using internal::kWaveBits;
using internal::kWaveThreshold;

std::string LeechHref(const Signer& signer, std::string_view target) {
  return fmt::format("/go?u={}&s={}", html::UrlEncode(target), signer.Sign(target));
}

CommentService::CommentService(const Config& config, CommentStores stores,
                               store::CommentWriter& writer, const Signer& signer,
                               std::shared_ptr<const spam::Engine> engine)
    : config_(config),
      policy_(EngineOptionsFor(config)),
      symbols_(SymbolsFor(config).ok() ? *SymbolsFor(config) : spam::SymbolTable::Defaults()),
      articles_(stores.articles),
      comment_store_(stores.comments),
      reports_(stores.reports),
      readers_(stores.readers),
      writer_(writer),
      signer_(signer),
      engine_(std::move(engine)),
      guard_(signer,
             {config.comments.min_seconds, config.comments.token_max_age_s,
              config.comments.pow_bits, config.comments.pow_solutions},
             &stores.spent_tokens),
      pass_(signer),
      bans_(stores.bans) {}

void CommentService::SetEngine(std::shared_ptr<const spam::Engine> engine) {
  std::lock_guard lock(engine_mu_);
  engine_ = std::move(engine);
}

std::string CommentService::engine_version() const {
  std::lock_guard lock(engine_mu_);
  return engine_ ? engine_->model_version() : std::string();
}

void CommentService::SetShadowEngine(std::shared_ptr<const spam::Engine> engine) {
  std::lock_guard lock(engine_mu_);
  shadow_ = std::move(engine);
}

bbcode::RenderOptions CommentService::RenderOptionsFor(bool signed_in) const {
  bbcode::RenderOptions o;
  o.viewer_signed_in = signed_in;
  const Signer* signer = &signer_;
  o.leech_href = [signer](std::string_view target) { return LeechHref(*signer, target); };
  return o;
}

void CommentService::RenderBody(const std::string& source, std::string& html,
                                std::string& html_member, std::string& text) const {
  bbcode::Document doc = bbcode::Parse(source);
  html = bbcode::RenderHtml(doc, RenderOptionsFor(false));
  html_member = bbcode::RenderHtml(doc, RenderOptionsFor(true));
  text = bbcode::RenderText(doc);
}

int CommentService::PrefixPowBits(const std::string& ip, int64_t now_ms) const {
  // Risky traffic: a busy address prefix costs more work.
  double recent = prefix_rate_.Peek(FormGuard::AddressPrefix(ip), now_ms);
  return static_cast<int>(std::log2(1.0 + recent));
}

int CommentService::WavePowBits(int64_t now_ms) const {
  return spam_wave_.Peek("site", now_ms) > kWaveThreshold ? kWaveBits : 0;
}

IssuedForm CommentService::IssueForm(int64_t article_id, const std::string& ip, int64_t now,
                                     int64_t now_ms, std::string_view known) {
  return Issue(article_id, ip, now, now_ms, known, /*honeypot=*/false);
}

IssuedForm CommentService::Issue(int64_t article_id, const std::string& ip, int64_t now,
                                 int64_t now_ms, std::string_view known, bool honeypot) {
  // A spam wave raises the work for everyone new, not for known good commenters;
  // their token records it, so only they can use the cheaper form.
  int wave = WavePowBits(now_ms);
  bool spare = !known.empty() && wave > 0;
  int extra = std::min(PrefixPowBits(ip, now_ms) + (spare ? 0 : wave), kMaxExtraBits);
  return guard_.Issue(article_id, ip, now, {extra, spare ? known : std::string_view(), honeypot});
}

std::string CommentService::KnownCommenter(std::string_view cookie, int64_t now) const {
  return cookie.empty() ? std::string() : pass_.Verify(cookie, now);
}

std::string CommentService::CommenterCookie(const site::Comment& c, int64_t now) const {
  if (c.status != site::CommentStatus::kPublished || c.email.empty()) return {};
  return pass_.Issue(c.email, now + int64_t{config_.spam.trust_days} * 86400);
}

bool CommentService::SameCommenter(std::string_view known, std::string_view email) const {
  return !known.empty() && pass_.Hash(email) == known;
}

std::string CommentService::FormFieldsHtml(int64_t article_id, const std::string& ip, int64_t now,
                                           int64_t now_ms, std::string_view known,
                                           const i18n::Language* lang) {
  if (!challenge_enabled()) return {};
  IssuedForm f = Issue(article_id, ip, now, now_ms, known, /*honeypot=*/true);
  return render::CommentFormFields(
      {f.token, f.pow_bits, f.pow_solutions, guard_.honeypot_name(), f.code, lang});
}

void CommentService::ShareState(shared::SharedState* shared, int nodes) {
  prefix_rate_.Share(shared, "rate:prefix:", nodes);
  email_rate_.Share(shared, "rate:email:", nodes);
  name_rate_.Share(shared, "rate:name:", nodes);
  article_rate_.Share(shared, "rate:article:", nodes);
  spam_wave_.Share(shared, "wave:", nodes);
  report_rate_.Share(shared, "rate:report:", nodes);
  guard_.Share(shared);
  shares_state_ = shared != nullptr;
}

}  // namespace tribune::comments
