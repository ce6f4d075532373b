#pragma once
// Every QSettings key Rashisa uses, in one place (typed access: ui/settings/settings.h).

namespace rashisa::ui::keys {

inline constexpr char kLanguage[] = "ui/language";                  // "", "ja", "en"
inline constexpr char kWindowGeometry[] = "ui/windowGeometry";
inline constexpr char kAdvancedTrainingOpen[] = "ui/advancedTrainingOpen";
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

}  // namespace rashisa::ui::keys
