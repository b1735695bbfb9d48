// Screening a comment: rate limits, reputation, and the verdict of the spam
// engine with the request-level reasons added.
#include "comments/comment_service.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "comments/comment_service_internal.h"
#include "comments/reputation.h"
#include "spam/text/urls.h"
#include "core/html.h"
#include "core/utf8.h"
#include "spam/verdict.h"

namespace tribune::comments {

using internal::Lower;

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
  auto list =
      comment_store_.ListPublishedByEmail(email, since, 2 * std::max<int64_t>(enough, 1) + 1);
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
  if (engine && config_.spam.enabled) {
    auto t0 = std::chrono::steady_clock::now();
    verdict = engine->Check(in);
    screen_seconds_.Observe(std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - t0)
                                .count());
  }
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

std::optional<ExtraReason> CommentService::BanReason(const std::string& name,
                                                     const std::string& email,
                                                     const std::string& ip,
                                                     const std::string& body_text, int64_t now,
                                                     int64_t now_ms) {
  PostIdentity post{ip, email, name, {}};
  if (bans_.AnyDomainBan(now, now_ms)) {  // the links are found again only when asked for
    for (const spam::text::Link& l : spam::text::FindLinks(body_text).links) {
      post.link_domains.push_back(l.domain);
      if (l.host != l.domain) post.link_domains.push_back(l.host);
    }
  }
  std::optional<site::Ban> ban = bans_.Match(post, now, now_ms);
  if (!ban) return std::nullopt;
  std::string evidence = fmt::format("ban {}: {} {}", ban->id, site::BanKindName(ban->kind),
                                     ban->pattern);
  if (!ban->reason.empty()) evidence += " (" + ban->reason + ")";
  return ExtraReason{"BANNED", symbols_.Score("BANNED"), std::move(evidence)};
}

void CommentService::SetWordLists(std::shared_ptr<const WordLists> lists) {
  std::lock_guard lock(word_lists_mu_);
  word_lists_ = std::move(lists);
}

std::shared_ptr<const WordLists> CommentService::word_lists() const {
  std::lock_guard lock(word_lists_mu_);
  return word_lists_;
}

std::optional<ExtraReason> CommentService::WordListReason(const std::string& name,
                                                          const std::string& text) const {
  std::shared_ptr<const WordLists> lists = word_lists();
  if (!lists) return std::nullopt;
  std::optional<WordLists::Match> m = lists->Check(name, text);
  if (!m) return std::nullopt;
  const char* symbol = m->reject ? "WORD_REJECT" : "WORD_HOLD";
  std::string evidence = fmt::format("{} list: {}", m->reject ? "reject" : "hold", m->entry);
  if (m->matched != m->entry && !m->matched.empty()) evidence += " (\"" + m->matched + "\")";
  return ExtraReason{symbol, symbols_.Score(symbol), std::move(evidence)};
}

std::optional<ExtraReason> CommentService::PremoderationReason(const Reputation& reputation,
                                                               int64_t now_ms) const {
  const std::string& mode = config_.comments.premoderation;
  bool newcomer = reputation.published == 0;
  std::string why;
  if (mode == "everyone") {
    why = "pre-moderation: every comment";
  } else if (mode == "newcomers" && newcomer) {
    why = "pre-moderation: a first comment under this e-mail";
  } else if (mode == "wave" && newcomer && WavePowBits(now_ms) > 0) {
    why = "pre-moderation during a spam wave: a first comment under this e-mail";
  }
  if (why.empty()) return std::nullopt;
  return ExtraReason{"PREMODERATED", symbols_.Score("PREMODERATED"), std::move(why)};
}

}  // namespace tribune::comments
