// Finds the addresses of crypto wallets and token contracts in comment text:
// Ethereum-style (0x + 40 hex digits), Bitcoin (legacy and bech32), Tron,
// and Solana's base58 (32 to 44 characters, a launchpad's "…pump" tail
// included). Both the CRYPTO_ADDRESS rule and campaign fingerprints read
// them.
#pragma once

#include <string_view>
#include <vector>

namespace tribune::spam::text {

// Thread-safe. `text` keeps its case (base58 is read by its mix of cases).
// Returns views into `text`, in text order, at most `max` of them. A run of
// the base58 alphabet counts only when it looks random: digits and plenty
// of both cases, standing alone, not inside a link's path or query ("…/
// unsubscribe-auth/BSGkh38…") and not a hash with one capital ("…d9ddR46").
std::vector<std::string_view> FindCryptoAddresses(std::string_view text, size_t max = 4);

}  // namespace tribune::spam::text
