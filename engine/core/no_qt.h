#pragma once
// engine/ must stay usable without Qt (rashisa-cli, GPU machines without Qt).
#if defined(QT_CORE_LIB)
#error "engine/ must not be compiled against Qt; keep Qt in ui/ and app/gui."
#endif
