// /newsroom/images: editors upload images (with their alt text) and copy the
// line that places one in an article.
#pragma once

#include <string>
#include <vector>

#include "render/layout.h"
#include "site/image.h"
#include "site/staff.h"

namespace tribune::render {

struct ImagesView {
  std::string staff_name, form_token, notice, error;
  site::StaffRole role = site::StaffRole::kEditor;
  std::string alt;                  // as sent, when the upload was refused
  std::vector<site::Image> images;  // newest first
};

std::string RenderImagesPage(const SiteInfo& site, const ImagesView& view);

// <figure> for `image` as an article shows it: srcset over its widths, the
// alt text, its size reserved; loaded lazily.
void AppendFigure(std::string& out, const site::Image& image);

}  // namespace tribune::render
