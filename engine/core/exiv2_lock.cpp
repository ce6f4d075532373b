#include "engine/core/exiv2_lock.h"

namespace rashisa {

std::mutex& exiv2_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace rashisa
