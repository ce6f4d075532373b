// Every public header of engine/workflow, compiled into a test that has no libtorch, OpenCV,
// exiv2 or SQLite include paths: ui/ includes these, and the build fails here first if one of
// them starts to pull in such a header.
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/builtin_catalogue.h"
#include "engine/workflow/category_check.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/device_probe.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/model_summary.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/project_summary.h"
#include "engine/workflow/project_templates.h"
#include "engine/workflow/scratch_dir.h"
#include "engine/workflow/speed_probe.h"
#include "engine/workflow/template_examples.h"
#include "engine/workflow/try_concept.h"

#if defined(TORCH_API) || defined(CV_VERSION) || defined(EXIV2_API) || defined(SQLITE_VERSION)
#error "a public engine/workflow header includes libtorch, OpenCV, exiv2 or SQLite"
#endif
