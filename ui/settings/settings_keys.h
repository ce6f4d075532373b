#pragma once
// Every QSettings key Rashisa uses, in one place (typed access: ui/settings/settings.h).

namespace rashisa::ui::keys {

inline constexpr char kLanguage[] = "ui/language";                  // "", "ja", "en"
inline constexpr char kWindowGeometry[] = "ui/windowGeometry";
inline constexpr char kAdvancedTrainingOpen[] = "ui/advancedTrainingOpen";
inline constexpr char kAdvancedGenerateOpen[] = "ui/advancedGenerateOpen";
inline constexpr char kRecentProjects[] = "recent/projects";        // array
inline constexpr char kRecentPath[] = "path";
inline constexpr char kRecentName[] = "name";
inline constexpr char kRecentProducts[] = "productsTrained";
inline constexpr char kRecentImages[] = "imagesMade";
inline constexpr char kRecentOpened[] = "lastOpened";
inline constexpr char kRecentThumbnail[] = "thumbnail";             // PNG bytes
inline constexpr char kDefaultModel[] = "model/default";
inline constexpr char kDevice[] = "device/choice";                   // "auto", "cpu", "cuda"
inline constexpr char kSpeedGroup[] = "speed";                       // speed/<device|family|px>
inline constexpr char kTryPrompt[] = "learn/tryPrompt";
inline constexpr char kReviewer[] = "review/reviewer";              // name recorded with reviews
inline constexpr char kMemoryPlan[] = "device/memoryPlan";          // "", "24gb", "16gb", "12gb", "8gb"
inline constexpr char kPreviewEvery[] = "learn/previewEvery";       // steps
inline constexpr char kExportFolder[] = "export/folder";
inline constexpr char kExportPattern[] = "export/pattern";
inline constexpr char kExportJpeg[] = "export/jpeg";
inline constexpr char kExportQuality[] = "export/quality";
inline constexpr char kShootHours[] = "summary/shootHoursPerImage"; // a photo shoot's hours per finished image
inline constexpr char kGenerationGroup[] = "generation";            // generation/<device|family|px>
inline constexpr char kFirstStartDone[] = "ui/firstStartDone";
inline constexpr char kTemplatesLeftOutGroup[] = "templates/leftOut";  // templates/leftOut/<project hash>: ids
inline constexpr char kTemplateDraftsGroup[] = "templates/drafts";     // templates/drafts/<project hash>: JSON

}  // namespace rashisa::ui::keys
