// The demo model's own small CLIP BPE vocabulary.
//
// Layout as CLIP builds it: the 256 byte characters, the same with the end-of-word mark "</w>",
// one entry per merge, then <|startoftext|> and <|endoftext|> (the highest id, which the legacy
// text-encoder configs pool at).
// Ref: openai/CLIP clip/simple_tokenizer.py (bytes_to_unicode and the vocabulary order)
#include "engine/workflow/demo.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <utility>
#include <string>
#include <vector>

namespace rashisa::workflow {

namespace {

// Every word of the built-in catalogue's prompts, negative prompts and variable values, the
// category words of the window's list and a few more, sorted. Fixed here (not read from the
// catalogue) so the demo model stays the same when the catalogue changes.
const char* const kWords[] = {
    "a", "above", "airy", "among", "an", "and", "at", "autumn", "background", "backpack", "bag", "beach", "being",
    "bench", "black", "blossom", "blue", "blurry", "board", "bottle", "bowl", "box", "bracelet", "bread", "bright",
    "by", "cafe", "cake", "camera", "can", "candid", "candle", "centered", "ceramic", "chair", "cherry", "clear",
    "clock", "cluttered", "coffee", "colors", "composition", "concrete", "cookie", "countertop", "cozy", "cropped",
    "cup", "dark", "day", "decorations", "deformed", "depth", "desk", "detail", "directly", "distortion", "doll",
    "dress", "dried", "even", "evening", "evenly", "extra", "few", "field", "fingers", "flat", "flowers", "focus",
    "for", "fresh", "from", "gentle", "gift", "glasses", "golden", "green", "grey", "hands", "hat", "headphones", "high", "holiday",
    "home", "hour", "in", "jacket", "jar", "kitchen", "knife", "lamp", "lay", "leaves", "lifestyle", "light",
    "lighting", "linen", "lit", "living", "logo", "low", "marble", "minimal", "modern", "morning", "mountain", "mug",
    "natural", "necklace", "new", "no", "notebook", "oak", "object", "objects", "of", "office", "on", "orange",
    "other", "overcast", "paper", "park", "pastel", "pen", "people", "perfume", "perspective", "petals", "photo",
    "photography", "pillow", "pink", "place", "plant", "plate", "product", "professional", "props", "pure",
    "quality", "red", "reflection", "ribbon", "ring", "rock", "room", "sand", "scene", "seamless", "season", "seen",
    "shadow", "shallow", "sharp", "shirt", "shoe", "snow", "soap", "sofa", "soft", "softbox", "speaker", "spring",
    "stone", "studio", "style", "summer", "sunlight", "sunny", "surface", "surrounded", "table", "tablecloth",
    "teapot", "terrace", "text", "the", "thing", "towel", "toy", "trail", "travelling", "umbrella", "used", "vase",
    "wallet", "walnut", "warm", "watch", "watermark", "weather", "while", "white", "window", "winter", "with",
    "wooden", "year"};

std::string utf8(unsigned code) {
  std::string s;
  if (code < 0x80) {
    s += static_cast<char>(code);
  } else {  // the byte characters stay below U+0800
    s += static_cast<char>(0xC0 | (code >> 6));
    s += static_cast<char>(0x80 | (code & 0x3F));
  }
  return s;
}

// The 256 byte characters in CLIP's order: printable Latin-1 bytes stand for themselves, the
// others map to U+0100 onwards.
std::vector<std::string> byte_characters() {
  std::vector<unsigned> bytes;
  for (unsigned b = '!'; b <= '~'; ++b) bytes.push_back(b);
  for (unsigned b = 0xA1; b <= 0xAC; ++b) bytes.push_back(b);
  for (unsigned b = 0xAE; b <= 0xFF; ++b) bytes.push_back(b);
  std::set<unsigned> printable(bytes.begin(), bytes.end());
  std::vector<std::string> chars;
  for (unsigned b : bytes) chars.push_back(utf8(b));
  unsigned next = 256;
  for (unsigned b = 0; b < 256; ++b)
    if (!printable.count(b)) chars.push_back(utf8(next++));
  return chars;
}

// How CLIP's BPE splits a lower-case ASCII word: characters, the last with "</w>", then the
// adjacent pair of lowest rank merged until no pair has a rank.
// Ref: openai/CLIP clip/simple_tokenizer.py (SimpleTokenizer.bpe)
std::vector<std::string> bpe_pieces(const std::string& word,
                                    const std::map<std::pair<std::string, std::string>, std::size_t>& ranks) {
  std::vector<std::string> pieces;
  for (std::size_t i = 0; i < word.size(); ++i) pieces.push_back(word.substr(i, 1) + (i + 1 == word.size() ? "</w>" : ""));
  while (pieces.size() > 1) {
    std::size_t best = ranks.size(), at = 0;
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
      const auto r = ranks.find({pieces[i], pieces[i + 1]});
      if (r != ranks.end() && r->second < best) best = r->second, at = i;
    }
    if (best == ranks.size()) break;
    pieces[at] += pieces[at + 1];
    pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(at) + 1);
  }
  return pieces;
}

}  // namespace

DemoTokenizerText demo_tokenizer_text() {
  std::vector<std::string> vocab = byte_characters();
  const std::size_t bytes = vocab.size();
  for (std::size_t i = 0; i < bytes; ++i) vocab.push_back(vocab[i] + "</w>");

  // Each word becomes one token: it is split as the merges so far split it (BPE, lowest rank
  // first), then its pieces are merged left to right by new merges. New merges rank after every
  // earlier one, so they never change how an earlier word is read.
  std::string merges = "#version: 0.2\n";
  std::map<std::pair<std::string, std::string>, std::size_t> ranks;
  std::set<std::string> known(vocab.begin(), vocab.end());
  for (const char* word : kWords) {
    std::vector<std::string> pieces = bpe_pieces(word, ranks);
    while (pieces.size() > 1) {
      const std::string merged = pieces[0] + pieces[1];
      if (ranks.emplace(std::make_pair(pieces[0], pieces[1]), ranks.size()).second)
        merges += pieces[0] + " " + pieces[1] + "\n";
      if (known.insert(merged).second) vocab.push_back(merged);  // one id per string
      pieces[1] = merged;
      pieces.erase(pieces.begin());
    }
  }
  vocab.push_back("<|startoftext|>");
  vocab.push_back("<|endoftext|>");

  nlohmann::json v = nlohmann::json::object();
  for (std::size_t i = 0; i < vocab.size(); ++i) v[vocab[i]] = i;
  return {v.dump(), merges, vocab.size()};
}

}  // namespace rashisa::workflow
