#pragma once
// SHA-256 (FIPS 180-4), for photo hashes and base-model identity.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rashisa {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  std::array<std::uint8_t, 32> finish();
  /// Lower-case hex of finish().
  std::string hex();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

std::string sha256_hex(const void* data, std::size_t size);

}  // namespace rashisa
