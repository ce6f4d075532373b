#include "engine/ml/tokenizer/added_token_trie.h"

#include <algorithm>

namespace rashisa::ml {

void AddedTokenTrie::add(const std::u32string& word) {
  if (word.empty()) return;
  int node = 0;
  for (char32_t c : word) {
    int next = child(node, c);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_[static_cast<std::size_t>(node)].children.emplace(c, next);
      nodes_.emplace_back();
    }
    node = next;
  }
  nodes_[static_cast<std::size_t>(node)].final = true;
}

int AddedTokenTrie::child(int node, char32_t c) const {
  const auto& children = nodes_[static_cast<std::size_t>(node)].children;
  auto it = children.find(c);
  return it == children.end() ? -1 : it->second;
}

// Ref: transformers/tokenization_utils.py Trie.split and Trie.cut_text.
std::vector<std::u32string> AddedTokenTrie::split(const std::u32string& text) const {
  struct State {
    std::size_t start;
    int node;
  };
  auto is_final = [this](int node) { return nodes_[static_cast<std::size_t>(node)].final; };
  std::vector<State> states;  // partial matches, in order of their start
  std::vector<std::size_t> offsets = {0};
  std::size_t skip = 0;
  for (std::size_t current = 0; current < text.size(); ++current) {
    if (current < skip) continue;
    const char32_t current_char = text[current];
    std::vector<std::size_t> to_remove;
    bool reset = false;
    for (State& state : states) {
      if (is_final(state.node)) {
        // A match ended before `current`: look for the longest match among this
        // and earlier partial matches. Earlier states are assumed to have
        // consumed `current` already (true unless they just failed: the quirk).
        std::size_t start = state.start, end = current;
        for (const State& look : states) {
          if (look.start > start) break;
          std::size_t lookahead = look.start < start ? current + 1 : current;
          end = lookahead;
          int node = look.node;
          if (is_final(node)) start = look.start, end = lookahead, skip = lookahead;
          while (lookahead < text.size()) {
            const int next = child(node, text[lookahead]);
            if (next < 0) break;
            node = next;
            ++lookahead;
            if (is_final(node)) start = look.start, end = lookahead, skip = lookahead;
          }
        }
        offsets.push_back(start);
        offsets.push_back(end);
        reset = true;
        break;
      }
      const int next = child(state.node, current_char);
      if (next >= 0) {
        state.node = next;
      } else {
        to_remove.push_back(state.start);
      }
    }
    if (reset) {
      states.clear();
    } else {
      states.erase(std::remove_if(states.begin(), states.end(),
                                  [&](const State& s) {
                                    return std::find(to_remove.begin(), to_remove.end(), s.start) != to_remove.end();
                                  }),
                   states.end());
    }
    if (current >= skip) {
      const int first = child(0, current_char);
      if (first >= 0) states.push_back(State{current, first});
    }
  }
  for (const State& state : states) {
    if (is_final(state.node)) {
      offsets.push_back(state.start);
      offsets.push_back(text.size());
      break;
    }
  }

  offsets.push_back(text.size());
  std::vector<std::u32string> pieces;
  std::size_t start = 0;
  for (std::size_t end : offsets) {
    if (start >= end) continue;  // zero-width or backwards cut: ignored
    pieces.push_back(text.substr(start, end - start));
    start = end;
  }
  return pieces;
}

}  // namespace rashisa::ml
