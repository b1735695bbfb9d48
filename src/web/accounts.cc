// Readers' accounts and data, notifications' links, the privacy notice, and
// a comment's own address (/comments/{id}: its page, wherever it is now).
#include <fmt/format.h>

#include <ctime>
#include <map>
#include <optional>

#include "core/html.h"
#include "core/numbers.h"
#include "core/utf8.h"
#include "http/local_path.h"
#include "readers/links.h"
#include "render/account_pages.h"
#include "site/pagination.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

using Kind = readers::AccountOutcome::Kind;
using Fields = std::vector<std::pair<std::string, std::string>>;

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

// The form's fields, or nullopt (and the answer sent) when the body is not a
// form of valid UTF-8.
std::optional<std::map<std::string, std::string>> FormOf(Context& ctx, http::Request& req,
                                                         const http::Respond& respond) {
  if (!IsFormEncoded(req)) {
    respond(ErrorPage(ctx, req, 415, "The form must be sent as application/x-www-form-urlencoded."));
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (!utf8::IsValid(v) || !utf8::IsValid(k)) {
      respond(ErrorPage(ctx, req, 400, "The form is not valid UTF-8 text; please check your browser's "
                                  "encoding."));
      return std::nullopt;
    }
    out[k] = std::move(v);
  }
  return out;
}

std::string Get(const std::map<std::string, std::string>& f, const std::string& key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : it->second;
}

http::Response Page(Context& ctx, http::Request& req, int status, render::AccountPageView v) {
  http::Response r = HtmlResponse(status, render::RenderAccountPage(SiteFor(ctx, req), v));
  r.headers.emplace_back("X-Robots-Tag", "noindex");
  return r;
}

std::string SessionCookie(Context& ctx, const std::string& value, int64_t max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
                     readers::Accounts::kCookie, value, max_age, SecureCookieAttribute(ctx));
}

// Signed in: a fresh session cookie and on to `back` (a local path) or the profile.
http::Response SignedIn(Context& ctx, const site::Reader& r, const std::string& back) {
  http::Response out = Redirect(303, !back.empty() && http::IsLocalPath(back) ? back : "/account");
  out.headers.emplace_back("Set-Cookie", SessionCookie(ctx, ctx.accounts->SessionCookie(r, Now()),
                                                       ctx.accounts->session_seconds()));
  return out;
}

http::Response Refused(Context& ctx, http::Request& req, const readers::AccountOutcome& o,
                       render::AccountPageView v) {
  v.errors = &o.errors;
  if (o.kind == Kind::kLimited || o.kind == Kind::kUnavailable) {
    std::vector<site::FieldError> one = {{"", o.message}};
    v.errors = &one;
    http::Response r = Page(ctx, req, o.kind == Kind::kLimited ? 429 : 503, v);
    r.headers.emplace_back("Retry-After", o.kind == Kind::kLimited ? "60" : "5");
    return r;
  }
  return Page(ctx, req, 422, v);
}

// The signed-in reader, or nullopt.
std::optional<site::Reader> Reader(Context& ctx, const http::Request& req) {
  return ctx.accounts->Current(req.Cookie(readers::Accounts::kCookie), Now());
}

bool FormTokenFits(Context& ctx, const http::Request& req,
                   const std::map<std::string, std::string>& f) {
  return ctx.accounts->FormTokenFits(req.Cookie(readers::Accounts::kCookie), Get(f, "rt"));
}

http::Response JsonDownload(std::string body, const std::string& name) {
  http::Response r;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

void SignUp(Context& ctx, http::Request& req, const http::Respond& respond) {
  render::AccountPageView v{"Sign up", "", nullptr, ""};
  if (req.method == "GET") {
    v.body = render::SignUpForm(SiteFor(ctx, req), {});
    return respond(Page(ctx, req, 200, v));
  }
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  readers::AccountOutcome o = ctx.accounts->SignUp(Get(*f, "name"), Get(*f, "email"),
                                                   Get(*f, "password"), req.remote_addr, Now(),
                                                   NowMs());
  if (o.kind != Kind::kDone) {
    v.body = render::SignUpForm(SiteFor(ctx, req), {Get(*f, "name"), Get(*f, "email"), ""});
    return respond(Refused(ctx, req, o, v));
  }
  render::SiteInfo site = SiteFor(ctx, req);
  v.title = "Check your e-mail";
  v.notice = site.F("We have sent a link to {address}. Open it to confirm your address and sign in.",
                    {}, {{"address", Get(*f, "email")}});
  v.body = "<p>" + html::Escape(site.T("No mail after a few minutes? Look in the spam folder, or "
                                       "ask for a sign-in link.")) +
           " <a href=\"/account/sign-in\">" + html::Escape(site.T("Sign in")) + "</a></p>\n";
  respond(Page(ctx, req, 200, v));
}

void SignIn(Context& ctx, http::Request& req, const http::Respond& respond) {
  render::AccountPageView v{"Sign in", "", nullptr, ""};
  if (req.method == "GET") {
    v.body = render::SignInForms(SiteFor(ctx, req), {"", "", req.QueryParam("back")});
    return respond(Page(ctx, req, 200, v));
  }
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  readers::AccountOutcome o = ctx.accounts->SignIn(Get(*f, "email"), Get(*f, "password"),
                                                   req.remote_addr, Now(), NowMs());
  if (o.kind != Kind::kDone) {
    v.body = render::SignInForms(SiteFor(ctx, req), {"", Get(*f, "email"), Get(*f, "back")});
    return respond(Refused(ctx, req, o, v));
  }
  respond(SignedIn(ctx, o.reader, Get(*f, "back")));
}

void SignInLink(Context& ctx, http::Request& req, const http::Respond& respond) {
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  render::AccountPageView v{"Sign in", "", nullptr, ""};
  readers::AccountOutcome o =
      ctx.accounts->SendSignInLink(Get(*f, "email"), req.remote_addr, Now(), NowMs());
  if (o.kind != Kind::kDone) {
    v.body = render::SignInForms(SiteFor(ctx, req), {"", Get(*f, "email"), ""});
    return respond(Refused(ctx, req, o, v));
  }
  v.title = "Check your e-mail";
  v.notice = "If an account has this address, a sign-in link is on its way to it.";
  respond(Page(ctx, req, 200, v));
}

// /account/confirm and /account/link: a button first (GET), the link used on POST.
void UseLink(Context& ctx, http::Request& req, bool confirm, const http::Respond& respond) {
  std::string path = confirm ? "/account/confirm" : "/account/link";
  if (req.method == "GET") {
    render::AccountPageView v{confirm ? "Confirm your address"  // i18n
                                      : "Sign in",
                              "", nullptr, ""};
    v.body = render::ConfirmButtonForm(
        SiteFor(ctx, req), path, {{"t", req.QueryParam("t")}},
        confirm ? "One click to confirm your e-mail address and sign in."  // i18n
                : "One click to sign in. The link works once.",  // i18n
        confirm ? "Confirm and sign in"  // i18n
                : "Sign in");
    return respond(Page(ctx, req, 200, v));
  }
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  readers::AccountOutcome o = ctx.accounts->Confirm(Get(*f, "t"), Now());
  if (o.kind != Kind::kDone) {
    render::AccountPageView v{"Sign in", "", nullptr, render::SignInForms(SiteFor(ctx, req), {})};
    return respond(Refused(ctx, req, o, v));
  }
  respond(SignedIn(ctx, o.reader, ""));
}

void Profile(Context& ctx, http::Request& req, const http::Respond& respond) {
  std::optional<site::Reader> r = Reader(ctx, req);
  if (!r) return respond(Redirect(303, "/account/sign-in"));
  auto comments = ctx.comment_store.ListCommentsByReader(r->id, 50);
  auto subs = ctx.outbox->ListSubscriptions(site::EmailKey(r->email));
  if (!comments.ok() || !subs.ok()) return respond(StorageUnavailable(ctx));
  std::vector<render::SubscriptionRow> rows;
  for (const site::Subscription& s : *subs) {
    auto a = store::GetPublicArticle(ctx.articles, s.article_id, Now());
    if (!a.ok()) continue;
    rows.push_back({s, a->title, site::ArticlePath(*a)});
  }
  render::ProfileView pv;
  pv.reader = &*r;
  pv.comments = &*comments;
  pv.subscriptions = &rows;
  pv.form_token = ctx.accounts->FormToken(req.Cookie(readers::Accounts::kCookie));
  pv.erasure_removes = ctx.accounts->erasure_removes();
  pv.anonymous_name = ctx.config.accounts.anonymous_name;
  render::AccountPageView v{"Your account", req.QueryParam("done"), nullptr,
                            render::ProfileBody(SiteFor(ctx, req), pv)};
  if (v.notice != "password" && v.notice != "subscriptions") v.notice.clear();
  if (v.notice == "password") v.notice = "Your new password is saved; other sessions have ended.";
  if (v.notice == "subscriptions") v.notice = "Saved.";
  respond(Page(ctx, req, 200, v));
}

// The POSTs of the profile page: each needs the session and its form token.
template <typename Act>
void ProfileAction(Context& ctx, http::Request& req, const http::Respond& respond, Act&& act) {
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  std::optional<site::Reader> r = Reader(ctx, req);
  if (!r) return respond(Redirect(303, "/account/sign-in"));
  if (!FormTokenFits(ctx, req, *f)) {
    return respond(ErrorPage(ctx, req, 403, "This form has expired; please reload the page and try "
                                       "again."));
  }
  act(*r, *f);
}

void SignOut(Context& ctx, http::Request& req, const http::Respond& respond) {
  ProfileAction(ctx, req, respond, [&](site::Reader& r, const auto& f) {
    if (Get(f, "everywhere") == "1" && !ctx.accounts->SignOutEverywhere(r).ok()) {
      return respond(StorageUnavailable(ctx));
    }
    http::Response out = Redirect(303, "/");
    out.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
    respond(std::move(out));
  });
}

void ChangePassword(Context& ctx, http::Request& req, const http::Respond& respond) {
  ProfileAction(ctx, req, respond, [&](site::Reader& r, const auto& f) {
    readers::AccountOutcome o = ctx.accounts->ChangePassword(r, Get(f, "password"));
    if (o.kind != Kind::kDone) {
      render::AccountPageView v{"Your account", "", nullptr,
                                "<p><a href=\"/account\">Back to your account</a></p>\n"};
      return respond(Refused(ctx, req, o, v));
    }
    http::Response out = SignedIn(ctx, o.reader, "/account?done=password");
    respond(std::move(out));
  });
}

void Subscriptions(Context& ctx, http::Request& req, const http::Respond& respond) {
  ProfileAction(ctx, req, respond, [&](site::Reader& r, const auto& f) {
    std::string key = site::EmailKey(r.email);
    if (std::optional<int64_t> id = ParseWhole(Get(f, "remove"))) {
      auto s = ctx.outbox->GetSubscription(*id);
      if (s.ok() && s->email == key) ctx.outbox->RemoveSubscription(*id);
    }
    if (!Get(f, "digest").empty()) ctx.outbox->SetDigest(key, Get(f, "digest") == "on");
    respond(Redirect(303, "/account?done=subscriptions"));
  });
}

http::Response Erased(Context& ctx, http::Request& req, int64_t n) {
  render::AccountPageView v{"Your data is erased", "", nullptr, ""};
  render::SiteInfo site = SiteFor(ctx, req);
  v.notice = ctx.accounts->erasure_removes()
                 ? site.F("{count, plural, one {# comment was} other {# comments were}} removed; "
                          "your address and any account are gone.",
                          {{"count", n}})
                 : site.F("{count, plural, one {# comment was} other {# comments were}} "
                          "anonymised: they now show the name “{name}”, without your address; "
                          "your account, if any, is gone.",
                          {{"count", n}}, {{"name", ctx.config.accounts.anonymous_name}});
  http::Response r = Page(ctx, req, 200, v);
  r.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
  return r;
}

void Erase(Context& ctx, http::Request& req, const http::Respond& respond) {
  ProfileAction(ctx, req, respond, [&](site::Reader& r, const auto& f) {
    if (Get(f, "sure") != "1") {
      return respond(ErrorPage(ctx, req, 422, "Tick the box to say you mean it."));
    }
    auto n = ctx.accounts->Erase(r.email, r.id);
    if (!n.ok()) return respond(StorageUnavailable(ctx));
    ctx.cache.InvalidateAll();
    respond(Erased(ctx, req, *n));
  });
}

void Export(Context& ctx, http::Request& req, const http::Respond& respond) {
  std::optional<site::Reader> r = Reader(ctx, req);
  if (!r) return respond(Redirect(303, "/account/sign-in"));
  auto json = ctx.accounts->Export(r->email, r->id);
  if (!json.ok()) return respond(StorageUnavailable(ctx));
  respond(JsonDownload(std::move(json).value(), "my-data.json"));
}

// A guest's data: the request form, the page the e-mailed link opens, its
// download and its erasure.
void GuestData(Context& ctx, http::Request& req, const http::Respond& respond) {
  render::AccountPageView v{"Your data", "", nullptr, ""};
  if (req.method == "POST") {
    auto f = FormOf(ctx, req, respond);
    if (!f) return;
    readers::AccountOutcome o =
        ctx.accounts->SendDataLink(Get(*f, "email"), req.remote_addr, Now(), NowMs());
    if (o.kind != Kind::kDone) {
      v.body = render::GuestDataRequestForm(SiteFor(ctx, req), Get(*f, "email"));
      return respond(Refused(ctx, req, o, v));
    }
    v.notice = SiteFor(ctx, req).F("A link is on its way to {address}.", {},
                                   {{"address", Get(*f, "email")}});
    return respond(Page(ctx, req, 200, v));
  }
  std::string email = req.QueryParam("e"), token = req.QueryParam("t");
  if (email.empty()) {
    v.body = render::GuestDataRequestForm(SiteFor(ctx, req), "");
    return respond(Page(ctx, req, 200, v));
  }
  if (!readers::DataTokenFits(ctx.signer, email, token, Now())) {
    std::vector<site::FieldError> e = {{"", "This link does not work any more; ask for a new one."}};
    v.errors = &e;
    v.body = render::GuestDataRequestForm(SiteFor(ctx, req), email);
    return respond(Page(ctx, req, 403, v));
  }
  v.body = render::GuestDataBody(SiteFor(ctx, req), email, token, ctx.accounts->erasure_removes(),
                                 ctx.config.accounts.anonymous_name);
  respond(Page(ctx, req, 200, v));
}

void GuestExport(Context& ctx, http::Request& req, const http::Respond& respond) {
  std::string email = req.QueryParam("e");
  if (!readers::DataTokenFits(ctx.signer, email, req.QueryParam("t"), Now())) {
    return respond(ErrorPage(ctx, req, 403, "This link does not work any more; ask for a new one."));
  }
  auto reader = ctx.readers->GetReaderByEmail(email);
  auto json = ctx.accounts->Export(email, reader.ok() ? reader->id : 0);
  if (!json.ok()) return respond(StorageUnavailable(ctx));
  respond(JsonDownload(std::move(json).value(), "my-data.json"));
}

void GuestErase(Context& ctx, http::Request& req, const http::Respond& respond) {
  auto f = FormOf(ctx, req, respond);
  if (!f) return;
  std::string email = Get(*f, "e");
  if (!readers::DataTokenFits(ctx.signer, email, Get(*f, "t"), Now())) {
    return respond(ErrorPage(ctx, req, 403, "This link does not work any more; ask for a new one."));
  }
  if (Get(*f, "sure") != "1") return respond(ErrorPage(ctx, req, 422, "Tick the box to say you mean it."));
  auto reader = ctx.readers->GetReaderByEmail(email);
  auto n = ctx.accounts->Erase(email, reader.ok() ? reader->id : 0);
  if (!n.ok()) return respond(StorageUnavailable(ctx));
  ctx.cache.InvalidateAll();
  respond(Erased(ctx, req, *n));
}

// /notifications/unsubscribe?s=ID&t=SIG (one) or ?e=ADDRESS&t=SIG (every
// one): GET asks for a click; POST (the button, or a mail client's one-click
// RFC 8058 request) does it.
void Unsubscribe(Context& ctx, http::Request& req, const http::Respond& respond) {
  std::string s = req.QueryParam("s"), e = req.QueryParam("e"), t = req.QueryParam("t");
  std::optional<int64_t> id = ParseWhole(s);
  bool fits = id ? readers::SubscriptionSignatureFits(ctx.signer, "unsubscribe", *id, t)
                 : !e.empty() && readers::AddressSignatureFits(ctx.signer, "unsubscribe", e, t);
  render::AccountPageView v{"Stop e-mails", "", nullptr, ""};
  if (!fits || t.empty()) {
    return respond(ErrorPage(ctx, req, 400, "This unsubscribe link is not valid: its signature does "
                                       "not match."));
  }
  if (req.method == "GET") {
    v.body = render::ConfirmButtonForm(
        SiteFor(ctx, req), "/notifications/unsubscribe?" + req.query, {},
        id ? "One click to stop the e-mails about this article."  // i18n
           : SiteFor(ctx, req).F("One click to stop every e-mail from this site to {address}.", {},
                                 {{"address", e}}),
        "Stop the e-mails");  // i18n
    return respond(Page(ctx, req, 200, v));
  }
  Status st = id ? ctx.outbox->RemoveSubscription(*id)
                 : ctx.outbox->RemoveSubscriptionsOf(e).status();
  if (!st.ok() && st.code() != Code::kNotFound) return respond(StorageUnavailable(ctx));
  v.notice = "Done: no more of these e-mails.";
  respond(Page(ctx, req, 200, v));
}

// /notifications/confirm?s=ID&t=SIG: a guest's address confirms what it follows.
void ConfirmSubscription(Context& ctx, http::Request& req, const http::Respond& respond) {
  std::optional<int64_t> id = ParseWhole(req.QueryParam("s"));
  std::string t = req.QueryParam("t");
  if (!id || !readers::SubscriptionSignatureFits(ctx.signer, "confirm", *id, t)) {
    return respond(ErrorPage(ctx, req, 400, "This link is not valid: its signature does not match."));
  }
  render::AccountPageView v{"Confirm e-mails", "", nullptr, ""};
  if (req.method == "GET") {
    v.body = render::ConfirmButtonForm(
        SiteFor(ctx, req), "/notifications/confirm?" + req.query, {},
        "One click to start the e-mails you asked for.",  // i18n
        "Yes, send them");  // i18n
    return respond(Page(ctx, req, 200, v));
  }
  Status st = ctx.outbox->ConfirmSubscription(*id);
  if (st.code() == Code::kNotFound) return respond(ErrorPage(ctx, req, 404, "It was stopped meanwhile."));
  if (!st.ok()) return respond(StorageUnavailable(ctx));
  v.notice = "Confirmed: you will get these e-mails. Each one has a link to stop them.";
  respond(Page(ctx, req, 200, v));
}

void Privacy(Context& ctx, http::Request& req, const http::Respond& respond) {
  const Config& c = ctx.config;
  render::PrivacyView pv{c.site.name,
                         c.retention.addresses_days,
                         c.retention.guest_emails_days,
                         c.retention.rejected_days,
                         c.retention.unconfirmed_days,
                         c.retention.outbox_days,
                         c.accounts.session_days,
                         ctx.accounts && ctx.accounts->erasure_removes()};
  render::AccountPageView v{"Privacy", "", nullptr, render::PrivacyBody(SiteFor(ctx, req), pv)};
  http::Response r = HtmlResponse(200, render::RenderAccountPage(SiteFor(ctx, req), v));
  respond(std::move(r));
}

}  // namespace

void CommentLink(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  auto c = ctx.comment_store.GetComment(id);
  if (!c.ok() && c.status().code() != Code::kNotFound) return respond(StorageUnavailable(ctx));
  if (!c.ok() || c->status != site::CommentStatus::kPublished) {
    return respond(ErrorPage(ctx, req, 404, "This comment is not published."));
  }
  auto a = store::GetPublicArticle(ctx.articles, c->article_id, Now());
  if (!a.ok()) return respond(ErrorPage(ctx, req, 404, "There is no such article."));
  auto above = ctx.comment_store.CountPublishedAbove(a->id, c->number);
  if (!above.ok()) return respond(StorageUnavailable(ctx));
  int64_t page = *above / ctx.config.comments.per_page + 1;
  respond(Redirect(302, fmt::format("{}#c{}", site::CommentsPagePath(*a, page), id)));
}

void AddAccountRoutes(Context& ctx, RouteTable& t) {
  using Args = const PathArgs&;
  using R = http::Request&;
  using Out = http::Respond;
  t.Add("/comments/{id}").Get([&ctx](R req, Args a, Out respond) {
    CommentLink(ctx, req, a.id, respond);
  });
  t.Add("/privacy").Get([&ctx](R req, Args, Out respond) { Privacy(ctx, req, respond); });
  if (!ctx.accounts) return;
  auto both = [&t](const char* path, auto f) {
    t.Add(path).Get(f).Post(f);
  };
  both("/account/sign-up", [&ctx](R req, Args, Out respond) { SignUp(ctx, req, respond); });
  both("/account/sign-in", [&ctx](R req, Args, Out respond) { SignIn(ctx, req, respond); });
  both("/account/confirm", [&ctx](R req, Args, Out respond) { UseLink(ctx, req, true, respond); });
  both("/account/link", [&ctx](R req, Args, Out respond) { UseLink(ctx, req, false, respond); });
  both("/account/data", [&ctx](R req, Args, Out respond) { GuestData(ctx, req, respond); });
  both("/notifications/unsubscribe",
       [&ctx](R req, Args, Out respond) { Unsubscribe(ctx, req, respond); });
  both("/notifications/confirm",
       [&ctx](R req, Args, Out respond) { ConfirmSubscription(ctx, req, respond); });
  t.Add("/account/sign-in-link").Post([&ctx](R req, Args, Out respond) {
    SignInLink(ctx, req, respond);
  });
  t.Add("/account").Get([&ctx](R req, Args, Out respond) { Profile(ctx, req, respond); });
  t.Add("/account/sign-out").Post([&ctx](R req, Args, Out respond) { SignOut(ctx, req, respond); });
  t.Add("/account/password").Post([&ctx](R req, Args, Out respond) {
    ChangePassword(ctx, req, respond);
  });
  t.Add("/account/subscriptions").Post([&ctx](R req, Args, Out respond) {
    Subscriptions(ctx, req, respond);
  });
  t.Add("/account/erase").Post([&ctx](R req, Args, Out respond) { Erase(ctx, req, respond); });
  t.Add("/account/export.json").Get([&ctx](R req, Args, Out respond) { Export(ctx, req, respond); });
  t.Add("/account/data/export.json").Get([&ctx](R req, Args, Out respond) {
    GuestExport(ctx, req, respond);
  });
  t.Add("/account/data/erase").Post([&ctx](R req, Args, Out respond) {
    GuestErase(ctx, req, respond);
  });
}

}  // namespace tribune::web
