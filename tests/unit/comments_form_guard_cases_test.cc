// Runs tests/data/form_guard/cases.jsonl: forged, replayed and reused
// tokens and proofs of work, as data anyone can add to.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "comments/form_guard.h"

namespace tribune::comments {
namespace {

constexpr int64_t kIssuedAt = 1700000000;
constexpr int64_t kArticle = 42;
constexpr int kBits = 8;
constexpr int kSolutions = 3;

std::vector<nlohmann::json> Cases() {
  std::ifstream in(std::string(TRIBUNE_TEST_DATA) + "/form_guard/cases.jsonl");
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::string Solve(const std::string& token, int count) {
  std::string out;
  for (int n = 0, found = 0; found < count; ++n) {
    if (FormGuard::PowSolves(token, std::to_string(n), kBits)) {
      out += (found++ ? "," : "") + std::to_string(n);
    }
  }
  return out;
}

// Field `i` (0-based, dot-separated) of a token replaced by `value`.
std::string WithField(const std::string& token, int i, const std::string& value) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = token.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(token.substr(start, dot - start));
  }
  parts.push_back(token.substr(start));
  parts.at(i) = value;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ".") + p;
  return out;
}

// `token` with field `field` set to `value` and signed again with `site`:
// what only a leaked key or an issuing bug could make.
std::string Resigned(const std::string& token, const nlohmann::json& c, const Signer& site) {
  std::string edited = WithField(token, c.at("field").get<int>(), c.at("value").get<std::string>());
  std::string payload = edited.substr(0, edited.rfind('.'));
  return payload + "." + site.Sign(payload);
}

std::string Transform(const nlohmann::json& c, const std::string& token, const Signer& site,
                      const Signer& other) {
  std::string how = c.value("token", "as_issued");
  if (how == "as_issued") return token;
  if (how == "resigned") return Resigned(token, c, site);
  if (how == "missing") return "";
  if (how == "truncate") return token.substr(0, token.size() / 2);
  if (how == "flip_signature") {
    std::string t = token;
    t.back() = t.back() == '0' ? '1' : '0';
    return t;
  }
  if (how == "swap_article") return WithField(token, 1, "43");
  if (how == "backdate") return WithField(token, 2, std::to_string(kIssuedAt - 60));
  if (how == "zero_bits") return WithField(token, 5, "0");
  if (how == "no_honeypot_flag") return WithField(token, 6, "-");
  if (how == "other_known") return WithField(token, 7, "0123456789abcdef");
  if (how == "other_site") {
    return FormGuard(other, {3, 3600, kBits, kSolutions}).Issue(kArticle, "203.0.113.7", kIssuedAt).token;
  }
  ADD_FAILURE() << "unknown token transform " << how;
  return token;
}

TEST(FormGuardCases, EveryCaseGetsItsSymbol) {
  auto cases = Cases();
  ASSERT_GE(cases.size(), 20u);
  Signer signer("site-secret"), other("another-site");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value("name", "?"));
    FormGuard guard(signer, {3, 3600, kBits, kSolutions});
    // "form": "page" (the default) is a form as the article page renders it,
    // honeypot included; "api" one from /api/v1/challenge. "known": a commenter
    // hash the form was spared a wave's work for.
    IssueOptions issue;
    issue.honeypot = c.value("form", "page") == "page";
    std::string known = c.value("known", "");
    issue.known = known;
    IssuedForm form = guard.Issue(kArticle, "203.0.113.7", kIssuedAt, issue);
    int64_t now = kIssuedAt + c.at("post_after_s").get<int64_t>();
    if (c.value("replay", false)) {
      auto first = guard.Verify(kArticle, "203.0.113.7", now, {form.token, form.code, "", ""});
      ASSERT_EQ(first.kind, GuardVerdict::Kind::kPass);
      guard.MarkUsed(first.nonce, 7, now);
    }
    FormProof proof;
    proof.token = Transform(c, form.token, signer, other);
    proof.honeypot = c.value("honeypot", "");
    proof.honeypot_sent = c.value("honeypot_sent", true);
    proof.page_form = c.value("sent_to", "page") == "page";
    std::string how = c.at("proof");
    if (how == "code") proof.code = form.code;
    if (how == "wrong_code") proof.code = form.code == "0000" ? "0001" : "0000";
    if (how == "pow") proof.pow = Solve(proof.token, kSolutions);
    if (how == "pow_other_token") {
      proof.pow = Solve(guard.Issue(kArticle, "203.0.113.7", kIssuedAt).token, kSolutions);
    }
    if (how == "pow_repeated") {
      std::string one = Solve(proof.token, 1);
      proof.pow = one + "," + one + "," + one;
    }
    if (how == "pow_too_few") proof.pow = Solve(proof.token, kSolutions - 1);
    auto v = guard.Verify(c.value("article", kArticle), c.value("ip", std::string("203.0.113.7")),
                          now, proof);
    EXPECT_EQ(v.symbol, c.at("expect").get<std::string>()) << v.message;
    EXPECT_EQ(v.form_skipped, c.value("expect_form_skipped", false));
    if (v.kind == GuardVerdict::Kind::kPass) {
      EXPECT_EQ(v.known, known);
    }
  }
}

}  // namespace
}  // namespace tribune::comments
