// The store conformance suite: every backend must pass these. A backend's
// test file instantiates it with a factory that makes a fresh, empty store:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance, testing::Values(&MakeSqlite));
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "store/store.h"

namespace tribune::store {

using StoreFactory = std::unique_ptr<Store> (*)();

class StoreConformance : public testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam()();
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(store_->Migrate().ok());
  }
  std::unique_ptr<Store> store_;
};

}  // namespace tribune::store
