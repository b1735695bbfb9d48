#include "web/comment_service.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/html.h"
#include "core/utf8.h"
#include "spam/verdict.h"
#include "web/reputation.h"
#include "web/spam_policy.h"

namespace tribune::web {
namespace {

constexpr int kMaxExtraBits = 6;
constexpr int kWaveBits = 2;           // extra work for new commenters during a spam wave
constexpr int kMaxEdits = 10;          // edits of one comment
constexpr int64_t kEditGraceS = 60;    // a form opened in the window may be sent this much
                                       // later (at most the window itself)
constexpr double kWaveThreshold = 20;  // spam verdicts in about a minute: a wave

site::CommentStatus StatusFor(spam::Action a) {
  switch (a) {
    case spam::Action::kPublish: return site::CommentStatus::kPublished;
    case spam::Action::kHold: return site::CommentStatus::kHeld;
    case spam::Action::kSpam: return site::CommentStatus::kSpam;
    case spam::Action::kDiscard: return site::CommentStatus::kDeleted;
  }
  return site::CommentStatus::kHeld;
}

// A form's per-request fields. Appended, not formatted: this runs for every
// page served with a form.
std::string FormFieldsMarkup(const IssuedForm& f, const std::string& honeypot_name) {
  std::string html;
  html.reserve(640);
  html += "<input type=\"hidden\" name=\"t\" value=\"";
  html += f.token;
  html += "\"><input type=\"hidden\" name=\"pow\" value=\"\" data-pow-bits=\"";
  html += std::to_string(f.pow_bits);
  html += "\" data-pow-solutions=\"";
  html += std::to_string(f.pow_solutions);
  html += "\">\n<p class=\"hp\" aria-hidden=\"true\"><label>Leave this empty: <input name=\"";
  html += honeypot_name;
  html += "\" tabindex=\"-1\" autocomplete=\"off\"></label></p>\n"
          "<p class=\"field challenge-field\"><label for=\"cf-code\">Code:*</label> "
          "<span class=\"challenge\">Type the digits ";
  html += f.code;
  html += "</span> <input id=\"cf-code\" name=\"code\" inputmode=\"numeric\" "
          "autocomplete=\"off\" maxlength=\"8\"></p>\n";
  return html;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string LeechHref(const Signer& signer, std::string_view target) {
  return fmt::format("/go?u={}&s={}", html::UrlEncode(target), signer.Sign(target));
}

CommentService::CommentService(const Config& config, store::Store& store,
                               store::CommentWriter& writer, const Signer& signer,
                               std::shared_ptr<const spam::Engine> engine)
    : config_(config),
      policy_(EngineOptionsFor(config)),
      symbols_(SymbolsFor(config).ok() ? *SymbolsFor(config) : spam::SymbolTable::Defaults()),
      store_(store),
      writer_(writer),
      signer_(signer),
      engine_(std::move(engine)),
      guard_(signer,
             {config.comments.min_seconds, config.comments.token_max_age_s,
              config.comments.pow_bits, config.comments.pow_solutions},
             &store),
      pass_(signer) {}

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
                                           int64_t now_ms, std::string_view known) {
  if (!challenge_enabled()) return {};
  return FormFieldsMarkup(Issue(article_id, ip, now, now_ms, known, /*honeypot=*/true),
                          guard_.honeypot_name());
}

std::string CommentService::LimitExceeded(const site::CommentForm& form, const std::string& ip,
                                          int64_t article, int64_t now_ms) {
  const LimitsConfig& l = config_.limits;
  std::string prefix = FormGuard::AddressPrefix(ip);
  if (prefix_rate_.Add(prefix, now_ms) > l.per_prefix_per_minute) return "your network";
  if (!form.email.empty() && email_rate_.Add(Lower(form.email), now_ms) > l.per_email_per_minute) {
    return "this e-mail address";
  }
  if (name_rate_.Add(Lower(form.name), now_ms) > l.per_name_per_minute) return "this name";
  if (article_rate_.Add(std::to_string(article), now_ms) > l.per_article_per_minute) {
    return "this article";
  }
  return {};
}

CommentService::Reputation CommentService::ReputationOf(const std::string& email, int64_t now,
                                                       int64_t exclude) const {
  Reputation r;
  if (email.empty()) return r;
  const SpamConfig& c = config_.spam;
  int64_t since = now - int64_t{c.trust_days} * 86400;
  // Reading stops a little past where fresh approvals would reach the cap, so
  // a prolific address costs no more; older approvals count for less.
  auto enough = static_cast<int64_t>(std::ceil(c.trust_max / std::max(c.trust_per_approved, 1e-9)));
  auto list = store_.ListPublishedByEmail(email, since, 2 * std::max<int64_t>(enough, 1) + 1);
  if (!list.ok()) return r;
  std::vector<int64_t> times;
  for (const auto& p : *list) {
    if (p.comment_id != exclude) times.push_back(p.created_at);
  }
  r.published = static_cast<int64_t>(times.size());
  r.trust = TrustFrom(times, now, c);
  return r;
}

site::Screening CommentService::Screen(const site::Article& article,
                                       const site::CommentForm& form,
                                       const std::string& body_text, const PostContext& ctx,
                                       const GuardVerdict& guard, const Reputation& reputation,
                                       const std::vector<ExtraReason>& extra) const {
  spam::Verdict verdict;
  std::shared_ptr<const spam::Engine> engine, shadow;
  {
    std::lock_guard lock(engine_mu_);
    engine = engine_;
    shadow = shadow_;
  }
  spam::CommentInput in{form.name,     form.email,   body_text, form.body,
                        article.title, article.body, ctx.ip,    ctx.user_agent};
  if (engine && config_.spam.enabled) verdict = engine->Check(in);
  nlohmann::json reasons = nlohmann::json::array();
  double score = verdict.score;
  if (engine && config_.spam.enabled && reputation.published > 0) {
    // Reputation: earlier comments under this e-mail that were published.
    double trust = symbols_.Score("TRUSTED_AUTHOR") * reputation.trust;
    score += trust;
    reasons.push_back({{"symbol", "TRUSTED_AUTHOR"},
                       {"score", trust},
                       {"evidence", fmt::format("{} published comments", reputation.published)}});
  }
  if (challenge_enabled() && guard.form_skipped) {
    double s = symbols_.Score("HONEYPOT_ABSENT");
    score += s;
    reasons.push_back({{"symbol", "HONEYPOT_ABSENT"},
                       {"score", s},
                       {"evidence", "the page's form was not used: its hidden trap field was "
                                    "missing, or the form came from elsewhere"}});
  }
  for (const auto& r : extra) {
    score += r.score;
    reasons.push_back({{"symbol", r.symbol}, {"score", r.score}, {"evidence", r.evidence}});
  }
  if (challenge_enabled() && !guard.symbol.empty()) {
    // An API client with a key the operator issued is spared the typed
    // code's score (it is not a page reader without JavaScript).
    bool keyed = guard.symbol == "CODE_TYPED" && !ctx.api_key.empty();
    std::string symbol = keyed ? "API_KEY" : guard.symbol;
    double s = symbols_.Score(symbol);
    score += s;
    reasons.push_back({{"symbol", symbol},
                       {"score", s},
                       {"evidence", keyed ? "API key " + ctx.api_key : guard.message}});
  }
  if (shadow) {
    // The shadow model in the live one's place: the same request evidence,
    // trust and edit reasons on top of its own verdict, so the two compare.
    spam::Verdict v = shadow->Check(in);
    double shadow_score = v.score + (score - verdict.score);
    std::string action(spam::ActionName(spam::ActionFor(shadow_score, policy_)));
    reasons.push_back({{"symbol", "SHADOW"},
                       {"score", 0.0},
                       {"evidence", fmt::format("{} would {} ({:.2f})", v.model_version, action,
                                                shadow_score)},
                       {"action", action},
                       {"model", v.model_version},
                       {"verdict_score", shadow_score}});
  }
  for (const auto& r : verdict.reasons) {
    reasons.push_back({{"symbol", r.symbol}, {"score", r.score}, {"evidence", r.evidence}});
  }
  site::Screening out;
  out.score = score;
  out.action = std::string(spam::ActionName(spam::ActionFor(score, policy_)));
  out.reasons_json = reasons.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.model_version = verdict.model_version;
  return out;
}

void CommentService::Post(int64_t article_id, site::CommentForm form, const PostContext& ctx,
                          std::function<void(PostOutcome)> done) {
  PostOutcome out;
  auto article = store_.GetArticle(article_id);
  if (!article.ok()) {
    out.kind = article.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                          : PostOutcome::Kind::kUnavailable;
    out.message = article.status().message();
    return done(std::move(out));
  }
  out.article = *article;
  if (!out.article.comments_open) {
    out.kind = PostOutcome::Kind::kClosed;
    out.message = "Comments are closed for this article.";
    out.form = std::move(form);
    return done(std::move(out));
  }
  site::CommentLimits limits;
  limits.body_max = static_cast<size_t>(config_.comments.max_length);
  out.errors = site::ValidateCommentForm(form, limits);
  GuardVerdict guard;
  if (challenge_enabled()) {
    guard = guard_.Verify(article_id, ctx.ip, ctx.now, ctx.proof);
    if (guard.kind == GuardVerdict::Kind::kRetry) {
      out.errors.push_back({guard.symbol.rfind("CODE", 0) == 0 ? "code" : "", guard.message});
    }
  }
  Reputation reputation = ReputationOf(form.email, ctx.now);
  if (guard.kind == GuardVerdict::Kind::kPass && !guard.known.empty() &&
      (!SameCommenter(guard.known, form.email) || reputation.published == 0)) {
    // The form was spared a spam wave's extra work for a known commenter.
    out.errors.push_back({"", "This form was prepared for a known commenter with another e-mail "
                              "address; please send your comment again."});
  }
  if (!out.errors.empty()) {
    out.kind = PostOutcome::Kind::kInvalid;
    out.form = std::move(form);
    return done(std::move(out));
  }
  if (guard.kind == GuardVerdict::Kind::kReplay && guard.earlier_comment != 0) {
    // The same form sent twice (a double click, a reload): the comment it made.
    auto earlier = store_.GetComment(guard.earlier_comment);
    if (earlier.ok()) {
      out.kind = PostOutcome::Kind::kStored;
      out.stored = {*earlier, true};
      out.sent_by_author = true;  // the same single-use form: the same browser
      return done(std::move(out));
    }
  }
  std::string limited = LimitExceeded(form, ctx.ip, article_id, ctx.now_ms);
  if (!limited.empty()) {
    out.kind = PostOutcome::Kind::kLimited;
    out.message = fmt::format("Too many comments from {} just now; please wait a minute and "
                              "send yours again.", limited);
    out.form = std::move(form);
    return done(std::move(out));
  }
  // Spent only now that nothing can refuse the post: a form refused above
  // (429) can be sent again. Lost to a post that claimed it meanwhile: a replay.
  if (guard.kind == GuardVerdict::Kind::kPass && !guard_.Claim(guard.nonce, ctx.now)) {
    guard = guard_.Verify(article_id, ctx.ip, ctx.now, ctx.proof);
  }

  site::NewComment nc;
  nc.article_id = article_id;
  nc.author = form.name;
  nc.email = form.email;
  nc.body_source = form.body;
  RenderBody(form.body, nc.body_html, nc.body_html_member, nc.body_text);
  std::vector<ExtraReason> extra;
  if (guard.kind == GuardVerdict::Kind::kPass && guard.symbol == "CODE_TYPED" &&
      WavePowBits(ctx.now_ms) > 0 && reputation.published == 0) {
    // The typed code is the fallback for readers without JavaScript, and a
    // script can read it off the page: during a wave, newcomers who use it
    // wait for a moderator instead of being refused.
    extra.push_back({"CODE_DURING_WAVE", symbols_.Score("CODE_DURING_WAVE"),
                     "typed the code instead of solving the proof of work during a spam wave"});
  }
  nc.screening = Screen(out.article, form, nc.body_text, ctx, guard, reputation, extra);
  nc.status = StatusFor(spam::ActionFor(nc.screening.score, policy_));
  if (nc.status != site::CommentStatus::kPublished && nc.status != site::CommentStatus::kHeld) {
    spam_wave_.Add("site", ctx.now_ms);
  }
  nc.ip = ctx.ip;
  nc.user_agent = ctx.user_agent.substr(0, 512);
  nc.created_at = ctx.now;
  // Identical resubmissions are one comment, except from a bot: its copy of
  // someone's text is kept apart (and discarded), not answered with theirs.
  nc.dedupe_after = guard.kind == GuardVerdict::Kind::kBot
                        ? 0
                        : ctx.now - config_.comments.dedupe_window_s;
  out.form = std::move(form);
  std::string nonce = guard.kind == GuardVerdict::Kind::kPass ? guard.nonce : std::string();
  nc.form_nonce = nonce;
  nc.form_nonce_expires = ctx.now + config_.comments.token_max_age_s;
  writer_.Submit(std::move(nc), [this, nonce, now = ctx.now, out = std::move(out),
                                 done = std::move(done)](Result<site::StoredComment> r) mutable {
    if (r.ok()) {
      out.kind = PostOutcome::Kind::kStored;
      out.stored = std::move(r).value();
      out.sent_by_author = !out.stored.duplicate;
      if (!nonce.empty()) guard_.MarkUsed(nonce, out.stored.comment.id, now);
    } else {
      if (!nonce.empty()) guard_.Forget(nonce);
      out.kind = r.status().code() == Code::kNotFound ? PostOutcome::Kind::kNotFound
                                                      : PostOutcome::Kind::kUnavailable;
      out.message = r.status().message();
    }
    done(std::move(out));
  });
}

}  // namespace tribune::web

namespace tribune::web {
namespace {

size_t LinkCount(std::string_view html) {
  size_t n = 0;
  for (size_t at = html.find("<a "); at != std::string_view::npos; at = html.find("<a ", at + 3)) {
    ++n;
  }
  return n;
}

}  // namespace

std::string CommentService::EditKey(const site::Comment& c) const {
  return signer_.Sign(fmt::format("edit:{}:{}", c.id, c.created_at));
}

bool CommentService::KeyFits(const site::Comment& c, std::string_view key) const {
  return !key.empty() && signer_.Verify(fmt::format("edit:{}:{}", c.id, c.created_at), key);
}

EditOutcome::Kind CommentService::Editable(const site::Comment& c, const site::Article& a,
                                           int64_t now, std::string* why) const {
  using Kind = EditOutcome::Kind;
  if (c.status != site::CommentStatus::kPublished && c.status != site::CommentStatus::kHeld) {
    *why = "This comment was removed and can no longer be edited.";
    return Kind::kForbidden;
  }
  if (config_.comments.edit_window_s == 0 || now > EditableUntil(c)) {
    *why = fmt::format("Comments can be edited for {} minutes after they are sent; that time has "
                       "passed.",
                       config_.comments.edit_window_s / 60);
    return Kind::kForbidden;
  }
  if (!a.comments_open) {
    *why = "Comments are closed for this article.";
    return Kind::kClosed;
  }
  return Kind::kEdited;
}

int64_t CommentService::EditableUntil(const site::Comment& c) const {
  return c.created_at + config_.comments.edit_window_s;
}

EditOutcome CommentService::OpenEdit(int64_t id, std::string_view key, int64_t now) {
  using Kind = EditOutcome::Kind;
  EditOutcome out;
  auto comment = store_.GetComment(id);
  if (!comment.ok()) {
    out.kind = comment.status().code() == Code::kNotFound ? Kind::kNotFound : Kind::kUnavailable;
    out.message = comment.status().code() == Code::kNotFound ? "There is no such comment."
                                                              : comment.status().message();
    return out;
  }
  out.comment = std::move(comment).value();
  out.body = out.comment.body_source;
  // Only the author holds the key; without it, the comment's state is not told.
  if (!KeyFits(out.comment, key)) {
    out.kind = Kind::kForbidden;
    out.message = "Only the author can edit this comment, from the browser it was sent from.";
    return out;
  }
  auto article = store_.GetArticle(out.comment.article_id);
  if (!article.ok()) {
    out.kind = Kind::kUnavailable;
    out.message = article.status().message();
    return out;
  }
  out.article = std::move(article).value();
  out.kind = Editable(out.comment, out.article, now, &out.message);
  return out;
}

EditOutcome CommentService::Edit(int64_t id, std::string_view key, std::string body,
                                 const PostContext& ctx) {
  using Kind = EditOutcome::Kind;
  // A form opened just before the window closed can still be sent.
  EditOutcome out =
      OpenEdit(id, key, ctx.now - std::min<int64_t>(kEditGraceS, config_.comments.edit_window_s));
  out.body = std::move(body);
  if (out.kind != Kind::kEdited) return out;
  const site::Comment before = out.comment;
  site::CommentForm form{before.author, before.email, out.body};
  site::CommentLimits limits;
  limits.body_max = static_cast<size_t>(config_.comments.max_length);
  out.errors = site::ValidateCommentForm(form, limits);
  if (!out.errors.empty()) {
    out.kind = Kind::kInvalid;
    return out;
  }
  auto revisions = store_.ListRevisions(id);
  if (revisions.ok() && revisions->size() >= static_cast<size_t>(kMaxEdits)) {
    out.kind = Kind::kForbidden;
    out.message = fmt::format("A comment can be edited {} times at most.", kMaxEdits);
    return out;
  }
  if (prefix_rate_.Add(FormGuard::AddressPrefix(ctx.ip), ctx.now_ms) >
      config_.limits.per_prefix_per_minute) {
    out.kind = Kind::kLimited;
    out.message = "Too many comments and edits from your network just now; please wait a minute "
                  "and send it again.";
    return out;
  }

  site::CommentEdit edit;
  edit.body_source = out.body;
  RenderBody(out.body, edit.body_html, edit.body_html_member, edit.body_text);
  std::vector<ExtraReason> extra;
  extra.push_back({"EDITED", symbols_.Score("EDITED"),
                   fmt::format("edited {} s after posting; was {} ({:.2f})",
                               ctx.now - before.created_at, before.screening.action,
                               before.screening.score)});
  size_t links_before = LinkCount(before.body_html), links_after = LinkCount(edit.body_html);
  if (links_after > links_before) {
    extra.push_back({"EDIT_NEW_LINKS", symbols_.Score("EDIT_NEW_LINKS"),
                     fmt::format("{} links, {} before the edit", links_after, links_before)});
  }
  // Trust comes from the author's other comments, not from this one's publication.
  Reputation reputation = ReputationOf(before.email, ctx.now, before.id);
  GuardVerdict no_guard;  // the edit key is the proof; no new form was served
  edit.screening = Screen(out.article, form, edit.body_text, ctx, no_guard, reputation, extra);
  edit.status = StatusFor(spam::ActionFor(edit.screening.score, policy_));
  if (edit.status == site::CommentStatus::kSpam || edit.status == site::CommentStatus::kDeleted) {
    spam_wave_.Add("site", ctx.now_ms);
  }
  edit.edited_at = ctx.now;
  auto stored = store_.EditComment(id, edit);
  if (!stored.ok()) {
    out.kind = Kind::kUnavailable;
    out.message = stored.status().message();
    return out;
  }
  out.comment = std::move(stored).value();
  return out;
}

}  // namespace tribune::web
