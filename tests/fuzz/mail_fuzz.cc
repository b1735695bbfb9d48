// Mail the outbox writes (readers::ComposeMail) from whatever a name, a title,
// an address or a text holds: the header block is the fixed set of headers,
// each on lines that end CRLF and continue only by folding; nothing a reader
// wrote can start a header line (no Bcc, no second Subject); encoded subjects
// decode back to the subject with its control characters turned to spaces
// (a long subject or sender's name folds onto continuation lines);
// the base64 body decodes back to the text with its line ends as CRLF.
#include <sodium.h>

#include <set>
#include <string>

#include "fuzz_check.h"
#include "fuzz_input.h"
#include "readers/mail_message.h"

namespace {

using tribune::fuzz::Check;

std::string Unbase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "<not base64>";
  }
  out.resize(len);
  return out;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tribune::fuzz::FuzzInput in(data, size);
  tribune::readers::MailMessage m;
  m.from = in.TakeString(80);
  m.to = in.TakeString(80);
  m.subject = in.TakeString(200);
  m.unsubscribe = in.TakeBool() ? in.TakeString(120) : "";
  m.text = in.TakeString(2000);
  std::string id = in.TakeString(20);
  int64_t now = in.TakeInt(0, int64_t{1} << 36);
  std::string mail = tribune::readers::ComposeMail(m, now, id);

  size_t split = mail.find("\r\n\r\n");
  Check(split != std::string::npos, "the header block ends with an empty line", mail);
  std::string head = mail.substr(0, split + 2);
  static const std::set<std::string> kHeaders = {
      "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
      "Content-Transfer-Encoding", "Auto-Submitted", "List-Unsubscribe", "List-Unsubscribe-Post"};
  std::set<std::string> seen;
  std::string subject;
  bool in_subject = false, foldable = false;
  for (size_t at = 0; at < head.size();) {
    size_t end = head.find("\r\n", at);
    Check(end != std::string::npos, "every header line ends with CRLF", head);
    std::string line = head.substr(at, end - at);
    Check(line.find_first_of("\r\n") == std::string::npos, "no bare CR or LF in a header", line);
    if (!line.empty() && line[0] == ' ') {
      // Encoded words of a long subject or sender's name continue on folded lines.
      Check(foldable, "only the subject and the sender are folded", line);
      if (in_subject) subject += line.substr(1);
    } else {
      size_t colon = line.find(": ");
      Check(colon != std::string::npos, "a header line is NAME: VALUE", line);
      std::string name = line.substr(0, colon);
      Check(kHeaders.count(name) == 1, "only the composer's own headers", name);
      Check(seen.insert(name).second, "each header once", name);
      in_subject = name == "Subject";
      foldable = in_subject || name == "From";
      if (in_subject) subject = line.substr(colon + 2);
    }
    at = end + 2;
  }
  Check(seen.count("List-Unsubscribe") == !m.unsubscribe.empty(),
        "List-Unsubscribe exactly when asked for");
  // The subject: as written (one line) when ASCII, else encoded words that decode back.
  std::string one_line = OneLine(m.subject);
  if (subject.rfind("=?UTF-8?B?", 0) == 0 && subject.size() >= 12) {
    std::string decoded;
    for (size_t w = subject.find("=?UTF-8?B?"); w != std::string::npos;
         w = subject.find("=?UTF-8?B?", w + 1)) {
      size_t end = subject.find("?=", w + 10);
      Check(end != std::string::npos, "an encoded word closes", subject);
      decoded += Unbase64(std::string_view(subject).substr(w + 10, end - w - 10));
    }
    Check(decoded == one_line, "encoded words decode to the subject", subject);
  } else {
    Check(subject == one_line && one_line.find("=?") == std::string::npos,
          "an ASCII subject is itself, and never holds an encoded word", subject);
  }
  std::string body;
  for (char c : m.text) {
    if (c == '\n') body += "\r\n";
    else if (c != '\r') body += c;
  }
  Check(Unbase64(std::string_view(mail).substr(split + 4)) == body,
        "the body decodes back to the text");
  return 0;
}
