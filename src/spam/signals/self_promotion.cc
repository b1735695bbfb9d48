// Self-promotion: a comment that asks readers to go to the writer's own
// channel, page or music, or to subscribe to or follow the writer. It is
// the commonest spam on video and news sites that carries no link at all
// ("check out my channel", "sub to me", "please subscribe", "help me reach
// 100 subscribers", "make money online"), and ordinary readers almost never
// write it about themselves.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckSelfPromotion(const Analysis& a, Hits* out) {
  static const RE2 kPromotion(
      R"(\b()"
      R"(check(?:\s*out|\s+me\s+out)?\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|site|website|covers?|tracks?|mixtape|account|stuff))"
      R"(|(?:visit|watch|view|see|listen\s+to|go\s+to|hear)\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|website|covers?|tracks?|mixtape))"
      R"(|sub(?:scribe)?\s+(?:to\s+)?(?:me|my\s+channel|us)\b|follow\s+me\b)"
      R"(|sub\s*4\s*sub|subscribe\s+to\s+(?:my|our)|(?:my|our)\s+(?:youtube\s+)?channel)"
      R"(|(?:please|pls|plz)\s+(?:subscribe|sub)\b)"
      R"(|(?:please|pls|plz)\s+(?:like|share|check(?:\s+out)?|watch|visit|follow)\s+(?:my|our)\s+(?:new\s+)?)"
      R"((?:channel|videos?|music|songs?|page|profile|blog|website|covers?|tracks?|mixtape|account|)"
      R"(instagram|insta|twitter|facebook|tiktok|twitch|soundcloud)\b)"
      R"(|(?:please|pls|plz)\s+(?:follow|add|check\s+out)\s+me\b)"
      R"(|vote\s+for\s+(?:me|my\s+(?:video|photo|pic|picture|entry|song|cover|design|channel))\b|check\s+me\s+out\b|(?:i'?m|i\s+am)\s+a\s+new\s+youtuber)"
      R"(|(?:add|message|text|contact|hit)\s+me\s+(?:up\s+)?(?:on|at)\b)"
      R"(|free\s+(?:gift\s*cards?|followers|views|subscribers|likes)\b)"
      R"(|(?:reach|get\s+to|hit|gain)\s+\d[\d,.]*k?\s+(?:subs|subscribers|followers|views|likes)\b)"
      R"(|if\s+i\s+get\s+\d[\d,.]*k?\s+(?:subs|subscribers|followers)\b)"
      R"(|(?:make|making|earn|earning)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|some\s+|extra\s+|real\s+|easy\s+)?)"
      R"((?:money|cash|income|\$\s?\d[\d,]*)\s+(?:online|from\s+home|on\s+the\s+internet|by\s+internet))"
      R"(|get\s+paid\s+(?:up\s*to|\$|to\s+(?:mess|play|chat|watch)))"
      R"(|give\s+(?:me|my\s+\w+)\s+a\s+(?:chance|try|listen))"
      // A creator pointing at their own work: "a song I wrote", "my playlist".
      R"(|(?:song|track|mix|beat|video|playlist|app|game|book|poem|cover)s?\s+(?:that\s+)?)"
      R"((?:i|we)\s+(?:wrote|made|recorded|produced|sing|sang|created|uploaded|just\s+released))"
      R"(|\bmy\s+(?:new\s+)?(?:playlist|mixtape|soundcloud|album|ep|single|app)\b)"
      R"(|check\s+(?:this|my|our)\s+(?:awesome|cool|new|amazing|sick|dope)?\s*)"
      R"((?:song|track|mix|beat|video|playlist|app|game|channel|page)\b)"
      R"(|(?:check|follow)\s+(?:me|him|her|us|them)\s+(?:out\s+)?on\s+)"
      R"((?:youtube|twitch|soundcloud|instagram|insta|tiktok|twitter|facebook|spotify)\b)"
      R"())", RuleOptions());
  re2::StringPiece match;
  if (RE2::PartialMatch(a.folded_body, kPromotion, &match)) {
    out->push_back({"SELF_PROMOTION", 1.0, Clip(std::string_view(match.data(), match.size()))});
  }
}

}  // namespace tribune::spam::signals
