#pragma once
// One lock for every exiv2 call in the process. exiv2 0.27 keeps global state (the XMP
// toolkit, registered namespaces, the log level) that is not thread-safe, and photo intake
// (engine/media) and export (engine/export) run on different worker threads in the GUI, so
// both must hold this one mutex, not one each. No exiv2 header is needed to use it.
#include "engine/core/no_qt.h"

#include <mutex>

namespace rashisa {

std::mutex& exiv2_mutex();

}  // namespace rashisa
