#pragma once
// The consistency of a CLIP BPE tokenizer folder (vocab.json, merges.txt and the special-token
// files) with itself and with the text encoder it feeds. Torch-free: the caller passes the
// number of rows of the text encoder's token embedding.
#include <cstdint>
#include <filesystem>
#include <string>

namespace rashisa::model_io {

/// Throws ModelError(ModelMismatch, TokenizerMismatch) when the tokenizer's ids do not match
/// the text encoder's `embedding_rows` (< 0: not compared), when merges.txt lacks merges that
/// vocab.json's tokens need or makes tokens vocab.json does not have, or when the start and
/// end tokens are not CLIP's. Unreadable files are left to the tokenizer's own loader.
/// `source` names the model in messages.
void check_tokenizer(const std::filesystem::path& dir, std::int64_t embedding_rows, const std::string& source);

}  // namespace rashisa::model_io
