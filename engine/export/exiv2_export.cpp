#include "engine/export/exiv2_export_p.h"

#include "engine/core/error.h"
#include "engine/core/exiv2_lock.h"

#include <exiv2/exiv2.hpp>

#include "engine/core/exiv2_compat.h"

#include <locale>
#include <sstream>

namespace rashisa::exporting::detail {
namespace {

constexpr const char* kPrefix = "rashisa";

// Caller holds exiv2_export_mutex().
void init_once() {
  static bool done = false;
  if (done) return;
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  Exiv2::XmpParser::initialize();
  Exiv2::XmpProperties::registerNs(kRashisaXmpNamespace, kPrefix);
  done = true;
}

// Sets value_ directly: XmpTextValue::read() would parse a leading "type=" out of a prompt.
void put_text(Exiv2::XmpData& xmp, const std::string& key, const std::string& text) {
  Exiv2::XmpTextValue value;
  value.value_ = text;
  xmp.add(Exiv2::XmpKey(key), &value);
}

std::string text_of(const Exiv2::XmpData& xmp, const std::string& key) {
  const auto it = xmp.findKey(Exiv2::XmpKey(key));
  return it == xmp.end() ? std::string() : it->toString();
}

std::string number_text(double v) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(17);
  for (int p = 1; p <= 17; ++p) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s.precision(p);
    s << v;
    std::istringstream back(s.str());
    back.imbue(std::locale::classic());
    double r = 0;
    back >> r;
    if (r == v) return s.str();
  }
  out << v;
  return out.str();
}

bool is_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

exiv2_compat::ImageTypeId expected_type(ExportFormat format) {
  return format == ExportFormat::Png ? Exiv2::ImageType::png : Exiv2::ImageType::jpeg;
}

}  // namespace

std::mutex& exiv2_export_mutex() { return rashisa::exiv2_mutex(); }  // shared with engine/media

std::vector<std::uint8_t> add_provenance(const std::vector<std::uint8_t>& encoded, ExportFormat format,
                                         const ImageProvenance& p, const std::string& parameters) {
  std::lock_guard<std::mutex> lock(exiv2_export_mutex());
  try {
    init_once();
    if (exiv2_compat::type_of(encoded.data(), encoded.size()) != expected_type(format))
      throw Error(ErrorCode::Internal, "the encoder produced bytes exiv2 does not recognise");
    auto image = exiv2_compat::open(encoded.data(), encoded.size());
    if (image.get() == nullptr) throw Error(ErrorCode::Internal, "exiv2 could not open the encoded image");
    image->readMetadata();

    // Only what we set here reaches the file: the encoder's bytes carry no metadata of their
    // own, and we replace rather than merge.
    Exiv2::XmpData xmp;
    put_text(xmp, "Xmp.iptcExt.DigitalSourceType",
             p.composite ? kCompositeWithTrainedAlgorithmicMedia : kTrainedAlgorithmicMedia);
    put_text(xmp, "Xmp.xmp.CreatorTool", std::string("Rashisa ") + RASHISA_VERSION);
    if (p.include_prompts) {
      put_text(xmp, "Xmp.rashisa.Prompt", p.prompt);
      if (!p.negative_prompt.empty()) put_text(xmp, "Xmp.rashisa.NegativePrompt", p.negative_prompt);
    }
    put_text(xmp, "Xmp.rashisa.Seed", std::to_string(p.seed));
    if (!p.sampler.empty()) put_text(xmp, "Xmp.rashisa.Sampler", p.sampler);
    put_text(xmp, "Xmp.rashisa.Steps", std::to_string(p.steps));
    put_text(xmp, "Xmp.rashisa.Guidance", number_text(p.guidance));
    if (!p.base_model_hash.empty()) put_text(xmp, "Xmp.rashisa.BaseModelHash", p.base_model_hash);
    if (!p.concept_id.empty()) put_text(xmp, "Xmp.rashisa.ConceptId", p.concept_id);
    image->setXmpData(xmp);
    image->clearIptcData();
    image->clearComment();

    Exiv2::ExifData exif;
    if (format == ExportFormat::Jpeg && !parameters.empty()) {
      // piexif (what A1111 uses) writes UNICODE comments as UCS-2 big-endian; exiv2 converts
      // to the Exif byte order, so the TIFF header is made big-endian.
      image->setByteOrder(Exiv2::bigEndian);
      Exiv2::CommentValue comment;
      comment.read((is_ascii(parameters) ? "charset=Ascii " : "charset=Unicode ") + parameters);
      exif.add(Exiv2::ExifKey("Exif.Photo.UserComment"), &comment);
    }
    image->setExifData(exif);
    image->writeMetadata();

    Exiv2::BasicIo& io = image->io();
    if (io.open() != 0) throw Error(ErrorCode::Internal, "exiv2 could not reopen its memory buffer");
    std::vector<std::uint8_t> out = exiv2_compat::read_all(io);
    io.close();
    if (out.empty()) throw Error(ErrorCode::Internal, "exiv2 returned an empty image");
    return out;
  } catch (const Error& e) {
    throw Error(ErrorCode::FileWrite, std::string("could not label the image with its provenance: ") + e.what());
  } catch (const std::exception& e) {
    throw Error(ErrorCode::FileWrite, std::string("could not label the image with its provenance (exiv2): ") + e.what());
  } catch (...) {
    throw Error(ErrorCode::FileWrite, "could not label the image with its provenance (exiv2 failed)");
  }
}

ReadProvenance read_exiv2_provenance(const std::vector<std::uint8_t>& bytes) {
  std::lock_guard<std::mutex> lock(exiv2_export_mutex());
  ReadProvenance out;
  try {
    init_once();
    const auto type = exiv2_compat::type_of(bytes.data(), bytes.size());
    if (type != Exiv2::ImageType::png && type != Exiv2::ImageType::jpeg)
      throw Error(ErrorCode::FileFormat, "not a PNG or JPEG file");
    auto image = exiv2_compat::open(bytes.data(), bytes.size());
    if (image.get() == nullptr) throw Error(ErrorCode::FileFormat, "exiv2 could not open the file");
    image->readMetadata();
    const Exiv2::XmpData& xmp = image->xmpData();
    out.digital_source_type = text_of(xmp, "Xmp.iptcExt.DigitalSourceType");
    out.creator_tool = text_of(xmp, "Xmp.xmp.CreatorTool");
    for (const auto& d : xmp)
      if (d.groupName() == kPrefix) out.has_rashisa_fields = true;
    ImageProvenance& p = out.provenance;
    p.composite = out.digital_source_type == kCompositeWithTrainedAlgorithmicMedia;
    p.prompt = text_of(xmp, "Xmp.rashisa.Prompt");
    p.negative_prompt = text_of(xmp, "Xmp.rashisa.NegativePrompt");
    p.include_prompts = !p.prompt.empty();
    p.sampler = text_of(xmp, "Xmp.rashisa.Sampler");
    p.base_model_hash = text_of(xmp, "Xmp.rashisa.BaseModelHash");
    p.concept_id = text_of(xmp, "Xmp.rashisa.ConceptId");
    try {
      const std::string seed = text_of(xmp, "Xmp.rashisa.Seed");
      if (!seed.empty()) p.seed = std::stoull(seed);
      const std::string steps = text_of(xmp, "Xmp.rashisa.Steps");
      if (!steps.empty()) p.steps = std::stoi(steps);
      std::istringstream g(text_of(xmp, "Xmp.rashisa.Guidance"));
      g.imbue(std::locale::classic());
      g >> p.guidance;
      if (g.fail()) p.guidance = 0.0;
    } catch (const std::exception&) {
      // A damaged number reads as 0: this is a viewer, not a validator.
    }
    if (type == Exiv2::ImageType::jpeg) {
      const Exiv2::ExifData& exif = image->exifData();
      const auto it = exif.findKey(Exiv2::ExifKey("Exif.Photo.UserComment"));
      if (it != exif.end()) {
        if (const auto* c = dynamic_cast<const Exiv2::CommentValue*>(&it->value())) out.parameters = c->comment();
        else out.parameters = it->toString();
      }
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorCode::FileFormat, std::string("could not read the image's metadata: ") + e.what());
  } catch (...) {
    throw Error(ErrorCode::FileFormat, "could not read the image's metadata (exiv2 failed)");
  }
  return out;
}

}  // namespace rashisa::exporting::detail
