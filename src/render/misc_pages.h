#pragma once

#include <cstdint>
#include <string>

#include "render/layout.h"

namespace tribune::render {

// "You are leaving this site": the stop before a protected ([leech]) link.
std::string RenderLeavingPage(const SiteInfo& site, const std::string& target);

// A plain page for an error status, with a message for the reader.
// `kept_text`, when given, is shown in a text box: a reader's text the
// request could not store, so it is not lost.
std::string RenderErrorPage(const SiteInfo& site, int status, const std::string& title,
                            const std::string& message, const std::string& kept_text = "");

// A reader's report on a comment: the comment as text, why (one of
// site::kReportReasons) and optional details; kept as sent when refused.
struct ReportPageView {
  int64_t comment_id = 0;
  std::string author, text;         // the comment, as plain text
  std::string article_path;         // where to go back to
  std::string reason, details;      // as sent
  std::string error;                // why it was refused
  bool thanks = false;              // recorded: the thank-you page
};
std::string RenderReportPage(const SiteInfo& site, const ReportPageView& view);

}  // namespace tribune::render
