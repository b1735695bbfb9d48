// What the integration tests know about Tribune's pages and CLI: finding
// articles, scraping comment markup, posting the comment form the way a
// browser would.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_client.h"

namespace tribune::itest {

class TribuneServer;

struct ArticleRow {
  int64_t id = 0;
  std::string slug;
  std::string title;
  std::string state;  // "published", "draft", "unpublished"

  // "/news/{id}-{slug}": the prefix of every URL of the article.
  std::string Base() const { return "/news/" + std::to_string(id) + "-" + slug; }
  std::string PagePath() const { return Base() + ".html"; }
  std::string CommentsPath(int page) const {
    return Base() + "/comments/page/" + std::to_string(page);
  }
  std::string PostPath() const { return Base() + "/comments"; }
};

// A server config with no minimum typing time and no rate limits (the
// default challenge and screening stay); `comments` adds [comments] keys.
std::string OpenConfig(const std::string& comments = "");

// `tribune staff add NAME --db DB`; returns the password it generated ("" and
// a test failure when the command fails).
std::string AddStaff(const std::filesystem::path& db, const std::filesystem::path& work_dir,
                     const std::string& name);

// `tribune article list --db`; throws if the command fails.
std::vector<ArticleRow> ListArticles(const std::filesystem::path& db,
                                     const std::filesystem::path& work_dir);

// `tribune article add`; returns the new article as `article list` shows it.
ArticleRow AddArticle(const std::filesystem::path& db, const std::filesystem::path& work_dir,
                      const std::string& title, const std::string& body, bool closed = false);

// Polls GET `path` until it answers `status` (true) or `timeout` passes.
bool WaitForStatus(int port, const std::string& path, int status,
                   std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Scraping. Patterns are ECMAScript regexes; the helpers return group 1.
std::optional<std::string> FirstMatch(const std::string& text, const std::string& pattern);
std::vector<std::string> AllMatches(const std::string& text, const std::string& pattern);
size_t CountOf(const std::string& text, const std::string& needle);

// The N of `<h2 class="comments-count">Comments: N</h2>`; -1 if absent.
int64_t CommentsCount(const std::string& html);
// The ids of `<li class="comment" id="c{id}">`, in page order.
std::vector<int64_t> CommentIds(const std::string& html);
// The #numbers of the comment-number links, in page order.
std::vector<int64_t> CommentNumbers(const std::string& html);
// The 4 digits of `<span class="challenge">Type the digits DDDD</span>`.
std::optional<std::string> ChallengeCode(const std::string& html);
// Hidden inputs of the comment form.
HeaderList HiddenFormFields(const std::string& html);
// What a browser submits of the comment form besides the reader's input and
// the code: the hidden inputs and the empty honeypot field.
HeaderList BrowserFormFields(const std::string& html);
// Undoes the escaping of an attribute value (&amp; &quot; &lt; &gt; &#39;).
std::string UnescapeAttribute(std::string text);
// Strips "http://host" from an absolute Location so it compares as a path.
std::string LocationPath(const std::string& location);

// What a browser sends besides the reader's input: the form's hidden fields
// (token, proof-of-work slot), the empty honeypot and the challenge answer, from a fresh GET of
// the article page. Cookies the page set are added to `cookies` when given.
HeaderList FreshFormFields(int port, const ArticleRow& article, CookieJar* cookies = nullptr);

struct CommentInput {
  std::string name = "Integration Reader";
  std::string email = "reader@example.org";
  std::string body = "A thoughtful remark about the article.";
};

// A reader at a browser: GET the article page (keeping cookies), read the
// challenge and hidden fields, POST the form. `code` overrides the challenge
// answer when set. Returns the POST's response.
Response PostCommentForm(int port, const ArticleRow& article, const CommentInput& input,
                         const std::optional<std::string>& code = std::nullopt);

// POSTs `fields` (hidden fields and code, as from FreshFormFields) plus the
// reader's input to the article's form action.
Response PostForm(int port, const ArticleRow& article, HeaderList fields, const CommentInput& input,
                  const CookieJar& cookies = {});

// The id in a successful post's Location ("...?posted={id}#c{id}"), or -1.
int64_t PostedId(const Response& response);

// The article with the most comments and its count, read from its page.
struct BusiestArticle {
  ArticleRow article;
  int64_t comments = 0;
};
BusiestArticle FindBusiestArticle(int port, const std::vector<ArticleRow>& articles);

// `tribune spam explain ID --json` on the server's database: status, verdict
// and reasons (a failed command is a test failure and gives a discarded value).
nlohmann::json Explain(const TribuneServer& server, const std::filesystem::path& work_dir,
                       int64_t id);
// Whether an Explain result lists a reason with this symbol.
bool HasReason(const nlohmann::json& explained, const std::string& symbol);

// Checks well-formedness of an XML document: with xmllint when installed,
// else with a light tag-balance scan. Returns an error text, empty if fine.
std::string XmlProblems(const std::string& xml, const std::filesystem::path& work_dir);

}  // namespace tribune::itest
