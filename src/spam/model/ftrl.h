// Online logistic regression trained with FTRL-proximal (McMahan et al.,
// "Ad Click Prediction: a View from the Trenches", 2013): per-coordinate
// learning rates and L1 regularisation, so rare words learn fast and most
// weights stay exactly zero (a small model file).
// Not thread-safe: the engine serialises Update against Logit.
#pragma once

#include <cstdint>
#include <vector>

#include "spam/model/features.h"

namespace tribune::spam::model {

struct FtrlParams {
  double alpha = 0.1;  // learning-rate scale
  double beta = 1.0;   // learning-rate smoothing
  double l1 = 0.5;     // sparsity
  double l2 = 1.0;     // shrinkage
};

class Ftrl {
 public:
  Ftrl(uint32_t bits, FtrlParams params);

  // The log-odds of spam for `f`.
  double Logit(const FeatureSet& f) const;
  // One step towards `label` (1 spam, 0 ham) with importance `weight`; a
  // negative weight steps away from it (un-learning an earlier step).
  void Update(const FeatureSet& f, double label, double weight);

  uint32_t bits() const { return bits_; }
  const FtrlParams& params() const { return params_; }
  size_t size() const { return z_.size(); }
  float z(size_t i) const { return z_[i]; }
  float n(size_t i) const { return n_[i]; }
  float w(size_t i) const { return w_[i]; }
  void Set(size_t i, float z, float n);

 private:
  float WeightOf(size_t i) const;

  uint32_t bits_;
  FtrlParams params_;
  std::vector<float> z_, n_, w_;
};

}  // namespace tribune::spam::model
