#include "comments/form_guard.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <set>
#include <vector>

namespace tribune::comments {
namespace {

// t1: version.article.issued.nonce.prefix.bits.mac (still accepted; no longer issued)
// t2: version.article.issued.nonce.prefix.bits.flags.known.mac, where flags is "h" when
//     the form renders the honeypot ("-" otherwise) and known a spared commenter ("-": none);
//     its code is the HMAC of "code:" and the token (still accepted; no longer issued)
// t3: as t2, but its code comes from the half of the token's MAC the token does not
//     show: one HMAC per form instead of two
constexpr std::string_view kOldVersion = "t1";
constexpr std::string_view kCodeSignedVersion = "t2";
constexpr std::string_view kVersion = "t3";

// The digits of a t3 token's code, from the MAC's unshown half.
std::string CodeFromMac(const Signer::Mac& mac) {
  uint32_t n = uint32_t{mac[16]} << 24 | uint32_t{mac[17]} << 16 | uint32_t{mac[18]} << 8 | mac[19];
  char digits[5];
  std::snprintf(digits, sizeof digits, "%04u", static_cast<unsigned>(n % 10000));
  return digits;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// Random bytes drawn from the system in batches: one getrandom call serves
// many forms instead of one each. Bytes handed out are wiped from the pool.
void RandomBytes(unsigned char* out, size_t n) {
  constexpr size_t kPool = 512;
  thread_local unsigned char pool[kPool];
  thread_local size_t left = 0;
  if (left < n) {
    randombytes_buf(pool, kPool);
    left = kPool;
  }
  unsigned char* from = pool + kPool - left;
  std::memcpy(out, from, n);
  sodium_memzero(from, n);
  left -= n;
}

// The prefix hashes of the addresses a thread served last, per guard: a
// reader reloading a page costs no HMAC for it. Direct-mapped, per thread.
struct PrefixHashMemo {
  uint64_t guard = 0;
  std::string ip, hash;
};
constexpr size_t kPrefixMemoSlots = 64;

std::atomic<uint64_t> next_guard_id{1};

bool ToInt(std::string_view s, int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

FormGuard::FormGuard(const Signer& signer, FormGuardOptions options,
                     store::SpentTokenLog* spent)
    : signer_(signer), options_(options), spent_(spent), id_(next_guard_id.fetch_add(1)) {
  honeypot_name_ = "f_" + signer_.Sign("honeypot-name").substr(0, 10);
}

std::string FormGuard::AddressPrefix(std::string_view ip) {
  // The address a thread saw last: a reader's requests come in runs.
  thread_local std::string last_ip, last_prefix;
  if (ip != last_ip || last_ip.empty()) {
    last_prefix = ParsedPrefix(ip);
    last_ip = ip;
  }
  return last_prefix;
}

std::string FormGuard::ParsedPrefix(std::string_view ip) {
  std::string text(ip);
  unsigned char a[16];
  if (inet_pton(AF_INET6, text.c_str(), a) == 1) {
    // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) is that IPv4 address.
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(a, kMapped, sizeof kMapped) == 0) {
      return fmt::format("{}.{}.{}", a[12], a[13], a[14]);
    }
    // The /64, parsed rather than cut from the text: "2001:db8::1" and
    // "2001:db8:0:0:5::" are the same network.
    return fmt::format("{:x}:{:x}:{:x}:{:x}", a[0] << 8 | a[1], a[2] << 8 | a[3],
                       a[4] << 8 | a[5], a[6] << 8 | a[7]);
  }
  if (inet_pton(AF_INET, text.c_str(), a) == 1) return fmt::format("{}.{}.{}", a[0], a[1], a[2]);
  return text;  // not an address (a test harness, a unix socket): itself
}

std::string FormGuard::PrefixHash(std::string_view ip) const {
  thread_local std::array<PrefixHashMemo, kPrefixMemoSlots> memo;
  PrefixHashMemo& slot = memo[(std::hash<std::string_view>()(ip) ^ id_) % kPrefixMemoSlots];
  if (slot.guard != id_ || slot.ip != ip) {
    slot.hash = signer_.Sign("prefix:" + AddressPrefix(ip)).substr(0, 8);
    slot.ip = ip;
    slot.guard = id_;
  }
  return slot.hash;
}

std::string FormGuard::CodeFor(std::string_view token) const {
  std::string mac = signer_.Sign(fmt::format("code:{}", token));
  return fmt::format("{:04}", std::stoul(mac.substr(0, 8), nullptr, 16) % 10000);
}

IssuedForm FormGuard::Issue(int64_t article, std::string_view ip, int64_t now,
                            const IssueOptions& o) const {
  unsigned char nonce[8];
  RandomBytes(nonce, sizeof nonce);
  char hex[sizeof nonce * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, nonce, sizeof nonce);
  int bits = std::clamp(options_.pow_bits + o.extra_bits, 0, kMaxPowBits);
  IssuedForm f;
  std::string& token = f.token;  // the payload, then its signature
  token.reserve(96 + o.known.size());
  auto field = [&token](std::string_view value) {
    token += value;
    token += '.';
  };
  field(kVersion);
  field(std::to_string(article));
  field(std::to_string(now));
  field(hex);
  field(PrefixHash(ip));
  field(std::to_string(bits));
  field(o.honeypot ? "h" : "-");
  field(o.known.empty() ? std::string_view("-") : o.known);
  Signer::Mac mac = signer_.Digest(std::string_view(token).substr(0, token.size() - 1));
  token += Signer::Shown(mac);
  f.code = CodeFromMac(mac);
  f.pow_bits = bits;
  f.pow_solutions = options_.pow_solutions;
  return f;
}

bool FormGuard::PowSolves(std::string_view token, std::string_view solution, int bits) {
  std::string input = std::string(token) + ":" + std::string(solution);
  unsigned char hash[crypto_hash_sha256_BYTES];
  if (bits < 0 || bits > static_cast<int>(8 * sizeof hash)) return false;
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  for (int i = 0; i < bits; ++i) {
    if (hash[i / 8] & (0x80 >> (i % 8))) return false;
  }
  return true;
}

GuardVerdict FormGuard::Verify(int64_t article, std::string_view ip, int64_t now,
                               const FormProof& proof) const {
  using Kind = GuardVerdict::Kind;
  auto fail = [](Kind kind, const char* symbol, std::string message) {
    GuardVerdict v;
    v.kind = kind;
    v.symbol = symbol;
    v.message = std::move(message);
    return v;
  };
  if (!proof.honeypot.empty()) {
    return fail(Kind::kBot, "HONEYPOT", "the hidden field that people never see was filled in");
  }
  if (proof.token.empty()) {
    return fail(Kind::kRetry, "TOKEN_MISSING",
                "The form was incomplete; please check your comment and send it again.");
  }
  auto parts = Split(proof.token, '.');
  int64_t token_article = 0, issued = 0, bits = 0;
  bool current = parts.size() == 9 &&
                 (parts[0] == kVersion || parts[0] == kCodeSignedVersion) &&
                 !parts[6].empty() && !parts[7].empty();
  bool well_formed = current || (parts.size() == 7 && parts[0] == kOldVersion);
  // The site never issues a time before 1970 or more bits than kMaxPowBits:
  // a token that says so was not made by it (were its signature to hold, the
  // key leaked or issuing has a bug), and its numbers must not reach the
  // arithmetic below (now - issued, the bits of a hash).
  auto in_range = [&] { return issued >= 0 && bits >= 0 && bits <= kMaxPowBits; };
  if (!well_formed || !ToInt(parts[1], token_article) || !ToInt(parts[2], issued) ||
      !ToInt(parts[5], bits) || !in_range()) {
    return fail(Kind::kBot, "TOKEN_FORGED", "the form token is malformed");
  }
  std::string_view mac = parts.back();
  std::string_view payload =
      std::string_view(proof.token).substr(0, proof.token.size() - mac.size() - 1);
  Signer::Mac whole_mac;
  if (!signer_.Verify(payload, mac, &whole_mac)) {
    return fail(Kind::kBot, "TOKEN_FORGED", "the form token's signature does not match");
  }
  if (token_article != article) {
    return fail(Kind::kBot, "TOKEN_OTHER_ARTICLE", "the form token belongs to another article");
  }
  if (parts[4] != PrefixHash(ip)) {
    return fail(Kind::kRetry, "TOKEN_OTHER_NETWORK",
                "Your network address changed since the form was loaded; please send it again.");
  }
  if (now - issued > options_.max_age_s) {
    return fail(Kind::kRetry, "TOKEN_EXPIRED",
                "The form expired while it was open; please send your comment again.");
  }
  if (now - issued < options_.min_seconds) {
    return fail(Kind::kRetry, "TOO_FAST",
                "That was faster than anyone can type; please wait a moment and send it again.");
  }
  std::string nonce(parts[3]);
  if (std::optional<int64_t> earlier = SpentOn(nonce)) {
    GuardVerdict v = fail(Kind::kReplay, "TOKEN_REPLAYED", "the form token was used before");
    v.earlier_comment = *earlier;
    return v;
  }
  bool pow_ok = false;
  if (!proof.pow.empty()) {
    std::set<std::string_view> distinct;
    for (auto s : Split(proof.pow, ',')) {
      if (!s.empty() && s.size() <= 32 && PowSolves(proof.token, s, static_cast<int>(bits))) {
        distinct.insert(s);
      }
    }
    pow_ok = static_cast<int>(distinct.size()) >= options_.pow_solutions;
  }
  std::string code = parts[0] == kVersion ? CodeFromMac(whole_mac) : CodeFor(proof.token);
  if (!pow_ok && proof.code != code) {
    return fail(Kind::kRetry, proof.code.empty() ? "CODE_MISSING" : "CODE_WRONG",
                "The code does not match: please type the digits shown.");
  }
  GuardVerdict ok;
  ok.symbol = pow_ok ? "POW_SOLVED" : "CODE_TYPED";
  ok.nonce = std::move(nonce);
  if (current) {
    if (parts[7] != "-") ok.known = std::string(parts[7]);
    bool page_token = parts[6] == "h";
    ok.form_skipped = (page_token && !proof.honeypot_sent) || (proof.page_form && !page_token);
  }
  return ok;
}

std::optional<int64_t> FormGuard::SpentOn(const std::string& nonce) const {
  {
    std::lock_guard lock(mu_);
    auto it = used_.find(nonce);
    if (it != used_.end()) return it->second.first;
  }
  if (!spent_) return std::nullopt;
  auto stored = spent_->FindSpentToken(nonce);
  if (stored.ok()) return *stored;
  return std::nullopt;
}

bool FormGuard::Claim(const std::string& nonce, int64_t now) {
  {
    std::lock_guard lock(mu_);
    if (!used_.emplace(nonce, std::pair<int64_t, int64_t>{0, now}).second) return false;
  }
  // Another node's claim (at once, or before its comment is stored).
  if (shared_) {
    std::optional<bool> claimed =
        shared_->Claim("token:" + nonce, (int64_t{options_.max_age_s} + 60) * 1000);
    if (claimed && !*claimed) {
      std::lock_guard lock(mu_);
      used_.erase(nonce);
      return false;
    }
  }
  // Claimed first, then looked up: a post that stored this nonce and dropped
  // its claim meanwhile is found in the log.
  if (spent_ && spent_->FindSpentToken(nonce).ok()) {
    Forget(nonce);
    return false;
  }
  return true;
}

size_t FormGuard::remembered() const {
  std::lock_guard lock(mu_);
  return used_.size();
}

void FormGuard::MarkUsed(const std::string& nonce, int64_t comment_id, int64_t now) {
  std::lock_guard lock(mu_);
  if (spent_) {
    used_.erase(nonce);  // the log has it now, with the comment
    return;
  }
  used_[nonce] = {comment_id, now};
  // Expired tokens are refused anyway, so their nonces can go.
  if (now - last_prune_ > 60) {
    last_prune_ = now;
    std::erase_if(used_,
                  [&](const auto& kv) { return now - kv.second.second > options_.max_age_s; });
  }
}

void FormGuard::Forget(const std::string& nonce) {
  if (shared_) shared_->Release("token:" + nonce);
  std::lock_guard lock(mu_);
  used_.erase(nonce);
}

}  // namespace tribune::comments
