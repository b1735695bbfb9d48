// A reader's comment and its moderation status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tribune::site {

// In rising severity: comparisons with < and std::max rely on the order.
enum class CommentStatus { kPublished, kHeld, kSpam, kDeleted };

std::string_view StatusName(CommentStatus s);
std::optional<CommentStatus> ParseStatus(std::string_view name);

// The decisions a moderator can take on a comment in status `s`: "approve",
// "spam", "campaign" (spam with its campaign), "restore", "delete".
std::vector<std::string_view> ModerationChoices(CommentStatus s);

// Why a comment got its status: the spam engine's verdict, stored with it.
struct Screening {
  std::string action;         // "publish", "hold", "spam", "discard"; empty: not screened
  double score = 0;
  std::string reasons_json;   // [{"symbol","score","evidence"}...]
  std::string model_version;
};

struct Comment {
  int64_t id = 0;
  int64_t article_id = 0;
  int64_t number = 0;         // #N in publication order on its article; 0 until published
  CommentStatus status = CommentStatus::kPublished;
  std::string author;
  std::string email;          // never shown on a page
  std::string body_source;    // BBCode as written
  std::string body_html;      // rendered for guests
  std::string body_html_member;  // rendered for signed-in readers ([hide] shown)
  std::string body_text;      // plain text of the same parse
  std::string ip;
  std::string user_agent;
  int64_t created_at = 0;     // Unix seconds
  Screening screening;
  std::string moderator_label;  // "ham", "spam" or "" (no decision yet)
  int64_t edited_at = 0;      // Unix seconds of the author's last edit; 0: never edited
  int64_t reply_to = 0;       // the id of the comment this one answers; 0: none
  int64_t reply_to_number = 0;  // that comment's #N
  int64_t reader_id = 0;      // the signed-in reader who wrote it; 0: a guest
};

// A published reply to a comment, as the answered comment links to it.
struct ReplyLink {
  int64_t to = 0;       // the answered comment's id
  int64_t id = 0;       // the reply's id
  int64_t number = 0;   // the reply's #N
};

// What a comment needs to be stored: the validated input, already rendered.
struct NewComment {
  int64_t article_id = 0;
  CommentStatus status = CommentStatus::kPublished;
  std::string author, email, body_source, body_html, body_html_member, body_text;
  std::string ip, user_agent;
  int64_t created_at = 0;
  int64_t reply_to = 0, reply_to_number = 0;  // see Comment
  int64_t reader_id = 0;
  int64_t dedupe_after = 0;   // an identical comment created after this time is returned instead
  Screening screening;
  // The nonce of the form token this comment was posted with ("" for none),
  // recorded as spent with it until the token would have expired anyway.
  std::string form_nonce;
  int64_t form_nonce_expires = 0;
};

// An author's edit of a comment, already validated, rendered and screened.
struct CommentEdit {
  std::string body_source, body_html, body_html_member, body_text;
  CommentStatus status = CommentStatus::kPublished;  // the status after the edit
  Screening screening;
  int64_t edited_at = 0;
};

// A text a comment had before an edit replaced it.
struct CommentRevision {
  std::string body_source;
  Screening screening;        // the verdict that text had
  int64_t replaced_at = 0;
};

// The outcome of storing one NewComment.
// A moderator's search over comments of every status. Empty fields do not
// narrow it; text fields match anywhere, case-insensitively (ASCII letters).
struct CommentQuery {
  std::string text;        // in the comment's plain text
  std::string author;      // in the name
  std::string email;       // the whole address
  std::string address;     // the start of the IP address ("203.0.113." for a /24)
  std::string domain;      // a link domain in the comment's source ("casino.example")
  std::optional<CommentStatus> status;
  int64_t since = 0;       // created at or after (0: no bound)
  int64_t until = 0;       // created before (0: no bound)
  int64_t limit = 100;
};

struct StoredComment {
  Comment comment;
  bool duplicate = false;     // an identical earlier submission was found and returned
};

}  // namespace tribune::site
