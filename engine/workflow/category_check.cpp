#include "engine/workflow/category_check.h"

#include "engine/ml/pipeline/sd_model.h"
#include "engine/workflow/model_session_p.h"

#include <algorithm>

namespace rashisa::workflow {

namespace {

const char* const kExamples = "such as mug, bottle, bag, toy, shoe or chair";

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// "head + phones": the BPE pieces of `word` without the end-of-word marks.
std::string pieces_of(const ml::ClipTokenizer& tokenizer, const std::string& word) {
  std::string out;
  for (auto piece : tokenizer.tokens(word)) {
    const std::string end_of_word = "</w>";
    if (piece.size() >= end_of_word.size() && piece.compare(piece.size() - end_of_word.size(), end_of_word.size(), end_of_word) == 0)
      piece.resize(piece.size() - end_of_word.size());
    out += (out.empty() ? "" : " + ") + piece;
  }
  return out;
}

std::optional<std::string> problem_with(const ml::ClipTokenizer& tokenizer, const std::string& word) {
  const auto first = std::find_if_not(word.begin(), word.end(), [](unsigned char c) { return is_space(c); });
  const auto last = std::find_if_not(word.rbegin(), word.rend(), [](unsigned char c) { return is_space(c); }).base();
  if (first >= last)
    return "Choose a category: one simple English word that says what the product is, " + std::string(kExamples) + ".";
  if (std::any_of(first, last, [](unsigned char c) { return is_space(c); }))
    return "\"" + std::string(first, last) + "\" is more than one word; the category must be one simple English word " +
           "for what the product is, " + kExamples + ".";
  if (first != word.begin() || last != word.end())
    return "Remove the spaces around \"" + std::string(first, last) + "\"; the category is the word alone.";
  if (!std::all_of(word.begin(), word.end(), [](unsigned char c) { return is_ascii_letter(c); }))
    return "\"" + word + "\" is not a plain English word; write the category in English with the letters a-z only, " +
           kExamples + ".";
  if (!tokenizer.single_token_id(word))
    return "The model does not know \"" + word + "\" as one word (it reads it as " + pieces_of(tokenizer, word) +
           "); choose a simpler or more general English word for what the product is, " + kExamples + ".";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> category_problem(ModelSession& session, const std::string& word) {
  const auto& model = session.impl().model;
  // The base model's own words: a product's placeholder added to the session does not count.
  const auto& tokenizer = model.concept_backup ? model.concept_backup->tokenizer : model.tokenizer;
  return problem_with(*tokenizer, word);
}

std::optional<std::string> category_problem(const std::filesystem::path& model, const std::string& word,
                                            const std::filesystem::path& tokenizer_dir) {
  ml::LoadOptions options;
  options.tokenizer_dir = tokenizer_dir;
  return problem_with(ml::load_tokenizer(model, options), word);
}

}  // namespace rashisa::workflow
