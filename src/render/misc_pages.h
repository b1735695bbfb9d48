#pragma once

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

}  // namespace tribune::render
