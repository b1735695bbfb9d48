#include "site/comment.h"

namespace tribune::site {

std::string_view StatusName(CommentStatus s) {
  switch (s) {
    case CommentStatus::kPublished: return "published";
    case CommentStatus::kHeld: return "held";
    case CommentStatus::kSpam: return "spam";
    case CommentStatus::kDeleted: return "deleted";
  }
  return "published";
}

std::optional<CommentStatus> ParseStatus(std::string_view name) {
  for (auto s : {CommentStatus::kPublished, CommentStatus::kHeld, CommentStatus::kSpam,
                 CommentStatus::kDeleted}) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::vector<std::string_view> ModerationChoices(CommentStatus s) {
  switch (s) {
    case CommentStatus::kHeld: return {"approve", "spam", "campaign", "delete"};
    case CommentStatus::kPublished: return {"spam", "campaign", "delete"};
    case CommentStatus::kSpam: return {"restore", "delete"};
    case CommentStatus::kDeleted: return {"restore"};
  }
  return {};
}

}  // namespace tribune::site
