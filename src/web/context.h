// What the handlers share: configuration and the services, wired by the app.
#pragma once

#include <atomic>
#include <memory>

#include "comments/comment_service.h"
#include "comments/signer.h"
#include "core/config.h"
#include "core/work_pool.h"
#include "moderation/newsroom_desk.h"
#include "readers/accounts.h"
#include "render/layout.h"
#include "render/page_cache.h"
#include "store/store.h"
#include "web/client_address.h"
#include "web/operations.h"
#include "web/static_files.h"

namespace tribune::web {

struct Context {
  const Config& config;
  render::SiteInfo site;
  store::ArticleStore& articles;      // handlers read; writes go through the services
  store::CommentStore& comment_store;
  store::AuditStore& audit;
  store::ReportStore& reports;
  render::PageCache& cache;
  const comments::Signer& signer;
  comments::CommentService& comments;
  StaticFiles& static_files;
  moderation::NewsroomDesk& newsroom;
  // Behind proxies: who the reader is (nullptr or empty: the peer).
  const ClientAddress* client_address = nullptr;
  // /readyz and /metrics (nullptr: 404).
  Operations* ops = nullptr;
  // Staff accounts, for admins' pages (nullptr: those pages are 404).
  store::StaffStore* staff = nullptr;
  // Where handlers that may wait on the database or Redis run (web/off_loop.h);
  // nullptr: where they are called.
  WorkPool* work = nullptr;
  // Editors' images (nullptr: /media and /newsroom/images are 404).
  store::ImageStore* images = nullptr;
  // Reader accounts, subscriptions and the outbox (nullptr: /account is 404).
  readers::Accounts* accounts = nullptr;
  store::ReaderStore* readers = nullptr;
  store::OutboxStore* outbox = nullptr;
  // The interface's languages (null: English only).
  const i18n::Languages* languages = nullptr;
};

}  // namespace tribune::web
