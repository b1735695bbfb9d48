// What the handlers share: configuration and the services, wired by the app.
#pragma once

#include <atomic>
#include <memory>

#include "core/config.h"
#include "render/layout.h"
#include "render/page_cache.h"
#include "store/store.h"
#include "web/comment_service.h"
#include "web/newsroom_desk.h"
#include "web/signer.h"
#include "web/static_files.h"

namespace tribune::web {

struct Context {
  const Config& config;
  render::SiteInfo site;
  store::Store& store;
  render::PageCache& cache;
  const Signer& signer;
  CommentService& comments;
  StaticFiles& static_files;
  NewsroomDesk& newsroom;
};

}  // namespace tribune::web
