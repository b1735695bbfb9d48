#include "render/gzip.h"

#include <zlib.h>

#include <stdexcept>

namespace tribune::render {
namespace {

constexpr int kGzipWindow = 15 + 16;  // 16: write a gzip header, not zlib
constexpr int kRawWindow = -15;       // negative: raw deflate, no header or trailer

std::string Deflate(std::string_view data, int level, int window, int flush) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, window, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 64);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, flush);
  deflateEnd(&zs);
  bool ok = flush == Z_FINISH ? rc == Z_STREAM_END : rc == Z_OK;
  if (!ok || zs.avail_in != 0) throw std::runtime_error("deflate failed");
  out.resize(zs.total_out);
  return out;
}

}  // namespace

std::string Gzip(std::string_view data, int level) {
  return Deflate(data, level, kGzipWindow, Z_FINISH);
}

std::string GzipOpen(std::string_view data, int level) {
  // A gzip header with no name, time or flags; OS unknown.
  static constexpr char kHeader[] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff'};
  return std::string(kHeader, sizeof kHeader) + Deflate(data, level, kRawWindow, Z_SYNC_FLUSH);
}

std::string DeflateStored(std::string_view data) {
  constexpr size_t kMaxStored = 65535;
  std::string out;
  do {
    size_t n = std::min(data.size(), kMaxStored);
    // Byte-aligned after a sync flush, so the block header (BFINAL=0,
    // BTYPE=00) and its padding are one zero byte, then LEN and ~LEN.
    out.push_back('\0');
    out.push_back(static_cast<char>(n & 0xff));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(~n & 0xff));
    out.push_back(static_cast<char>((~n >> 8) & 0xff));
    out.append(data.substr(0, n));
    data.remove_prefix(n);
  } while (!data.empty());
  return out;
}

std::string DeflateClose(std::string_view data, int level) {
  return Deflate(data, level, kRawWindow, Z_FINISH);
}

std::string GzipTrailer(uint32_t crc, uint64_t size) {
  std::string out(8, '\0');
  for (int i = 0; i < 4; ++i) {
    out[i] = static_cast<char>((crc >> (8 * i)) & 0xff);
    out[4 + i] = static_cast<char>((size >> (8 * i)) & 0xff);
  }
  return out;
}

uint32_t Crc32(std::string_view data) {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

uint32_t Crc32Extend(uint32_t crc_a, std::string_view data) {
  return static_cast<uint32_t>(crc32_z(crc_a, reinterpret_cast<const Bytef*>(data.data()),
                                       data.size()));
}

uint32_t Crc32Combine(uint32_t crc_a, uint32_t crc_b, uint64_t size_b) {
  return static_cast<uint32_t>(crc32_combine(crc_a, crc_b, static_cast<z_off_t>(size_b)));
}

uint32_t Crc32AppendOperator(uint64_t size_b) {
  return static_cast<uint32_t>(crc32_combine_gen64(static_cast<z_off64_t>(size_b)));
}

uint32_t Crc32CombineWith(uint32_t crc_a, uint32_t crc_b, uint32_t append_operator) {
  return static_cast<uint32_t>(crc32_combine_op(crc_a, crc_b, append_operator));
}

}  // namespace tribune::render
