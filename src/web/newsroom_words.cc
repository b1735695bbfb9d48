// /newsroom/words: moderators edit the site's hold and reject lists. Saving
// checks every entry (and the set's speed) first, on the desk's worker.
#include "render/newsroom_words.h"

#include <ctime>

#include "web/handlers.h"
#include "web/link_base.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

render::WordListsView ViewFor(Context& ctx, const http::Request& req, const site::Staff& member) {
  render::WordListsView v;
  v.staff_name = member.name;
  v.role = member.role;
  v.form_token = StaffFormToken(ctx, req);
  auto lists = ctx.comments.word_lists();
  if (lists) {
    v.hold = lists->hold();
    v.reject = lists->reject();
    v.entries = lists->entries();
  }
  return v;
}

http::Response WordsPage(const render::SiteInfo& site, const render::WordListsView& v, int status) {
  return Private(HtmlResponse(status, render::RenderWordListsPage(site, v)));
}

}  // namespace

void WordListsPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::WordListsView v = ViewFor(ctx, req, *member);
  if (req.QueryParam("done") == "saved") v.notice = "The lists are saved and in force.";
  respond(WordsPage(site, v, 200));
}

void SaveWordLists(Context& ctx, http::Request& req, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::WordListsView v = ViewFor(ctx, req, *member);
  v.hold = fields["hold"];
  v.reject = fields["reject"];
  auto task = [&ctx, site, by = *member, from = req.remote_addr, v = std::move(v),
               respond]() mutable {
    Status st =
        ctx.newsroom.SaveWordLists(by, from, v.hold, v.reject, std::time(nullptr), &v.errors);
    if (st.code() == Code::kInvalidArgument) return respond(WordsPage(site, v, 422));
    if (!st.ok()) return respond(Private(StorageUnavailable(site)));
    respond(Private(Redirect(303, "/newsroom/words?done=saved")));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

}  // namespace tribune::web
