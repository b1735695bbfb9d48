// The model file: a versioned, zlib-compressed binary holding the feature
// key, the FTRL state of every non-zero weight, and the campaign index.
//
// Layout (little-endian): "TRBSPAM\0", u32 format, u64 raw size, then zlib
// data of: name (u32 length + bytes), u64 revision, u64 key, u32 bits,
// 4 x f64 FTRL params, u64 count, count x (u32 index, f32 z, f32 n),
// u64 campaign bytes + campaign index (CampaignIndex::Serialize).
// Weights that are exactly zero are not stored, so a loaded model forgets
// their accumulated gradients (they restart at the base learning rate).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "spam/model/ftrl.h"

namespace tribune::spam::model {

struct ModelData {
  std::string name;       // e.g. "starter-1"
  uint64_t revision = 0;  // moderator decisions learned since training
  FeatureSpace space;
  std::unique_ptr<Ftrl> ftrl;
  std::string campaigns;  // serialised CampaignIndex
};

inline constexpr uint32_t kModelFormat = 1;

// Writes atomically (temporary file, then rename). Internal on I/O errors.
Status WriteModel(const std::string& path, const ModelData& m);
// NotFound when the file is missing, InvalidArgument when it is not a
// model file of a format this build reads.
Result<ModelData> ReadModel(const std::string& path);

}  // namespace tribune::spam::model
