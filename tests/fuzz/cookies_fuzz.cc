// Cookies and tokens: the commenter pass, known-device and staff-session
// cookies, the newsroom's form token and the comment form's token. Whatever a
// client sends is refused unless the site issued it; what the site issues
// comes back out of a Cookie header among any other cookies and verifies
// exactly while it is valid; and payloads signed with the site's key but
// never issued by it (a leaked key, a future issuing bug) are still parsed
// without undefined behaviour.
#include <string>
#include <vector>

#include "comments/commenter_pass.h"
#include "comments/form_guard.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "http/request.h"
#include "moderation/known_devices.h"
#include "moderation/staff_auth.h"
#include "web/handlers.h"

namespace {

using tribune::fuzz::Check;
namespace web = tribune::web;
namespace comments = tribune::comments;
namespace moderation = tribune::moderation;

constexpr int64_t kMaxNow = int64_t{1} << 40;  // any clock this side of year 36000

struct Site {
  comments::Signer signer{"fuzzing-secret-0123456789abcdef"};
  comments::CommenterPass pass{signer};
  moderation::KnownDevices devices{signer};
  moderation::StaffSessions sessions{signer};
  comments::FormGuard guard{signer, comments::FormGuardOptions{}};
};

Site& TheSite() {
  static Site* site = new Site();
  return *site;
}

// A Cookie header with `name`=`value` among up to four cookies the fuzzer
// made up (none of them named `name`), and the value the request gives back
// for `name`.
std::string ThroughHeader(tribune::fuzz::FuzzInput& in, std::string_view name,
                          const std::string& value) {
  int64_t others = in.TakeInt(0, 4);
  int64_t position = in.TakeInt(0, others);
  std::string ours = std::string(name) + "=" + value;
  std::string header;
  for (int64_t i = 0; i <= others; ++i) {
    std::string part = i == position ? ours : in.TakeString(32);
    if (i != position && part.find(std::string(name) + "=") != std::string::npos) continue;
    header += (header.empty() ? "" : "; ") + part;
  }
  tribune::http::Request req;
  req.headers = {{"cookie", header}};
  return req.Cookie(name);
}

void IssuedCookies(tribune::fuzz::FuzzInput& in, Site& s, int64_t now) {
  std::string email = in.TakeString(64);
  int64_t expires = in.TakeInt(0, kMaxNow);
  std::string pass = s.pass.Issue(email, expires);
  std::string back = ThroughHeader(in, comments::CommenterPass::kCookie, pass);
  Check(back == pass, "a commenter pass comes back out of the Cookie header", back);
  std::string hash = s.pass.Verify(back, now);
  Check(hash == (expires >= now ? s.pass.Hash(email) : std::string()),
        "a pass verifies exactly while it is valid", back);

  int64_t staff_id = in.TakeInt(1, INT64_MAX);
  std::string device = s.devices.Issue(staff_id, expires);
  bool device_live = expires > now && expires <= now + moderation::KnownDevices::kLifetime;
  Check(s.devices.Verify(device, now).empty() != device_live,
        "a device cookie verifies exactly while it is valid", device);

  tribune::site::Staff staff;
  staff.id = staff_id;
  staff.session_epoch = in.TakeInt(INT64_MIN, INT64_MAX);
  staff.password_hash = in.TakeString(64);
  std::string session = s.sessions.Issue(staff, expires);
  Check(moderation::StaffSessions::StaffId(session) == staff_id,
        "a session names its staff member");
  bool session_live = expires > now && expires <= now + moderation::StaffSessions::kLifetime;
  Check(s.sessions.Valid(session, staff, now) == session_live,
        "a session is valid exactly while it lasts", session);
  Check(s.sessions.FormTokenFits(session, s.sessions.FormToken(session)),
        "a session's form token fits it");
}

void ForgedCookies(tribune::fuzz::FuzzInput& in, Site& s, int64_t now) {
  std::string cookie = in.TakeString(256);
  Check(s.pass.Verify(cookie, now).empty(), "a made-up pass is refused", cookie);
  Check(s.devices.Verify(cookie, now).empty(), "a made-up device cookie is refused", cookie);
  tribune::site::Staff staff;
  staff.id = moderation::StaffSessions::StaffId(cookie).value_or(1);
  Check(!s.sessions.Valid(cookie, staff, now), "a made-up session is refused", cookie);
  std::string token = in.TakeString(64);
  Check(!s.sessions.FormTokenFits(cookie, token) || token == s.sessions.FormToken(cookie),
        "only the session's own form token fits");
  tribune::http::Request req;
  req.headers = {{"cookie", cookie}};
  int font = web::FontStep(req);
  Check(font >= -2 && font <= 3, "the font step is clamped");
}

std::vector<std::string> SplitDots(std::string_view s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == '.') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// A form token the site issued with up to three fields replaced by the
// fuzzer, signed again with the site's key.
std::string ResignedToken(tribune::fuzz::FuzzInput& in, Site& s, int64_t article,
                          std::string_view ip, int64_t issued) {
  std::string token = s.guard.Issue(article, ip, issued).token;
  std::vector<std::string> parts = SplitDots(token.substr(0, token.rfind('.')));
  for (int64_t n = in.TakeInt(0, 3); n > 0; --n) {
    auto i = static_cast<size_t>(in.TakeInt(0, static_cast<int64_t>(parts.size()) - 1));
    parts[i] = in.TakeString(24);
  }
  std::string payload;
  for (const std::string& p : parts) payload += (payload.empty() ? "" : ".") + p;
  return payload + "." + s.signer.Sign(payload);
}

// Payloads the fuzzer wrote, signed with the site's key as each format signs.
void SignedPayloads(tribune::fuzz::FuzzInput& in, Site& s, int64_t now) {
  std::string payload = in.TakeString(200);
  (void)s.pass.Verify(payload + "-" + s.signer.Sign("pass:" + payload), now);
  (void)s.devices.Verify(payload + "." + s.signer.Sign("staff-device|" + payload), now);
  int64_t article = in.TakeInt(1, INT64_MAX);
  std::string ip = in.TakeString(40);
  comments::FormProof proof;
  proof.token = ResignedToken(in, s, article, ip, now);
  proof.code = in.TakeString(8);
  proof.pow = in.TakeString(64);
  proof.honeypot_sent = in.TakeBool();
  proof.page_form = in.TakeBool();
  (void)s.guard.Verify(article, ip, now + in.TakeInt(-10, 10 * 3600), proof);
}

void IssuedForm(tribune::fuzz::FuzzInput& in, Site& s, int64_t now) {
  int64_t article = in.TakeInt(1, INT64_MAX);
  std::string ip = in.TakeString(40);
  comments::IssuedForm form = s.guard.Issue(article, ip, now);
  int64_t later = now + in.TakeInt(0, 10 * 3600);
  comments::FormProof proof;
  proof.token = form.token;
  proof.code = form.code;
  comments::GuardVerdict v = s.guard.Verify(article, ip, later, proof);
  comments::FormGuardOptions o;
  bool in_time = later - now >= o.min_seconds && later - now <= o.max_age_s;
  Check((v.kind == comments::GuardVerdict::Kind::kPass) == in_time,
        "an issued form passes exactly within its time window", v.symbol);
  (void)comments::FormGuard::AddressPrefix(ip);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tribune::fuzz::FuzzInput in(data, size);
  Site& site = TheSite();
  int64_t now = in.TakeInt(0, kMaxNow);
  switch (in.TakeInt(0, 3)) {
    case 0:
      IssuedCookies(in, site, now);
      break;
    case 1:
      ForgedCookies(in, site, now);
      break;
    case 2:
      SignedPayloads(in, site, now);
      break;
    default:
      IssuedForm(in, site, now);
      break;
  }
  return 0;
}
