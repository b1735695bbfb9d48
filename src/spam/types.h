// The spam engine's public value types: what goes in, what comes out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tribune::spam {

// One comment as the site sees it at posting time.
struct CommentInput {
  std::string author;
  std::string email;
  std::string body;      // plain text (BBCode converted to text, URLs kept)
  std::string raw_body;  // as typed, BBCode/HTML included; may be empty
  std::string article_title;
  std::string article_body;  // plain text of the article; may be empty
  std::string ip;
  std::string user_agent;
};

// What the site does with a comment, in increasing severity.
enum class Action { kPublish, kHold, kSpam, kDiscard };

// "publish", "hold", "spam", "discard".
std::string_view ActionName(Action action);

// One piece of explanation: a named check that fired, what it added to the
// score (negative = evidence for ham) and what it saw.
struct Reason {
  std::string symbol;  // UPPER_SNAKE
  double score = 0;
  std::string evidence;
};

struct Verdict {
  Action action = Action::kPublish;
  double score = 0;             // the sum of all reasons' scores
  std::vector<Reason> reasons;  // highest |score| first
  std::string model_version;
};

}  // namespace tribune::spam
