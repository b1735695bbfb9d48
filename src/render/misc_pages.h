#pragma once

#include <string>

#include "render/layout.h"

namespace tribune::render {

// "You are leaving this site": the stop before a protected ([leech]) link.
std::string RenderLeavingPage(const SiteInfo& site, const std::string& target);

// A plain page for an error status, with a message for the reader.
std::string RenderErrorPage(const SiteInfo& site, int status, const std::string& title,
                            const std::string& message);

}  // namespace tribune::render
