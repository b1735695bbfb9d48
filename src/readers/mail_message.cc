#include "readers/mail_message.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <ctime>

namespace tribune::readers {
namespace {

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// A header value on one line: control characters (CR and LF among them) become spaces.
std::string OneLine(std::string_view v) {
  std::string out(v);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

bool IsAscii(std::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 2047 encoded words for a text with letters outside ASCII, each at most
// 39 bytes of UTF-8 (never splitting a character): lines stay under 78.
std::string EncodedWords(std::string_view text) {
  // ASCII goes as it is, unless it looks like an encoded word itself (which
  // a mail client would decode into something else).
  if (IsAscii(text) && text.find("=?") == std::string_view::npos) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 39);
    while (end > i && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    // Not UTF-8 (a run of continuation bytes): cut anywhere, but move on.
    if (end == i) end = std::min(text.size(), i + 39);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

// "Name <address>" with the name quoted or encoded as it needs.
std::string Mailbox(std::string_view from) {
  std::string line = OneLine(from);
  size_t lt = line.rfind('<');
  if (lt == std::string::npos) return line;
  std::string name = line.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  std::string address = line.substr(lt);
  if (name.empty()) return address;
  if (!IsAscii(name)) return EncodedWords(name) + " " + address;
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" " + address;
}

std::string DomainOf(std::string_view address) {
  size_t at = address.rfind('@');
  return at == std::string_view::npos ? "localhost" : std::string(address.substr(at + 1));
}

}  // namespace

std::string AddressOf(std::string_view from) {
  size_t lt = from.rfind('<');
  size_t gt = from.rfind('>');
  if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) {
    return std::string(from);
  }
  return std::string(from.substr(lt + 1, gt - lt - 1));
}

bool IsDeliverableAddress(std::string_view a) {
  if (a.empty() || a.size() > 254) return false;
  for (char c : a) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' ||
        c == ')' || c == ';' || c == '\\') {
      return false;
    }
  }
  size_t at = a.find('@');
  if (at == 0 || at == std::string_view::npos || a.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = a.substr(at + 1);
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

std::string ComposeMail(const MailMessage& m, int64_t now, std::string_view id) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string from_address = AddressOf(OneLine(m.from));
  std::string out;
  out += "From: " + Mailbox(m.from) + "\r\n";
  out += "To: <" + OneLine(m.to) + ">\r\n";
  out += "Subject: " + EncodedWords(OneLine(m.subject)) + "\r\n";
  out += fmt::format("Date: {}\r\n", date);
  out += fmt::format("Message-ID: <{}.{}@{}>\r\n", OneLine(id), now, DomainOf(from_address));
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  if (!m.unsubscribe.empty()) {
    out += "List-Unsubscribe: <" + OneLine(m.unsubscribe) + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "\r\n";
  std::string body;
  for (char c : m.text) {
    if (c == '\n') body += "\r\n";
    else if (c != '\r') body += c;
  }
  std::string encoded = Base64(body);
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

}  // namespace tribune::readers
