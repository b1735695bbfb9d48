#include "spam/model/model_file.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace tribune::spam::model {
namespace {

constexpr char kMagic[8] = {'T', 'R', 'B', 'S', 'P', 'A', 'M', '\0'};

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(v, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool Bytes(size_t n, std::string* out) {
    if (in_.size() < n) return false;
    out->assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }

 private:
  std::string_view in_;
};

std::string Encode(const ModelData& m) {
  std::string s;
  Put<uint32_t>(&s, static_cast<uint32_t>(m.name.size()));
  s += m.name;
  Put<uint64_t>(&s, m.revision);
  Put<uint64_t>(&s, m.space.key);
  Put<uint32_t>(&s, m.space.bits);
  const FtrlParams& p = m.ftrl->params();
  for (double v : {p.alpha, p.beta, p.l1, p.l2}) Put<double>(&s, v);
  uint64_t count = 0;
  for (size_t i = 0; i < m.ftrl->size(); ++i) count += m.ftrl->w(i) != 0.f;
  Put<uint64_t>(&s, count);
  for (size_t i = 0; i < m.ftrl->size(); ++i) {
    if (m.ftrl->w(i) == 0.f) continue;
    Put<uint32_t>(&s, static_cast<uint32_t>(i));
    Put<float>(&s, m.ftrl->z(i));
    Put<float>(&s, m.ftrl->n(i));
  }
  Put<uint64_t>(&s, m.campaigns.size());
  s += m.campaigns;
  return s;
}

Result<ModelData> Decode(std::string_view raw) {
  Reader r(raw);
  ModelData m;
  uint32_t len = 0;
  FtrlParams p;
  uint64_t count = 0;
  if (!r.Get(&len) || !r.Bytes(len, &m.name) || !r.Get(&m.revision) || !r.Get(&m.space.key) ||
      !r.Get(&m.space.bits) || !r.Get(&p.alpha) || !r.Get(&p.beta) || !r.Get(&p.l1) ||
      !r.Get(&p.l2) || !r.Get(&count)) {
    return InvalidArgument("model file: truncated header");
  }
  if (m.space.bits < 10 || m.space.bits > 26) return InvalidArgument("model file: bad bits");
  m.ftrl = std::make_unique<Ftrl>(m.space.bits, p);
  for (uint64_t k = 0; k < count; ++k) {
    uint32_t i;
    float z, n;
    if (!r.Get(&i) || !r.Get(&z) || !r.Get(&n) || i >= m.ftrl->size()) {
      return InvalidArgument("model file: bad weight record");
    }
    m.ftrl->Set(i, z, n);
  }
  uint64_t clen = 0;
  if (!r.Get(&clen) || !r.Bytes(clen, &m.campaigns))
    return InvalidArgument("model file: campaigns");
  return m;
}

}  // namespace

Status WriteModel(const std::string& path, const ModelData& m) {
  std::string raw = Encode(m);
  uLongf zlen = compressBound(raw.size());
  std::string z(zlen, '\0');
  if (compress2(reinterpret_cast<Bytef*>(z.data()), &zlen,
                reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9) != Z_OK) {
    return Internal("model file: compression failed");
  }
  z.resize(zlen);
  std::string out(kMagic, sizeof kMagic);
  Put<uint32_t>(&out, kModelFormat);
  Put<uint64_t>(&out, raw.size());
  out += z;
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) return Internal("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Internal("cannot rename to " + path);
  return Status::Ok();
}

Result<ModelData> ReadModel(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return NotFound("no model file at " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  Reader r(data);
  std::string magic;
  uint32_t format = 0;
  uint64_t raw_size = 0;
  if (!r.Bytes(sizeof kMagic, &magic) || magic != std::string(kMagic, sizeof kMagic)) {
    return InvalidArgument(path + ": not a Tribune spam model");
  }
  if (!r.Get(&format) || format != kModelFormat) {
    return InvalidArgument(path + ": model format " + std::to_string(format) + " not supported");
  }
  if (!r.Get(&raw_size) || raw_size > (size_t{1} << 30))
    return InvalidArgument(path + ": bad size");
  size_t header = sizeof kMagic + sizeof format + sizeof raw_size;
  std::string raw(raw_size, '\0');
  uLongf len = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &len,
                 reinterpret_cast<const Bytef*>(data.data() + header),
                 data.size() - header) != Z_OK ||
      len != raw_size) {
    return InvalidArgument(path + ": corrupt model data");
  }
  return Decode(raw);
}

}  // namespace tribune::spam::model
