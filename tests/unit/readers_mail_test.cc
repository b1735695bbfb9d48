// Mail as the outbox writes it (one-line headers whatever a name or title
// holds, UTF-8 subjects encoded, the body in base64) and the signed links
// mail carries (spent by use, expired by time).
#include <gtest/gtest.h>
#include <sodium.h>

#include "readers/links.h"
#include "readers/mail_message.h"

namespace tribune::readers {
namespace {

std::string Header(const std::string& mail, const std::string& name) {
  size_t at = mail.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return mail.substr(at, mail.find("\r\n", at) - at);
}

std::string Unbase64(const std::string& text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                    text.size(), "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len);
  return out;
}

TEST(MailMessage, ALineBreakInANameOrTitleCannotAddAHeader) {
  MailMessage m;
  m.from = "Tribune\r\nBcc: victim@example.org <news@example.org>";
  m.to = "reader@example.org";
  m.subject = "New comment on \"Park\"\r\nBcc: victim@example.org";
  m.text = "Hello\n.\nBye";
  std::string mail = ComposeMail(m, 1796452385, "abc");
  EXPECT_EQ(mail.find("\r\nBcc:"), std::string::npos) << mail;
  EXPECT_EQ(Header("\r\n" + mail, "Subject"), "New comment on \"Park\"  Bcc: victim@example.org");
  EXPECT_EQ(Header(mail, "Date"), "Sat, 05 Dec 2026 06:33:05 +0000");
  EXPECT_EQ(Header(mail, "Message-ID"), "<abc.1796452385@example.org>");
  std::string body = mail.substr(mail.find("\r\n\r\n") + 4);
  EXPECT_EQ(Unbase64(body), "Hello\r\n.\r\nBye");
}

TEST(MailMessage, UnicodeSubjectsAndNamesAreEncodedWords) {
  MailMessage m;
  m.from = "Tbilisi News <news@example.org>";
  m.to = "nino@example.org";
  m.subject = "ახალი კომენტარი: «Парк» — a long subject that goes past one encoded word";
  m.unsubscribe = "https://news.example.org/notifications/unsubscribe?s=1&t=ab";
  std::string mail = ComposeMail(m, 0, "x");
  EXPECT_EQ(Header("\r\n" + mail, "From"), "\"Tbilisi News\" <news@example.org>");
  EXPECT_EQ(Header(mail, "List-Unsubscribe"),
            "<https://news.example.org/notifications/unsubscribe?s=1&t=ab>");
  EXPECT_EQ(Header(mail, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  // Decode every encoded word of the (folded) subject back to the text.
  size_t at = mail.find("Subject: ") + 9;
  std::string folded = mail.substr(at, mail.find("\r\nDate:") - at);
  std::string decoded;
  for (size_t w = folded.find("=?UTF-8?B?"); w != std::string::npos;
       w = folded.find("=?UTF-8?B?", w + 1)) {
    size_t end = folded.find("?=", w + 10);
    decoded += Unbase64(folded.substr(w + 10, end - w - 10));
  }
  EXPECT_EQ(decoded, m.subject);
  std::string subject = "Subject: " + folded;
  for (size_t line = 0, next; line < subject.size(); line = next + 2) {
    next = subject.find("\r\n", line);
    if (next == std::string::npos) next = subject.size();
    EXPECT_LE(next - line, 78u) << "a subject line longer than 78 characters";
  }
}

TEST(MailMessage, OnlyOnePlainAddressIsDeliverable) {
  EXPECT_TRUE(IsDeliverableAddress("nino@example.org"));
  EXPECT_FALSE(IsDeliverableAddress("nino@example.org, other@example.org"));
  EXPECT_FALSE(IsDeliverableAddress("nino@example.org\r\nRCPT TO:<x@y.z>"));
  EXPECT_FALSE(IsDeliverableAddress("<nino@example.org>"));
  EXPECT_FALSE(IsDeliverableAddress("nino@localhost"));
  EXPECT_FALSE(IsDeliverableAddress("@example.org"));
  EXPECT_EQ(AddressOf("Tribune <news@example.org>"), "news@example.org");
  EXPECT_EQ(AddressOf("news@example.org"), "news@example.org");
}

TEST(ReaderLinks, ALinkIsSpentByUseAndExpiresWithTime) {
  comments::Signer signer("0123456789abcdef0123456789abcdef");
  site::Reader r;
  r.id = 7;
  r.email = "nino@example.org";
  std::string token = ReaderToken(signer, "sign-in", r, 1000);
  EXPECT_EQ(ReaderTokenId(token), 7);
  EXPECT_TRUE(ReaderTokenFits(signer, "sign-in", r, token, 999));
  EXPECT_FALSE(ReaderTokenFits(signer, "confirm", r, token, 999));  // another purpose
  EXPECT_FALSE(ReaderTokenFits(signer, "sign-in", r, token, 1001));  // expired
  site::Reader used = r;
  used.link_epoch += 1;
  EXPECT_FALSE(ReaderTokenFits(signer, "sign-in", used, token, 999));  // spent
  site::Reader other = r;
  other.email = "new@example.org";
  EXPECT_FALSE(ReaderTokenFits(signer, "sign-in", other, token, 999));  // address changed
  std::string forged = token.substr(0, token.size() - 1) + (token.back() == '0' ? "1" : "0");
  EXPECT_FALSE(ReaderTokenFits(signer, "sign-in", r, forged, 999));

  std::string data = DataToken(signer, "nino@example.org", 500);
  EXPECT_TRUE(DataTokenFits(signer, "nino@example.org", data, 400));
  EXPECT_FALSE(DataTokenFits(signer, "eka@example.org", data, 400));
  EXPECT_FALSE(DataTokenFits(signer, "nino@example.org", data, 501));
  std::string sig = SubscriptionSignature(signer, "unsubscribe", 3);
  EXPECT_TRUE(SubscriptionSignatureFits(signer, "unsubscribe", 3, sig));
  EXPECT_FALSE(SubscriptionSignatureFits(signer, "confirm", 3, sig));
  EXPECT_FALSE(SubscriptionSignatureFits(signer, "unsubscribe", 4, sig));
}

}  // namespace
}  // namespace tribune::readers
