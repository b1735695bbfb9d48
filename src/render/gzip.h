#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tribune::render {

// gzip (RFC 1952) of `data` at `level` (1 fastest .. 9 smallest).
std::string Gzip(std::string_view data, int level = 6);

// A gzip stream can be spliced from parts compressed apart, so a cached page
// can carry a few per-request bytes (a form token) and still be served from
// pre-compressed buffers:
//   GzipOpen(head) + DeflateStored(middle) + DeflateClose(tail) + GzipTrailer(...)
// is one valid gzip stream of head + middle + tail.

// The gzip header and `data` deflated, ending byte-aligned and not final.
std::string GzipOpen(std::string_view data, int level = 6);
// `data` as non-final stored (uncompressed) deflate blocks.
std::string DeflateStored(std::string_view data);
// `data` deflated on its own, ending with the final block.
std::string DeflateClose(std::string_view data, int level = 6);
// The 8-byte gzip trailer for uncompressed data with this CRC-32 and size.
std::string GzipTrailer(uint32_t crc, uint64_t size);

uint32_t Crc32(std::string_view data);
// The CRC-32 of a + data from crc(a).
uint32_t Crc32Extend(uint32_t crc_a, std::string_view data);
// The CRC-32 of a + b from crc(a), crc(b) and b's length.
uint32_t Crc32Combine(uint32_t crc_a, uint32_t crc_b, uint64_t size_b);
// The same in two steps, for a b whose length is known ahead: the operator
// for that length (slow), then each combination with it (fast).
uint32_t Crc32AppendOperator(uint64_t size_b);
uint32_t Crc32CombineWith(uint32_t crc_a, uint32_t crc_b, uint32_t append_operator);

}  // namespace tribune::render
