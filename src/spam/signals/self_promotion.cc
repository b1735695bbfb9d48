// Self-promotion: a comment that asks readers to go to the writer's own
// channel, page or music, or to subscribe to or follow the writer. It is
// the commonest spam on video and news sites that carries no link at all
// ("check out my channel", "sub to me", "please subscribe", "help me reach
// 100 subscribers", "make money online"), and ordinary readers almost never
// write it about themselves.
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// The writer's own channel, music or subscribers, or money made online:
// what only self-promotion says ("check out my channel", "sub to me",
// "please subscribe", "my youtube channel", "make money online"). Out of
// fold it fired on fewer than one ordinary comment in 10,000 across every ham
// source, so it holds a comment by itself.
const RE2& Strong() {
  static const RE2 re(
      R"(\b()"
      R"((?:check(?:\s*out)?|visit|watch|view|see|listen\s+to|go\s+to|hear)(?:\s+and\s+(?:share|like|subscribe))?)"
      R"(\s+(?:my|our)\s+(?:new\s+|first\s+)?(?:youtube\s+)?)"
      R"((?:(?:drum|bass|guitar|piano|acoustic|vocal|violin|ukulele|dance|rap)\s+)?)"
      R"((?:channel|videos|music|songs?|covers?|tracks?|mixtape|playlist|first\s+video|parody|)"
      R"(remix(?:es)?|freestyle|beats|vlogs?|podcast|album|stream)\b)"
      R"(|(?:just\s+)?start(?:ed)?\s+(?:on\s+)?youtube\b|watch\s+my\s+first\s+video)"
      R"(|sub(?:scribe)?\s+(?:to\s+)?(?:me|my\s+channel)\b|sub\s*4\s*sub|subscribe\s+to\s+(?:my|our)\b)"
      R"(|(?:my|our)\s+(?:youtube\s+)?channel|(?:please|pls|plz|pleas)\s+(?:subscribe|sub))"
      // Not "please subscribe to the print edition": readers urge newspapers too.
      R"((?:\s*[!.,:)]|\s*$|\s+(?:me|my|and|for|guys|plz|please|pls|thanks|thx|now|to\s+(?:me|my|our|this\s+channel))\b))"
      R"(|(?:i'?m|i\s+am)\s+a\s+new\s+youtuber)"
      R"(|(?:like|watch|shares?|check(?:\s*out)?|sub(?:scribe)?\s+to)\s+(?:and\s+(?:like|share|subscribe)\s+)?(?:my|our)\s+)"
      R"((?:new\s+)?(?:vids?|vidios?|videos?|music\s*videos?|musicvideo|remix(?:es)?)\b)"
      R"(|subscribe\s+and\s+like\s+my\b|check\s+out\s+this\s+(?:video|playlist|channel)\s+on\s+youtube)"
      R"(|help\s+me\s+(?:reach|get\s+to|hit|get)\s+\d[\d,.]*k?\s+(?:subs|subscribers)\b)"
      // "road to 10k subscribers, help me out": the writer's own milestone.
      R"(|(?:road\s+to|so\s+close\s+to|trying\s+to\s+(?:get|reach|hit)|almost\s+at)\s+\d[\d,.]*\s*k?\s+)"
      R"((?:subs|subscribers|followers)\b.{0,40}?\b(?:help\s+(?:me|us)|support\s+me|sub\s+to\s+me)\b)"
      R"(|(?:if|when|once)\s+i\s+(?:get|reach|hit)\s+\d[\d,.]*k?\s+(?:subs|subscribers)\b)"
      R"(|(?:just\s+)?start(?:ed)?\s+(?:up\s+)?(?:a|my)\s+(?:new\s+|first\s+|own\s+)*(?:youtube\s+|yt\s+)?channel\b)"
      R"(|(?:come|go)\s+(?:and\s+)?subscribe(?:\s*[!.,)]|\s*$|\s+(?:to\s+(?:me|my|our|this\s+channel)|and\s+like|now|guys)\b))"
      R"(|(?:subcribe|subscibe|sucscribe|suscribe|subscrib)\s+(?:to\s+)?(?:me|my)\b)"
      R"(|(?:i'?m|i\s+am)\s+getting\s+(?:popular|known|famous)\s+fast\s+because)"
      R"(|sub(?:scribe)?\s*(?:4|for)\s*sub|i'?ll\s+sub(?:scribe)?\s+(?:back|to\s+you)|\bsub\s+back\b)"
      // "it would mean the world if you could subscribe", "i would really
      // appreciate if i got some subs", "subscribe for me".
      R"(|(?:would|will|it'?d|it'?ll)\s+mean\s+(?:the\s+world|a\s+lot|so\s+much)\s+(?:to\s+me\s+)?)"
      R"(if\s+(?:you|u|anyone|you\s+guys|people)\s+(?:could\s+|would\s+|can\s+)?(?:sub|subscribe)\b)"
      R"(|appreciate\s+(?:it\s+)?if\s+(?:i\s+(?:got|get|could\s+get)|you\s+(?:could|would)\s+give\s+me))"
      R"(\s+(?:some\s+|a\s+few\s+|more\s+)?(?:subs|subscribers|views)\b|subscribe\s+for\s+me\b)"
      // "go check out my rapping video", "check out our awesome covers",
      // "chacking out my rap": a few words between "my" and the work.
      R"(|(?:check(?:ing)?(?:\s*out)?|ch[ae]ck\w*\s+out|go\s+check|visit|watch|listen\s+to|hear)\s+)"
      R"((?:out\s+)?(?:my|our)\s+(?:\S+\s+){0,3}?(?:channel|videos?|music|songs?|covers?|tracks?|raps?|beats?|)"
      R"(remix(?:es)?|mixtape|playlist|vlogs?)\b)"
      R"(|(?:make|making|earn|earning)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|some\s+|extra\s+|real\s+|easy\s+)?)"
      R"((?:money|cash|income|\$\s?\d[\d,]*)\s+(?:online|from\s+home|on\s+the\s+internet|by\s+internet))"
      // A paid trading group of the writer's: "join my VIP signals group",
      // "dropped this trade in my VIP group", "VIP group … DM me to join".
      R"(|(?:my|our)\s+(?:free\s+|private\s+|paid\s+)?vip\s+(?:signals?\s+|trading\s+)?(?:group|channel|chat|room)\b)"
      R"(|(?:join|in)\s+(?:my|our)\s+(?:free\s+|private\s+|paid\s+)?(?:vip\s+)?(?:signals?|trading|forex|crypto))"
      R"(\s+(?:group|channel|community|room)\b)"
      R"(|\bvip\s+(?:signals?\s+)?group\b.{0,80}?\b(?:dm|message|inbox|telegram|whatsapp|to\s+join)\b)"
      // A creator's own goal or plea: "my goal is 1000 subs by christmas",
      // "a like or sub would make my day", "small youtuber trying to grow".
      R"(|my\s+goal\s+is\s+(?:to\s+(?:reach|get|hit)\s+)?\d[\d,.]*\s*k?\s+(?:subs|subscribers|followers)\b)"
      R"(|(?:like|sub|subscribe)\s+(?:or|and|&)\s+(?:a\s+)?(?:sub|subscribe|like)\s+would\s+)"
      R"((?:really\s+)?(?:make\s+my\s+day|mean\s+(?:a\s+lot|the\s+world|so\s+much)\s+to\s+me|help\s+(?:me|my\s+channel))\b)"
      R"(|(?:i'?m|i\s+am|im)\s+(?:just\s+)?a\s+small\s+(?:youtuber|yt|creator|content\s+creator|channel|)"
      R"(streamer)\s+trying\s+to\s+grow\b)"
      // "I made a reaction video to this, go watch it", "I upload montages
      // daily, go check them out": the writer's work, then the reader sent to it.
      R"(|(?:i|we)\s+(?:made|did|recorded|uploaded|posted)\s+an?\s+(?:reaction|response|cover|remix|parody|)"
      R"(tribute|review)\s+(?:video\s+)?(?:to|of|on|for)\s+this\b.{0,40}?\b(?:go|come|pls|please|plz)\s+)"
      R"((?:watch|check|see)\b)"
      R"(|\bi\s+(?:upload|stream|post)\b.{0,60}?\b(?:go|come)\s+check\s+(?:them|em|me)\s+out\b)"
      R"(|check\s+(?:out\s+)?the\s+(?:video|vid|song|track)\s+i\s+just\s+(?:uploaded|dropped)\b)"
      // The writer's version of the video's song, or first video, pointed at:
      // "I did a piano version, it's on my page", "just posted my first video
      // too", "I just made a song inspired by this".
      R"(|(?:did|made|recorded)\s+an?\s+(?:\w+\s+)?(?:version|cover|remix)\b.{0,40}?\bon\s+my\s+)"
      R"((?:page|channel|profile)\b)"
      R"(|just\s+(?:posted|uploaded|dropped)\s+my\s+(?:very\s+)?first\s+(?:video|vid|song|track|cover))"
      R"((?:\s+(?:too|on\s+youtube|on\s+my\s+channel))?\s*(?:[,.!?]|$))"
      R"(|\b(?:i|we)\s+(?:just\s+)?(?:made|wrote|recorded)\s+a\s+(?:song|track|beat|cover|remix)\s+)"
      R"((?:inspired\s+by|based\s+on)\s+this\b)"
      // "I also make gaming content, would love if you checked it out", "I
      // make lofi beats, link in bio", "visit my profile to see my drawings".
      R"(|\bi\s+(?:also\s+)?(?:make|produce|do|post)\s+(?:\w+\s+){0,2}(?:content|videos|vids|music|beats|)"
      R"(songs|covers|art|drawings|edits|animations)\b.{0,60}?\b(?:check(?:ed)?\s+(?:it|me|them)\s+out|)"
      R"(gave\s+(?:it|me)\s+a\s+(?:listen|look|watch|chance)|links?\s+(?:is\s+)?in\s+(?:my\s+)?bio|)"
      R"(links?\s+(?:is\s+)?in\s+my\s+(?:profile|description))\b)"
      R"(|visit\s+my\s+(?:profile|page|channel)\s+to\s+(?:see|watch|hear|check)\b)"
      R"(|\bmy\s+(?:videos|vids|songs|covers|tracks|beats)\s+(?:are|is)\b.{0,40}?\b(?:check\s+(?:them|em)\s+out|)"
      R"(give\s+(?:them|em)\s+a\s+(?:listen|look|watch))\b)"
      R"(|(?:youtuber|streamer|rapper|singer|artist|creator)\b.{0,30}?\b(?:please|pls|plz)\s+support\s+me\b)"
      // "register with my code", "DM \"START\" to learn how", "comment \"INFO\"
      // and I'll send the link": a referral, or a keyword to send the writer.
      // Only as a command opening a clause: "the app won't let me sign up
      // with my referral code" is a reader's trouble.
      R"(|(?:^|[.!?,;:]\s*|\bnow\s+|\bjust\s+))"
      R"((?:register|sign\s*up|join)\s+(?:with|using|via)\s+my\s+(?:referral\s+|invite\s+)?(?:code|link)\b)"
      R"(|\bdm\s+(?:me\s+)?["“'][a-z]+["”']\s+(?:to|for)\s+(?:learn|get|know|start|join|receive|more)\b)"
      R"(|\bcomment\s+["“'][a-z]+["”']\s+and\s+i'?ll\b)"
      R"())"
      // "переходи в мой канал", "подписывайтесь на мой канал" (outside the
      // group: \b is ASCII's word boundary, Cyrillic has none).
      R"(|(?:переходи(?:те)?|заходи(?:те)?|подписывайся|подписывайтесь|подпишись|подпишитесь|вступай(?:те)?))"
      R"(\s+(?:в|на|ко?)\s+)"
      R"((?:мой|мою|мне|наш|нашу)\s+(?:канал\pL*|групп\pL*|тг|телеграм\pL*|профил\pL*|блог\pL*|)"
      R"(страниц\pL*|паблик\pL*))",
      RuleOptions());
  return Checked(re);
}

// The rest: pointers at the writer's page, app or work that readers write
// now and then about themselves ("my app", "follow me", "a song I wrote").
const RE2& Weak() {
  static const RE2 re(
      R"(\b()"
      R"(check(?:\s*out|\s+me\s+out)?\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|site|website|covers?|tracks?|mixtape|account|stuff))"
      R"(|(?:visit|watch|view|see|listen\s+to|go\s+to|hear)\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|website|covers?|tracks?|mixtape))"
      R"(|sub(?:scribe)?\s+(?:to\s+)?us\b|follow\s+me\b)"
      R"(|(?:please|pls|plz)\s+(?:like|share|check(?:\s+out)?|watch|visit|follow)\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|website|covers?|tracks?|mixtape|account|)"
      R"(instagram|insta|twitter|facebook|tiktok|twitch|soundcloud)\b)"
      R"(|(?:please|pls|plz)\s+(?:follow|add|check\s+out)\s+me\b)"
      R"(|vote\s+for\s+(?:me|my\s+(?:video|photo|pic|picture|entry|song|cover|design|channel))\b|check\s+me\s+out\b)"
      R"(|(?:add|message|text|contact|hit)\s+me\s+(?:up\s+)?(?:on|at)\b)"
      R"(|free\s+(?:\w+\s+){0,2}gift\s*cards?\b|free\s+(?:followers|views|subscribers|likes)\b)"
      R"(|links?\s+(?:is\s+)?in\s+(?:my\s+)?bio\b|links?\s+(?:is\s+)?in\s+my\s+(?:profile|description|channel)\b)"
      R"(|(?:i'?m|i\s+am)\s+a\s+new\s+(?:artist|rapper|singer|musician|streamer|creator)\b)"
      R"(|\bi\s+(?:post|upload|make)\s+(?:similar|the\s+same)\s+(?:stuff|content|videos|things)\b)"
      R"(|support\s+(?:a\s+)?small\s+(?:artists?|creators?|youtubers?|channels?|streamers?|musicians?)\b)"
      R"(|my\s+new\s+(?:song|single|track|video|album|ep|mixtape)\s+is\s+(?:out|up)\b)"
      R"(|(?:i'?m|i\s+am|we'?re|we\s+are)\s+start(?:ing)?\s+a\s+(?:new\s+)?(?:podcast|vlog|youtube\s+channel)\b)"
      // The share text of the video app, pasted under someone else's video
      // (cut short too: "on YouTub").
      R"(|take\s+a\s+look\s+at\s+this\s+video\s+on\s+youtube?\b)"
      // Someone else's channel or song pointed at by name: "check out this
      // guy named … on youtube", "search up ej ba dancing on youtube".
      R"(|(?:check\s+out|search\s+(?:up|for)|look\s+up)\s+(?:\S+\s+){0,6}?on\s+youtube\b)"
      R"(|subscribe\s+if\s+(?:you'?re|you\s+are|u\s+are|ur)\s+(?:still\s+)?(?:watching|listening)\b)"
      R"(|(?:reach|get\s+to|hit|gain)\s+\d[\d,.]*k?\s+(?:subs|subscribers|followers|views|likes)\b)"
      R"(|if\s+i\s+get\s+\d[\d,.]*k?\s+(?:subs|subscribers|followers)\b)"
      R"(|get\s+paid\s+(?:up\s*to|\$|to\s+(?:mess|play|chat|watch)))"
      R"(|give\s+(?:me|my\s+\w+)\s+a\s+(?:chance|try|listen))"
      // A creator pointing at their own work: "a song I wrote", "my playlist".
      R"(|(?:song|track|mix|beat|video|playlist|app|game|book|poem|cover)s?\s+(?:that\s+)?)"
      R"((?:i|we)\s+(?:wrote|made|recorded|produced|sing|sang|created|uploaded|just\s+released))"
      R"(|\bmy\s+(?:new\s+|debut\s+|latest\s+)?(?:playlist|mixtape|soundcloud|album|ep|single|app)\b)"
      R"(|check\s+(?:this|my|our)\s+(?:awesome|cool|new|amazing|sick|dope)?\s*)"
      R"((?:song|track|mix|beat|video|playlist|app|game|channel|page)\b)"
      R"(|(?:check|follow)\s+(?:me|him|her|us|them)\s+(?:out\s+)?on\s+)"
      R"((?:youtube|twitch|soundcloud|instagram|insta|tiktok|twitter|facebook|spotify)\b)"
      R"())"
      // Followers and views sold in Russian: "накрутка подписчиков", "раскрутка
      // канала, живые подписчики" (outside the group: \b is ASCII's word
      // boundary, Cyrillic has none).
      R"(|накрутк\pL*\s+(?:\pL+\s+){0,1}(?:подписчик\pL*|лайк\pL*|просмотр\pL*|реакци\pL*|отзыв\pL*|живых))"
      R"(|ссылк\pL*\s+в\s+(?:профиле|био|шапке))"
      R"(|раскрутк\pL*\s+(?:\pL+\s+){0,1}(?:канал\pL*|групп\pL*|аккаунт\pL*|страниц\pL*|инстаграм\pL*|)"
      R"(тикток\pL*|ютуб\pL*))",
      RuleOptions());
  return Checked(re);
}

// A viewer cheering someone else's audience: "congrats on 10 million
// subscribers", "you deserve more subscribers", "road to 1M subs". Video
// spam asks for subscribers; viewers count them for the creator. Only when
// the writer points at no channel of their own.
const RE2& Milestone() {
  static const RE2 re(
      R"(\b()"
      R"((?:congrat\w*|grats|well\s+deserved|deserves?|deserved|so\s+close\s+to|road\s+to|)"
      R"(you(?:'ll|\s+will)\s+(?:reach|hit|get\s+to)|(?:he|she|they|this\s+channel|this\s+guy)\s+)"
      R"((?:will|should|deserves?)))"
      R"(\b.{0,40}?\b(?:subs|subscribers|followers)\b)"
      R"(|\d[\d,.]*\s*(?:k|m|million|thousand)?\s+(?:subs|subscribers|followers)\b.{0,30}?)"
      R"(\b(?:congrat\w*|well\s+deserved|deserve[sd]?|proud|keep\s+it\s+up|keep\s+going)\b)"
      R"())",
      RuleOptions());
  return Checked(re);
}

constexpr double kStrongStrength = 2.75;

// A comment that opens by sending readers to something named, without a
// link: "CHECK OUT partyman318", "go check out eminem survival", "also
// check out D.j.j". Video spam points at a channel this way; readers who
// recommend something name it with a determiner ("check out the live
// version", "check out this answer") or link it.
bool OpensWithNamedPointer(const Analysis& a, std::string* named) {
  static const RE2 re(
      R"(^\W*(?:(?:also|and|everyone|everybody|guys|hey|yo|go|you\s+should|u\s+should|)"
      R"(y'?all\s+should|all\s+(?:of\s+)?(?:you|u)\s+should|pls|please|plz)\W+){0,3})"
      R"(check\s*out\W+(\w[\w.'-]*))",
      RuleOptions());
  if (!a.links.links.empty() || !MayMatch(a.folded_body, Checked(re))) return false;
  if (!RE2::PartialMatch(a.folded_body, re, named)) return false;
  static constexpr std::string_view kDeterminers[] = {
      "the",  "this",  "these", "those", "that", "it",    "my",   "our",  "some", "a",
      "an",   "at",    "his",   "her",   "their", "your", "its",  "what", "how",  "why",
      "all",  "any",   "more",  "other", "both",  "each", "one",  "two",  "out",  "if",
      "here", "there", "who",   "which", "when",  "where", "me",  "us",   "them", "him"};
  return std::ranges::find(kDeterminers, *named) == std::end(kDeterminers);
}

}  // namespace

void CheckSelfPromotion(const Analysis& a, Hits* out) {
  std::string_view m;
  if (Find(a.folded_body, Strong(), &m)) {
    out->push_back({"SELF_PROMOTION", kStrongStrength, Clip(m)});
  } else if (Find(a.folded_body, Milestone(), &m)) {
    out->push_back({"FAN_MILESTONE", 1.0, Clip(m)});
  } else if (Find(a.folded_body, Weak(), &m)) {
    out->push_back({"SELF_PROMOTION", 1.0, Clip(m)});
  } else if (std::string named; OpensWithNamedPointer(a, &named)) {
    out->push_back({"SELF_PROMOTION", 1.0, Clip("check out " + named)});
  }
}

}  // namespace tribune::spam::signals
