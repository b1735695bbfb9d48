#include "site_helpers.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "tribune_process.h"

namespace tribune::itest {
namespace {

namespace fs = std::filesystem;

std::vector<ArticleRow> ParseArticleList(const std::string& out) {
  std::vector<ArticleRow> rows;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    ArticleRow row;
    row.id = std::stoll(line.substr(0, t1));
    row.slug = line.substr(t1 + 1, t2 - t1 - 1);
    size_t t3 = line.find('\t', t2 + 1);  // then the state
    row.title = line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1);
    if (t3 != std::string::npos) row.state = line.substr(t3 + 1);
    rows.push_back(row);
  }
  return rows;
}

std::string Describe(const ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + (r.timed_out ? " (timed out)" : "") +
         "\nstdout: " + r.out + "\nstderr: " + r.err;
}

// Light well-formedness scan: balanced tags, no stray '<' or '&'.
std::string ScanXml(const std::string& xml) {
  std::vector<std::string> stack;
  size_t i = 0;
  while ((i = xml.find_first_of("<&", i)) != std::string::npos) {
    if (xml[i] == '&') {
      size_t semi = xml.find(';', i);
      if (semi == std::string::npos || semi - i > 10)
        return "bare '&' at offset " + std::to_string(i);
      i = semi + 1;
      continue;
    }
    auto skip_to = [&](const char* end) {
      size_t e = xml.find(end, i);
      return e == std::string::npos ? std::string::npos : e + std::strlen(end);
    };
    size_t next;
    if (xml.compare(i, 4, "<!--") == 0) {
      next = skip_to("-->");
    } else if (xml.compare(i, 9, "<![CDATA[") == 0) {
      next = skip_to("]]>");
    } else if (xml.compare(i, 2, "<?") == 0 || xml.compare(i, 2, "<!") == 0) {
      next = skip_to(">");
    } else {
      size_t close = xml.find('>', i);
      if (close == std::string::npos) return "unterminated tag at offset " + std::to_string(i);
      std::string tag = xml.substr(i + 1, close - i - 1);
      if (tag.find('<') != std::string::npos) return "'<' inside a tag: " + tag;
      if (!tag.empty() && tag[0] == '/') {
        std::string name = tag.substr(1, tag.find_first_of(" \t\r\n", 1) - 1);
        if (stack.empty() || stack.back() != name) return "unbalanced </" + name + ">";
        stack.pop_back();
      } else if (tag.empty() || tag.back() != '/') {
        stack.push_back(tag.substr(0, tag.find_first_of(" \t\r\n")));
      }
      next = close + 1;
    }
    if (next == std::string::npos) return "unterminated markup at offset " + std::to_string(i);
    i = next;
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  return "";
}

}  // namespace

std::string OpenConfig(const std::string& comments) {
  return "[comments]\nmin_seconds = 0\n" + comments +
         "[limits]\nper_prefix_per_minute = 1e9\nper_email_per_minute = 1e9\n"
         "per_name_per_minute = 1e9\nper_article_per_minute = 1e9\n";
}

std::string AddStaff(const std::filesystem::path& db, const std::filesystem::path& work_dir,
                     const std::string& name) {
  ProcessResult r = RunTribune({"staff", "add", name, "--db", db.string()}, work_dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto pw = FirstMatch(r.out, R"(password: (\S+))");
  EXPECT_TRUE(pw.has_value()) << r.out;
  return pw.value_or("");
}

std::vector<ArticleRow> ListArticles(const fs::path& db, const fs::path& work_dir) {
  ProcessResult r = RunTribune({"article", "list", "--db", db.string()}, work_dir);
  if (r.exit_code != 0) throw std::runtime_error("tribune article list failed: " + Describe(r));
  return ParseArticleList(r.out);
}

ArticleRow AddArticle(const fs::path& db, const fs::path& work_dir, const std::string& title,
                      const std::string& body, bool closed) {
  static int counter = 0;
  fs::path body_file = work_dir / ("article-body-" + std::to_string(++counter) + ".txt");
  WriteFile(body_file, body);
  std::vector<std::string> args{"article", "add", "--db",        db.string(),
                                "--title", title, "--body-file", body_file.string()};
  if (closed) args.push_back("--closed");
  ProcessResult r = RunTribune(args, work_dir);
  if (r.exit_code != 0) throw std::runtime_error("tribune article add failed: " + Describe(r));
  int64_t id = std::stoll(r.out);
  for (const ArticleRow& row : ListArticles(db, work_dir)) {
    if (row.id == id) return row;
  }
  throw std::runtime_error("article " + std::to_string(id) + " missing from article list");
}

bool WaitForStatus(int port, const std::string& path, int status,
                   std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (Get(port, path).status == status) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::optional<std::string> FirstMatch(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return std::nullopt;
  return m.size() > 1 ? m[1].str() : m[0].str();
}

std::vector<std::string> AllMatches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back(it->size() > 1 ? (*it)[1].str() : (*it)[0].str());
  }
  return out;
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t i = text.find(needle); i != std::string::npos; i = text.find(needle, i + 1)) ++n;
  return n;
}

int64_t CommentsCount(const std::string& html) {
  auto n = FirstMatch(html, R"(<h2 class="comments-count">Comments: (\d+)</h2>)");
  return n ? std::stoll(*n) : -1;
}

std::vector<int64_t> CommentIds(const std::string& html) {
  std::vector<int64_t> out;
  for (const auto& s : AllMatches(html, R"re(<li class="comment" id="c(\d+)")re")) {
    out.push_back(std::stoll(s));
  }
  return out;
}

std::vector<int64_t> CommentNumbers(const std::string& html) {
  std::vector<int64_t> out;
  for (const auto& s : AllMatches(html, R"(<a class="comment-number" href="#c\d+">#(\d+)</a>)")) {
    out.push_back(std::stoll(s));
  }
  return out;
}

std::optional<std::string> ChallengeCode(const std::string& html) {
  return FirstMatch(html, R"(<span class="challenge">Type the digits (\d{4})</span>)");
}

HeaderList HiddenFormFields(const std::string& html) {
  HeaderList out;
  size_t start = html.find("<form id=\"comment-form\"");
  if (start == std::string::npos) return out;
  std::string form = html.substr(start, html.find("</form>", start) - start);
  std::regex input(R"(<input[^>]*type="hidden"[^>]*>)");
  for (auto it = std::sregex_iterator(form.begin(), form.end(), input);
       it != std::sregex_iterator(); ++it) {
    std::string tag = it->str();
    auto name = FirstMatch(tag, R"re(name="([^"]*)")re");
    auto value = FirstMatch(tag, R"re(value="([^"]*)")re");
    if (name) out.emplace_back(UnescapeAttribute(*name), UnescapeAttribute(value.value_or("")));
  }
  return out;
}

std::string UnescapeAttribute(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&quot;", "\""}, {"&#39;", "'"},  {"&#x27;", "'"}, {"&lt;", "<"},
      {"&gt;", ">"},    {"&#34;", "\""}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t i = text.find(from); i != std::string::npos; i = text.find(from, i + 1)) {
      text.replace(i, std::strlen(from), to);
    }
  }
  return text;
}

std::string LocationPath(const std::string& location) {
  std::smatch m;
  static const std::regex kAbsolute(R"(^https?://[^/]+(/.*)$)");
  if (std::regex_match(location, m, kAbsolute)) return m[1].str();
  return location;
}

HeaderList FreshFormFields(int port, const ArticleRow& article, CookieJar* cookies) {
  Response page = Get(port, article.PagePath());
  if (page.status != 200) {
    throw std::runtime_error("GET " + article.PagePath() + " answered " +
                             std::to_string(page.status));
  }
  if (cookies) cookies->Store(page);
  auto challenge = ChallengeCode(page.body);
  if (!challenge) throw std::runtime_error("no challenge on " + article.PagePath());
  HeaderList fields = BrowserFormFields(page.body);
  fields.emplace_back("code", *challenge);
  return fields;
}

HeaderList BrowserFormFields(const std::string& html) {
  HeaderList fields = HiddenFormFields(html);
  // The trap field is a text input a person never sees: a browser sends it empty.
  auto trap = FirstMatch(html, R"re(<p class="hp"[^>]*><label>[^<]*<input name="([^"]+)")re");
  if (trap) fields.emplace_back(*trap, "");
  return fields;
}

Response PostCommentForm(int port, const ArticleRow& article, const CommentInput& input,
                         const std::optional<std::string>& code) {
  CookieJar jar;
  HeaderList fields = FreshFormFields(port, article, &jar);
  if (code) fields.back().second = *code;
  return PostForm(port, article, std::move(fields), input, jar);
}

Response PostForm(int port, const ArticleRow& article, HeaderList fields, const CommentInput& input,
                  const CookieJar& jar) {
  fields.emplace_back("name", input.name);
  fields.emplace_back("email", input.email);
  fields.emplace_back("body", input.body);
  Request post{"POST",
               article.PostPath(),
               {{"Content-Type", "application/x-www-form-urlencoded"}},
               FormEncode(fields)};
  if (!jar.HeaderValue().empty()) post.headers.emplace_back("Cookie", jar.HeaderValue());
  return Fetch(port, post);
}

int64_t PostedId(const Response& response) {
  auto location = response.Header("Location");
  if (!location) return -1;
  auto id = FirstMatch(*location, R"(\?posted=(\d+)#c\d+$)");
  return id ? std::stoll(*id) : -1;
}

BusiestArticle FindBusiestArticle(int port, const std::vector<ArticleRow>& articles) {
  BusiestArticle best;
  for (const ArticleRow& a : articles) {
    Response r = Get(port, a.PagePath());
    int64_t n = r.status == 200 ? CommentsCount(r.body) : -1;
    if (n > best.comments) best = {a, n};
  }
  return best;
}

nlohmann::json Explain(const TribuneServer& server, const fs::path& work_dir, int64_t id) {
  ProcessResult r = RunTribune(
      {"spam", "explain", std::to_string(id), "--json", "--db", server.db().string()}, work_dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

bool HasReason(const nlohmann::json& explained, const std::string& symbol) {
  if (!explained.is_object()) return false;
  for (const auto& reason : explained.value("reasons", nlohmann::json::array())) {
    if (reason.value("symbol", "") == symbol) return true;
  }
  return false;
}

std::string XmlProblems(const std::string& xml, const fs::path& work_dir) {
  if (!fs::exists("/usr/bin/xmllint")) return ScanXml(xml);
  static int counter = 0;
  fs::path file = work_dir / ("doc-" + std::to_string(++counter) + ".xml");
  fs::path err = work_dir / ("doc-" + std::to_string(counter) + ".err");
  WriteFile(file, xml);
  std::string cmd = "/usr/bin/xmllint --noout '" + file.string() + "' 2>'" + err.string() + "'";
  int rc = std::system(cmd.c_str());
  if (rc == 0) return "";
  return "xmllint: " + ReadFile(err);
}

}  // namespace tribune::itest
