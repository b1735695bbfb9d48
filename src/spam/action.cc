#include "spam/types.h"

namespace tribune::spam {

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kPublish:
      return "publish";
    case Action::kHold:
      return "hold";
    case Action::kSpam:
      return "spam";
    case Action::kDiscard:
      return "discard";
  }
  return "publish";
}

}  // namespace tribune::spam
