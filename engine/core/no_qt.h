#pragma once
// engine/ must stay usable without Qt (rashisa-cli, GPU machines without Qt): no engine
// translation unit may be compiled against Qt. The Qt front end (ui/, app/gui) includes the
// engine's public headers, which is allowed: its targets define RASHISA_QT_FRONTEND.
#if defined(QT_CORE_LIB) && !defined(RASHISA_QT_FRONTEND)
#error "engine/ must not be compiled against Qt; keep Qt in ui/ and app/gui."
#endif
