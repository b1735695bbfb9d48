// Readers' reports on comments.
#include <fmt/format.h>

#include "comments/comment_service.h"
#include "site/report.h"

namespace tribune::comments {

ReportOutcome CommentService::Report(int64_t id, const std::string& ip,
                                     const std::string& reason, std::string details,
                                     int64_t now, int64_t now_ms) {
  ReportOutcome out;
  auto c = comment_store_.GetComment(id);
  if (!c.ok()) {
    out.kind = c.status().code() == Code::kNotFound ? ReportOutcome::Kind::kNotFound
                                                    : ReportOutcome::Kind::kUnavailable;
    out.message = "The report could not be recorded just now; please try again later.";
    return out;
  }
  out.comment = *c;
  if (c->status != site::CommentStatus::kPublished) {
    out.kind = ReportOutcome::Kind::kNotFound;  // readers see published comments only
    return out;
  }
  if (!site::IsReportReason(reason)) {
    out.kind = ReportOutcome::Kind::kInvalid;
    out.message = "Please choose why you report this comment.";
    return out;
  }
  if (details.size() > site::kMaxReportDetails) {
    out.kind = ReportOutcome::Kind::kInvalid;
    out.message = fmt::format("The details are at most {} characters.", site::kMaxReportDetails);
    return out;
  }
  std::string network = FormGuard::AddressPrefix(ip);
  if (report_rate_.Add(network, now_ms) > config_.comments.reports_per_minute) {
    out.kind = ReportOutcome::Kind::kLimited;
    out.message = "Too many reports from your network just now; please wait a minute.";
    return out;
  }
  site::Report r;
  r.comment_id = id;
  r.reporter = signer_.Sign("report:" + network).substr(0, 32);
  r.reason = reason;
  r.details = std::move(details);
  r.created_at = now;
  auto reporters = reports_.AddReport(r);
  if (!reporters.ok()) {
    out.kind = ReportOutcome::Kind::kUnavailable;
    out.message = "The report could not be recorded just now; please try again later.";
    return out;
  }
  out.reporters = *reporters;
  if (out.reporters >= config_.comments.reports_to_hold) {
    auto held = comment_store_.ModerateComment(id, site::CommentStatus::kHeld, "");
    if (held.ok()) {
      out.comment = *held;
      out.held = true;
    }
  }
  return out;
}

}  // namespace tribune::comments
