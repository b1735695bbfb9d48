// Signed links the site sends by e-mail: confirming an address, signing in,
// unsubscribing, a guest's data. Each is bound to what it acts on and, where
// it should work once, to an epoch that using it moves on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "comments/signer.h"
#include "core/config.h"
#include "site/reader.h"

namespace tribune::readers {

// Where links in mail point: [site] base_url, else the address the server listens on.
std::string MailBase(const Config& config);

// A reader's one-time link ("confirm" an address, "sign-in"), valid until
// `expires` and while the reader's link epoch is unchanged: "ID.EXPIRES.SIG".
std::string ReaderToken(const comments::Signer& signer, std::string_view purpose,
                        const site::Reader& r, int64_t expires);
// The reader id a token names (unchecked); nullopt when malformed.
std::optional<int64_t> ReaderTokenId(std::string_view token);
bool ReaderTokenFits(const comments::Signer& signer, std::string_view purpose,
                     const site::Reader& r, std::string_view token, int64_t now);

// Unsubscribing from one subscription, or every one of an address; and a
// guest's confirmation of a subscription. Never expire.
std::string SubscriptionSignature(const comments::Signer& signer, std::string_view action,
                                  int64_t id);
std::string AddressSignature(const comments::Signer& signer, std::string_view action,
                             std::string_view email_key);

bool SubscriptionSignatureFits(const comments::Signer& signer, std::string_view action, int64_t id,
                               std::string_view signature);
bool AddressSignatureFits(const comments::Signer& signer, std::string_view action,
                          std::string_view email_key, std::string_view signature);

// A guest's access to the data kept under their address, valid until `expires`:
// "EXPIRES.SIG" over the address.
std::string DataToken(const comments::Signer& signer, std::string_view email_key, int64_t expires);
bool DataTokenFits(const comments::Signer& signer, std::string_view email_key,
                   std::string_view token, int64_t now);

}  // namespace tribune::readers
