#pragma once
// Labelled export of generated images (DESIGN.md §7, RELIABILITY.md §5 PRIV-2): PNG or JPEG
// written atomically (temporary file beside the target, fsync, rename) and carrying only
// provenance: IPTC DigitalSourceType, xmp:CreatorTool, the generation settings in Rashisa's own
// XMP namespace and an A1111-style "parameters" text. No GPS, no camera or personal EXIF.
// Public header: no OpenCV or exiv2 types.
#include "engine/core/no_qt.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::exporting {

/// Interleaved 8-bit RGB, row-major, no padding (same layout as rashisa::media::RgbImage).
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 3
};

enum class ExportFormat { Png, Jpeg };

/// XMP namespace for Rashisa's own properties (prefix "rashisa").
constexpr const char* kRashisaXmpNamespace = "https://rashisa.app/ns/1.0/";
constexpr const char* kTrainedAlgorithmicMedia =
    "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
constexpr const char* kCompositeWithTrainedAlgorithmicMedia =
    "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

struct ImageProvenance {
  std::string prompt;
  std::string negative_prompt;
  std::uint64_t seed = 0;
  std::string sampler;  // Rashisa's name: "dpmpp-2m", "euler", ...
  int steps = 0;
  double guidance = 0.0;
  std::string base_model_hash;  // hex sha256 of the base model (full in XMP; first 10 in "parameters")
  std::string concept_id;
  /// true for inpainting/outpainting on a real photo: compositeWithTrainedAlgorithmicMedia.
  bool composite = false;
  /// false leaves the prompt, the negative prompt and the "parameters" text out of the file
  /// (the settings, DigitalSourceType and CreatorTool stay).
  bool include_prompts = true;
};

/// A1111-style text that common Stable Diffusion tools read:
/// "<prompt>\nNegative prompt: <neg>\nSteps: N, Sampler: X, CFG scale: G, Seed: S, Size: WxH, Model hash: H"
/// (the Negative prompt line only when there is one; sampler names as A1111 shows them,
/// e.g. "DPM++ 2M"; model hash = first 10 hex digits, A1111's short form).
std::string a1111_parameters(const ImageProvenance& p, int width, int height);

/// Encodes `image` (PNG lossless; JPEG at jpeg_quality 1..100, OpenCV/libjpeg defaults otherwise) with the metadata above
/// and writes it to `path` (UTF-8) through a temporary file in the same folder + fsync + rename; an
/// existing file at `path` is replaced only by a complete new one. PNG: XMP in an iTXt chunk,
/// "parameters" in a tEXt chunk (iTXt when not ASCII). JPEG: XMP in APP1, "parameters" in
/// Exif.Photo.UserComment (ASCII, or UCS-2 big-endian when not ASCII, as piexif writes it).
/// Throws Error(InvalidArgument) for a bad image/quality, Error(FileWrite) for any failure
/// while encoding, labelling or writing; no file (and no temporary) is left behind then.
void export_image(const std::string& path, const RgbImage& image, ExportFormat format, int jpeg_quality,
                  const ImageProvenance& provenance);

/// The bytes export_image() writes for the same arguments, without writing them. The same image
/// and provenance give the same bytes (nothing time-dependent is written), so a file that holds
/// exactly these bytes is one an earlier export finished. Throws as export_image() does.
std::vector<std::uint8_t> export_bytes(const RgbImage& image, ExportFormat format, int jpeg_quality,
                                       const ImageProvenance& provenance);

/// What read_provenance() finds in a file.
struct ReadProvenance {
  std::string digital_source_type;  // Xmp.iptcExt.DigitalSourceType, empty if absent
  std::string creator_tool;         // Xmp.xmp.CreatorTool
  std::string parameters;           // PNG "parameters" text chunk or JPEG UserComment
  bool has_rashisa_fields = false;  // any Xmp.rashisa.* property present
  ImageProvenance provenance;       // the Xmp.rashisa.* fields (seed 0, steps 0, ... if absent)
};

/// Reads the fields export_image() writes, for tests and the review UI. `path` is UTF-8. The
/// file is read into memory and parsed from there (RELIABILITY.md IMG-5). Throws Error(FileNotFound / FileRead),
/// Error(FileFormat) when it is not a PNG or JPEG exiv2 can parse.
ReadProvenance read_provenance(const std::string& path);

}  // namespace rashisa::exporting
