#pragma once
// transformers' Trie for splitting added tokens out of a text, ported as is.
// It is leftmost-longest for ordinary token sets; for some overlapping sets
// (e.g. {"aba", "abbc", "b"} on "babca") its lookahead emits cuts that are not
// tokens, and those quirks are kept so that ids stay identical to the reference.
#include <map>
#include <string>
#include <vector>

namespace rashisa::ml {

class AddedTokenTrie {
 public:
  void add(const std::u32string& word);
  /// Trie.split: the text cut at the match offsets; pieces are never empty.
  std::vector<std::u32string> split(const std::u32string& text) const;

 private:
  struct Node {
    std::map<char32_t, int> children;
    bool final = false;
  };
  int child(int node, char32_t c) const;  // -1 when absent

  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
};

}  // namespace rashisa::ml
