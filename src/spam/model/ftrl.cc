#include "spam/model/ftrl.h"

#include <algorithm>
#include <cmath>

namespace tribune::spam::model {

Ftrl::Ftrl(uint32_t bits, FtrlParams params)
    : bits_(bits),
      params_(params),
      z_(size_t{1} << bits),
      n_(size_t{1} << bits),
      w_(size_t{1} << bits) {}

float Ftrl::WeightOf(size_t i) const {
  double z = z_[i];
  if (std::fabs(z) <= params_.l1) return 0.f;
  double sign = z < 0 ? -1.0 : 1.0;
  double denom =
      (params_.beta + std::sqrt(static_cast<double>(n_[i]))) / params_.alpha + params_.l2;
  return static_cast<float>(-(z - sign * params_.l1) / denom);
}

double Ftrl::Logit(const FeatureSet& f) const {
  double s = 0;
  for (size_t k = 0; k < f.index.size(); ++k) s += w_[f.index[k]] * f.value[k];
  return s;
}

void Ftrl::Update(const FeatureSet& f, double label, double weight) {
  double p = 1.0 / (1.0 + std::exp(-std::clamp(Logit(f), -35.0, 35.0)));
  double err = (p - label) * weight;
  for (size_t k = 0; k < f.index.size(); ++k) {
    size_t i = f.index[k];
    double g = err * f.value[k];
    double n_old = n_[i];
    double n_new = n_old + g * g;
    double sigma = (std::sqrt(n_new) - std::sqrt(n_old)) / params_.alpha;
    z_[i] = static_cast<float>(z_[i] + g - sigma * w_[i]);
    n_[i] = static_cast<float>(n_new);
    w_[i] = WeightOf(i);
  }
}

void Ftrl::Set(size_t i, float z, float n) {
  z_[i] = z;
  n_[i] = n;
  w_[i] = WeightOf(i);
}

}  // namespace tribune::spam::model
