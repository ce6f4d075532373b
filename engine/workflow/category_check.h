#pragma once
// The product's category word (AttnDreamBooth's super-category: "a photo of a <V> mug") must
// be one token of the model's CLIP tokenizer; training refuses anything else. These checks let
// the GUI and the CLI say so while the user types, before any work. Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/workflow/model_session.h"

#include <filesystem>
#include <optional>
#include <string>

namespace rashisa::workflow {

/// nullopt when `word` works as the category; otherwise an English sentence saying why and what
/// to do. A category is one word of English letters (a-z, any case) that the model's tokenizer
/// reads as a single token; the model's own vocabulary decides, so "mug" works and "headphones"
/// (read as "head" + "phones") does not. A product applied to the session does not count.
std::optional<std::string> category_problem(ModelSession& session, const std::string& word);

/// The same, loading only the model's tokenizer (fast; no weights). Throws rashisa::Error when
/// the tokenizer cannot be found or read (as describe_model / ModelSession::open would).
std::optional<std::string> category_problem(const std::filesystem::path& model, const std::string& word,
                                            const std::filesystem::path& tokenizer_dir = {});

}  // namespace rashisa::workflow
