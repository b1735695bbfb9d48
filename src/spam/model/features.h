// Turns an analysed comment into hashed, weighted features for the model:
// words, word pairs and character 4-grams of the normalised text, plus
// tagged tokens (link domains, e-mail domain, author script, fired rules,
// length and shape buckets).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "spam/analysis.h"
#include "spam/signals/signal.h"

namespace tribune::spam::model {

// A feature's readable name, "tag:first" or "tag:first second", as views
// into the Analysis and hits it came from (valid while they live), and the
// words of the text it was drawn from (indices into Analysis::body.words;
// -1 for features not drawn from the words: hosts, rules, the bias).
struct FeatureName {
  std::string_view tag, first, second;
  int from = -1, to = -1;  // inclusive
  bool empty() const { return tag.empty(); }
  bool operator==(const FeatureName&) const = default;
  std::string ToString() const;
};

struct FeatureSet {
  std::vector<uint32_t> index;
  std::vector<float> value;
  std::vector<FeatureName> name;  // filled only when names are asked for
};

struct FeatureSpace {
  uint64_t key = 0;
  uint32_t bits = 20;
};

// Thread-safe. With `keep_names`, out->name[i] names out->index[i] (for
// explaining a verdict; empty for character n-grams); without, `name`
// stays empty. Names point into `a` and `hits`.
// Link hosts become features only with `hosts`: corpora teach nothing
// about a site's linked domains, moderators' decisions do.
void ExtractFeatures(const Analysis& a, const signals::Hits& hits, const FeatureSpace& space,
                     bool keep_names, bool hosts, FeatureSet* out);

}  // namespace tribune::spam::model
