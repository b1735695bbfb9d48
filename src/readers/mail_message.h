// One plain-text e-mail, written as RFC 5322 text (UTF-8, base64 body) for the
// outbox. Every header value is one line: a name or title with a line break
// in it cannot add headers of its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::readers {

struct MailMessage {
  std::string from;         // "Name <address>" or "address"
  std::string to;           // an address
  std::string subject;
  std::string text;         // the body, lines separated by '\n'
  std::string unsubscribe;  // a one-click unsubscribe URL (RFC 8058); "" for none
};

// The message as it goes over SMTP (CRLF line ends). `now` Unix seconds;
// `id` makes the Message-ID unique (with the time and the sender's domain).
std::string ComposeMail(const MailMessage& m, int64_t now, std::string_view id);

// The address in "Name <address>" (or the whole text when there are no <>).
std::string AddressOf(std::string_view from);

// Whether `address` can be used as a recipient: one address, no spaces,
// brackets, commas or line breaks, a local part, '@' and a domain with a dot.
bool IsDeliverableAddress(std::string_view address);

}  // namespace tribune::readers
