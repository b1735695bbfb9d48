// What a link's address says about why it was posted: a referral or
// affiliate code pays the poster for every visitor; a bare link to a
// person's page on a social platform advertises that person.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// First segments that name a post, a video or a site function, not a
// person: "twitter.com/x/status/1" quotes, "facebook.com/photo.php" shows.
bool IsContentSegment(std::string_view s) {
  static constexpr std::string_view kContent[] = {
      "embed",     "events",   "explore",    "groups",       "hashtag", "home",      "i",
      "intent",    "live",     "login",      "media",        "notes",   "p",         "photo",
      "photo.php", "playlist", "posts",      "reel",         "reels",   "results",   "search",
      "share",     "sharer",   "sharer.php", "shorts",       "status",  "story.php", "tv",
      "video",     "videos",   "watch",      "permalink.php"};
  for (std::string_view c : kContent) {
    if (s == c) return true;
  }
  return false;
}

// Path segments of a lower-cased link, query and fragment dropped.
std::vector<std::string_view> PathSegments(std::string_view url) {
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  size_t slash = url.find('/');
  std::vector<std::string_view> segs;
  if (slash == std::string_view::npos) return segs;
  url.remove_prefix(slash);
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty()) {
    url.remove_prefix(1);  // the slash
    size_t end = url.find('/');
    std::string_view seg = url.substr(0, end);
    if (!seg.empty()) segs.push_back(seg);
    if (end == std::string_view::npos) break;
    url.remove_prefix(end);
  }
  return segs;
}

bool IsProfile(const text::Link& link, const Lists& lists) {
  if (!lists.profile_hosts.count(link.domain)) return false;
  std::vector<std::string_view> segs = PathSegments(link.text);
  if (segs.empty()) return false;  // the platform itself
  std::string_view first = segs[0];
  if (link.domain == "youtube.com") {
    return first == "channel" || first == "user" || first == "c" || first[0] == '@';
  }
  if (first == "profile.php" || first == "pages") return true;
  return segs.size() == 1 && !IsContentSegment(first);
}

}  // namespace

void CheckLinkTargets(const Analysis& a, Hits* out) {
  // The code is what pays: a value with a digit in it ("ref=4436607",
  // "/refer/nonturtle02"). A word ("ref=politics", "ref=hl") marks where a
  // site's own link was clicked, not who gets paid for it.
  static const RE2 kReferral(
      R"([?&](?:ref|refid|ref_id|referral|referrer|refer|aff|affid|aff_id|affiliate|)"
      R"(rb|hlr|invite|invitecode|promo|promocode|rrid)=[^&#]*\d|)"
      R"(/(?:ref|refer|referral|invite|affiliate)/[^/?#]*\d)");
  bool referral = false, profile = false;
  for (const text::Link& link : a.links.links) {
    if (!referral && RE2::PartialMatch(link.text, kReferral)) {
      referral = true;
      out->push_back({"LINK_REFERRAL", 1.0, Clip(link.text)});
    }
    if (!profile && IsProfile(link, *a.lists)) {
      profile = true;
      out->push_back({"LINK_PROFILE", 1.0, Clip(link.text)});
    }
  }
}

}  // namespace tribune::spam::signals
