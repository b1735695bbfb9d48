#pragma once

#include "core/status.h"
#include "store/store.h"

namespace tribune::app {

// Fills an empty store with a small demo site: articles and comments that
// show every part of a page (pagination, BBCode, quotes). Does nothing when
// the store already has articles.
Status SeedDemoContent(store::Store& store, const std::string& secret);

}  // namespace tribune::app
