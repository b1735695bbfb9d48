// /newsroom/images: editors upload images with their alt text (checked and
// resized on the desk's worker); /media/{id}-{width}.webp serves the files,
// which never change, with a year's cache lifetime.
#include "render/newsroom_images.h"

#include <fmt/format.h>

#include <ctime>

#include "core/numbers.h"
#include "http/multipart.h"
#include "moderation/editorial.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

constexpr int64_t kImagesListed = 100;

render::ImagesView ViewFor(Context& ctx, const http::Request& req, const site::Staff& member) {
  render::ImagesView v;
  v.staff_name = member.name;
  v.role = member.role;
  v.form_token = StaffFormToken(ctx, req);
  return v;
}

http::Response ImagesPageWith(Context& ctx, const render::SiteInfo& site, render::ImagesView v,
                              int status) {
  auto images = ctx.images->ListImages(kImagesListed);
  if (!images.ok()) return Private(StorageUnavailable(site));
  v.images = std::move(images).value();
  return Private(HtmlResponse(status, render::RenderImagesPage(site, v)));
}

}  // namespace

std::vector<site::Image> ImagesOf(Context& ctx, const std::string& body) {
  std::vector<site::Image> out;
  if (!ctx.images) return out;
  for (int64_t id : moderation::ImagesIn(body)) {
    auto image = ctx.images->GetImage(id);
    if (image.ok()) out.push_back(std::move(image).value());
  }
  return out;
}

void ImagesPage(Context& ctx, http::Request& req, http::Respond respond) {
  if (!ctx.images) return respond(Private(ErrorPage(ctx, req, 404, "There is no such page.")));
  auto member = RequireMember(ctx, req, nullptr, respond, Need::kEditArticles);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::ImagesView v = ViewFor(ctx, req, *member);
  int64_t added = ParsePositive(req.QueryParam("added")).value_or(0);
  if (added > 0) {
    v.notice = site.F(
        "The image is ready. To place it, put [img={id}] on a line of its own in "
        "an article\u2019s text.",
        {{"id", added}});
  }
  respond(ImagesPageWith(ctx, site, std::move(v), 200));
}

void UploadImage(Context& ctx, http::Request& req, http::Respond respond) {
  if (!ctx.images) return respond(Private(ErrorPage(ctx, req, 404, "There is no such page.")));
  auto parts = http::ParseMultipart(req.Header("content-type"), req.body);
  if (!parts.ok()) {
    render::SiteInfo page = SiteFor(ctx, req);
    return respond(Private(ErrorPage(page, 400,
                                     page.F("The upload could not be read: {reason}.", {},
                                            {{"reason", parts.status().message()}}))));
  }
  FormMap fields;
  std::string file;
  for (http::FormPart& p : *parts) {
    if (p.name == "file")
      file = std::move(p.data);
    else if (p.filename.empty())
      fields[p.name] = std::move(p.data);
  }
  auto member = RequireMember(ctx, req, &fields, respond, Need::kEditArticles);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::ImagesView v = ViewFor(ctx, req, *member);
  v.alt = fields["alt"];
  if (file.empty()) {
    v.error = "Choose an image file to upload.";
    return respond(ImagesPageWith(ctx, site, std::move(v), 422));
  }
  auto task = [&ctx, site, by = moderation::Actor{member->name, req.remote_addr},
               file = std::move(file), v = std::move(v), respond]() mutable {
    auto added = moderation::AddImage(*ctx.images, ctx.audit, by, file, v.alt, std::time(nullptr));
    if (added.status().code() == Code::kInvalidArgument) {
      v.error = added.status().message();
      return respond(ImagesPageWith(ctx, site, std::move(v), 422));
    }
    if (!added.ok()) return respond(Private(StorageUnavailable(site)));
    respond(Private(Redirect(303, fmt::format("/newsroom/images?added={}", added->id))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

void MediaFile(Context& ctx, int64_t id, int width, http::Respond respond) {
  auto data = ctx.images ? ctx.images->ImageFile(id, width) : Result<std::string>(NotFound(""));
  if (!data.ok()) {
    return respond(data.status().code() == Code::kNotFound
                       ? ErrorPage(ctx, 404, "There is no such image.")
                       : StorageUnavailable(ctx));
  }
  http::Response r;
  r.content_type = "image/webp";
  r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.body = std::move(data).value();
  respond(std::move(r));
}

}  // namespace tribune::web
