#pragma once
// Checks on the set of photos a user gives for a concept, with advice in plain words.
// Public header: no OpenCV types.
//
// Each photo is measured once at import (summarize_photo) and the summary is stored; the checks
// then run on summaries alone, so re-checking a project never decodes photos again.
#include "engine/core/no_qt.h"
#include "engine/media/image_file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::media {

enum class Severity { Info, Warning, Error };

/// "info", "warning", "error".
const char* severity_name(Severity severity);

struct Finding {
  Severity severity = Severity::Info;
  /// Stable code the UI translates: "too-few-photos", "too-many-photos", "low-resolution",
  /// "blurry", "exact-duplicate", "near-duplicate", "subject-cut-off", "subject-small".
  std::string code;
  std::vector<std::string> photo_ids;  // the photos concerned; empty for the set as a whole
  std::string message;                 // English: what is wrong and what to do
};

struct PhotoSummary {
  std::string id;       // the caller's id (project photo id or file name)
  std::string sha256;   // of the original bytes; empty = unknown (no exact-duplicate check)
  int width = 0;        // as displayed (orientation applied)
  int height = 0;
  double sharpness = -1;             // measure_sharpness(); < 0 = unknown (no blur check)
  std::uint64_t perceptual_hash = 0;
  bool has_hash = false;             // false: no near-duplicate check
  // Subject placement (measure_subject); judged = false when the background is not plain
  // enough to tell the subject from it, and then no subject finding is made.
  bool subject_judged = false;
  double subject_area = 0;           // subject bounding box / frame area, 0..1
  bool subject_touches_border = false;
};

struct CheckThresholds {
  int min_photos = 5;
  int max_photos = 20;
  int min_short_side = 512;      // SD 1.5/2.1-base train at 512 x 512
  double min_sharpness = 40.0;   // see measure_sharpness()
  int max_hash_distance = 6;     // of 64 pHash bits; see perceptual_hash()
  double min_subject_area = 0.05;
};

/// Focus measure: the image is converted to grey, area-downscaled so its longer side is at most
/// 512 px, filtered with the 3x3 Laplacian [0 1 0; 1 -4 1; 0 1 0], and the variance of the
/// response is taken in each cell of a 4 x 4 grid; the result is the largest cell variance (so a
/// sharp product on a plain or defocused background counts as sharp). In 8-bit grey units^2.
/// Calibration: sharp photos measure in the hundreds or thousands; the same photos blurred with
/// a Gaussian of sigma 1 px (at the 512 px scale) measured 60-190, sigma 1.3 px 19-34, sigma
/// 2 px 8-21. Below CheckThresholds::min_sharpness (40) a photo is reported as blurry.
double measure_sharpness(const RgbImage& image);

/// 64-bit DCT perceptual hash (pHash): grey, area-resized to 32 x 32, 2-D DCT, the 8 x 8
/// lowest frequencies compared with their median (bit set = above). Resized, re-encoded or
/// slightly retouched copies differ in a few bits; different shots usually in 15 or more.
// Ref: JohannesBuchner/imagehash, imagehash/__init__.py, phash()
std::uint64_t perceptual_hash(const RgbImage& image);

/// Number of differing bits.
int hash_distance(std::uint64_t a, std::uint64_t b);

struct SubjectPlacement {
  bool judged = false;
  double area = 0;
  bool touches_border = false;
};

/// Cheap subject finder for product shots on a plain background: the background colour is the
/// median of a thin ring along the border; if at least 60% of the ring matches it, pixels that
/// differ from it by more than 32 levels in some channel form the subject. Returns judged =
/// false for busy backgrounds (then nothing can be said) or when no subject stands out.
SubjectPlacement measure_subject(const RgbImage& image);

/// Measures one imported photo (sharpness, hash, subject placement).
PhotoSummary summarize_photo(const std::string& id, const RgbImage& image, const std::string& sha256);

/// Findings for a set of photos, set-level findings first, then per photo in input order.
std::vector<Finding> check_photos(const std::vector<PhotoSummary>& photos, const CheckThresholds& thresholds = {});

}  // namespace rashisa::media
