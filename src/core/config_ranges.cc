#include "core/config_ranges.h"

#include <fmt/format.h>

namespace tribune {
namespace {

constexpr double kDay = 86400;
constexpr double kMiB = 1024 * 1024;
constexpr double kTiB = kMiB * 1024 * 1024;

// Sane bounds, not tight ones: wide enough for any real site, narrow enough
// that a typo (an extra digit or three) stops start-up instead of the site.
constexpr NumericRange kRanges[] = {
    {"mail.per_thread_per_day", 0, 1000, true,
     [](const Config& c) { return double(c.mail.per_thread_per_day); }},
    {"mail.retry_s", 1, 3600, true, [](const Config& c) { return double(c.mail.retry_s); }},
    {"mail.digest_every_s", 1, 7 * kDay, true,
     [](const Config& c) { return double(c.mail.digest_every_s); }},
    {"accounts.session_days", 1, 3650, true,
     [](const Config& c) { return double(c.accounts.session_days); }},
    {"accounts.link_minutes", 1, 7 * 24 * 60, true,
     [](const Config& c) { return double(c.accounts.link_minutes); }},
    {"retention.addresses_days", 1, 36500, true,
     [](const Config& c) { return double(c.retention.addresses_days); }},
    {"retention.guest_emails_days", 1, 36500, true,
     [](const Config& c) { return double(c.retention.guest_emails_days); }},
    {"retention.rejected_days", 1, 36500, true,
     [](const Config& c) { return double(c.retention.rejected_days); }},
    {"retention.unconfirmed_days", 1, 3650, true,
     [](const Config& c) { return double(c.retention.unconfirmed_days); }},
    {"retention.outbox_days", 1, 3650, true,
     [](const Config& c) { return double(c.retention.outbox_days); }},
    {"server.threads", 0, 256, true, [](const Config& c) { return double(c.server.threads); }},
    {"server.read_timeout_ms", 100, 600'000, true,
     [](const Config& c) { return double(c.server.read_timeout_ms); }},
    {"server.idle_timeout_ms", 100, 3'600'000, true,
     [](const Config& c) { return double(c.server.idle_timeout_ms); }},
    {"server.header_limit", 1024, kMiB, true,
     [](const Config& c) { return double(c.server.header_limit); }},
    {"server.body_limit", 1024, 4 * kMiB, true,
     [](const Config& c) { return double(c.server.body_limit); }},
    {"storage.read_connections", 1, 64, true,
     [](const Config& c) { return double(c.storage.read_connections); }},
    {"storage.workers", 0, 256, true, [](const Config& c) { return double(c.storage.workers); }},
    {"storage.queue", 1, 1'000'000, true, [](const Config& c) { return double(c.storage.queue); }},
    {"comments.reports_to_hold", 1, 1000, true,
     [](const Config& c) { return double(c.comments.reports_to_hold); }},
    {"comments.reports_per_minute", 0.01, 1e6, false,
     [](const Config& c) { return c.comments.reports_per_minute; }},
    {"storage.audit_days", 1, 36500, true,
     [](const Config& c) { return double(c.storage.audit_days); }},
    {"comments.per_page", 1, 500, true,
     [](const Config& c) { return double(c.comments.per_page); }},
    {"comments.max_length", 1, 100'000, true,
     [](const Config& c) { return double(c.comments.max_length); }},
    {"comments.dedupe_window_s", 0, kDay, true,
     [](const Config& c) { return double(c.comments.dedupe_window_s); }},
    {"comments.min_seconds", 0, 3600, true,
     [](const Config& c) { return double(c.comments.min_seconds); }},
    {"comments.token_max_age_s", 60, 7 * kDay, true,
     [](const Config& c) { return double(c.comments.token_max_age_s); }},
    {"comments.pow_bits", 0, 24, true, [](const Config& c) { return double(c.comments.pow_bits); }},
    {"comments.pow_solutions", 1, 64, true,
     [](const Config& c) { return double(c.comments.pow_solutions); }},
    {"comments.edit_window_s", 0, 7 * kDay, true,
     [](const Config& c) { return double(c.comments.edit_window_s); }},
    {"spam.hold_at", -1000, 1000, false, [](const Config& c) { return c.spam.hold_at; }},
    {"spam.spam_at", -1000, 1000, false, [](const Config& c) { return c.spam.spam_at; }},
    {"spam.discard_at", -1000, 1000, false, [](const Config& c) { return c.spam.discard_at; }},
    {"spam.trust_per_approved", 0, 100, false,
     [](const Config& c) { return c.spam.trust_per_approved; }},
    {"spam.trust_max", 0, 100, false, [](const Config& c) { return c.spam.trust_max; }},
    {"spam.trust_days", 0, 3650, true, [](const Config& c) { return double(c.spam.trust_days); }},
    {"spam.trust_half_life_days", 0, 3650, false,
     [](const Config& c) { return c.spam.trust_half_life_days; }},
    {"limits.per_prefix_per_minute", 0.01, 1e12, false,
     [](const Config& c) { return c.limits.per_prefix_per_minute; }},
    {"limits.per_email_per_minute", 0.01, 1e12, false,
     [](const Config& c) { return c.limits.per_email_per_minute; }},
    {"limits.per_name_per_minute", 0.01, 1e12, false,
     [](const Config& c) { return c.limits.per_name_per_minute; }},
    {"limits.per_article_per_minute", 0.01, 1e12, false,
     [](const Config& c) { return c.limits.per_article_per_minute; }},
    {"cache.max_bytes", kMiB, kTiB, true,
     [](const Config& c) { return double(c.cache.max_bytes); }},
    {"cache.shared_max_age_s", 0, 86400, true,
     [](const Config& c) { return double(c.cache.shared_max_age_s); }},
    {"redis.nodes", 1, 1000, true, [](const Config& c) { return double(c.redis.nodes); }},
};

}  // namespace

std::span<const NumericRange> NumericRanges() { return kRanges; }

const NumericRange* RangeOf(std::string_view key) {
  for (const NumericRange& r : kRanges) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

Status CheckRange(const NumericRange& range, double value, std::string_view shown) {
  if (value >= range.min && value <= range.max) return Status::Ok();
  return InvalidArgument(fmt::format("key '{}' must be between {} and {}, not {}", range.key,
                                     range.min, range.max, shown));
}

}  // namespace tribune
