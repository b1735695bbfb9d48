// What the parts of CommentService (comment_service.cc, screening.cc,
// posting.cc, editing.cc) share. Not for use outside src/comments/.
#pragma once

#include <cctype>
#include <cstdint>
#include <string>

#include "site/comment.h"
#include "spam/verdict.h"

namespace tribune::comments::internal {

inline constexpr int kMaxExtraBits = 6;
inline constexpr int kWaveBits = 2;           // extra work for new commenters during a spam wave
inline constexpr int kMaxEdits = 10;          // edits of one comment
inline constexpr int64_t kEditGraceS = 60;    // a form opened in the window may be sent this
                                              // much later (at most the window itself)
inline constexpr double kWaveThreshold = 20;  // spam verdicts in about a minute: a wave

inline site::CommentStatus StatusFor(spam::Action a) {
  switch (a) {
    case spam::Action::kPublish: return site::CommentStatus::kPublished;
    case spam::Action::kHold: return site::CommentStatus::kHeld;
    case spam::Action::kSpam: return site::CommentStatus::kSpam;
    case spam::Action::kDiscard: return site::CommentStatus::kDeleted;
  }
  return site::CommentStatus::kHeld;
}

inline std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace tribune::comments::internal
