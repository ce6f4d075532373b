#pragma once
// Pickle checkpoints (.ckpt, .bin, .pt, .pth) are refused on purpose: unpickling
// runs code chosen by whoever made the file. Every loader calls refuse_pickle()
// before reading a weight file.
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace rashisa::model_io {

/// True for the extensions PyTorch pickles use: .ckpt .bin .pt .pth .pkl .pickle (any case).
bool has_pickle_extension(const std::filesystem::path& path);

/// True when these leading bytes of a file of `size` bytes look like a PyTorch pickle
/// (protocol 2-5 opcode) or a torch.save zip archive and not like safetensors.
bool looks_like_pickle(const unsigned char* head, std::size_t head_size, std::uint64_t size) noexcept;

/// True when the file starts like a PyTorch pickle (protocol 2-5 opcode) or a torch.save
/// zip archive and not like a safetensors file. False for unreadable or short files.
bool has_pickle_content(const std::filesystem::path& path);

/// Throws Error(UnsafeFormat) with an explanation and what to do instead when `path`
/// is a pickle checkpoint by extension or by content (also a pickle renamed to
/// .safetensors); returns normally otherwise.
void refuse_pickle(const std::filesystem::path& path);

/// The Error(UnsafeFormat) refuse_pickle() throws, for callers that already know.
[[noreturn]] void throw_pickle_refused(const std::filesystem::path& path);

}  // namespace rashisa::model_io
