#pragma once
// Block-wise 8-bit quantisation of optimiser state, as bitsandbytes stores its 8-bit Adam
// moments: the tensor is cut into blocks of 256 values, each block is divided by its absolute
// maximum, and every normalised value is replaced by the index of the nearest entry of a
// 256-entry "dynamic" map (a floating-point-like code: dense near zero, sparse near one).
// The first moment uses the signed map, the second (never negative) the unsigned one.
// Ref: bitsandbytes-foundation/bitsandbytes/bitsandbytes/functional.py (create_dynamic_map,
//      quantize_blockwise, dequantize_blockwise)
// Ref: bitsandbytes-foundation/bitsandbytes/bitsandbytes/optim/optimizer.py (Optimizer2State:
//      blockwise state1 with the signed map, state2 with the unsigned map, block size 256)
#include <torch/types.h>

namespace rashisa::ml {

inline constexpr int64_t kQuantBlock = 256;

/// The 256 sorted code values in [-1, 1] (signed) or [0, 1] (unsigned), float32 CPU.
torch::Tensor dynamic_map(bool is_signed);

struct BlockwiseInt8 {
  torch::Tensor codes;   // [numel] uint8, index into the map
  torch::Tensor absmax;  // [ceil(numel / 256)] float32, the scale of each block
};

/// x: any shape, float32. Nearest code per value (ties go to the larger code).
BlockwiseInt8 quantize_blockwise(const torch::Tensor& x, bool is_signed);
/// Back to float32 with `sizes` (numel must match the codes).
torch::Tensor dequantize_blockwise(const BlockwiseInt8& q, bool is_signed, torch::IntArrayRef sizes);

}  // namespace rashisa::ml
