#pragma once
// The one device the reference parity tests run on, chosen by RASHISA_TEST_DEVICE:
// "cpu" (the default) or "cuda" / "cuda:N". On CUDA, TF32 is turned off (the manifest's
// tolerances assume exact float32 matmuls) and the parity tolerances are loosened by the
// fixed rule of gpu_tolerance() below; on the CPU nothing changes.
#include <gtest/gtest.h>
#include <torch/types.h>

#include <string>

namespace rashisa::testing {

/// The device RASHISA_TEST_DEVICE names. Throws std::runtime_error for a name that is not
/// cpu, cuda or cuda:N, and when CUDA is asked for but absent (check test_device_missing()
/// first). The first CUDA call turns TF32 off for cuBLAS and cuDNN.
torch::Device test_device();
/// True when RASHISA_TEST_DEVICE is cuda[:N] (whether or not a GPU is present).
bool test_device_is_cuda();
/// Why the requested device cannot be used here (no CUDA in this libtorch or machine, no
/// such GPU index), or "" when it can. Throws std::runtime_error for an unknown name.
std::string test_device_missing();

/// Parity tolerance on CUDA. The manifest's atol/rtol are 20x the float32-vs-float64 noise of
/// the CPU reference; a GPU's kernels sum in other orders (and use other convolution and
/// attention algorithms), so on CUDA a check allows 10x the manifest's atol and rtol, and
/// never less than an atol of 1e-6. Integer tensors and tensors marked exact stay exact.
inline constexpr double kGpuToleranceFactor = 10.0;
inline constexpr double kGpuAtolFloor = 1e-6;
struct Tolerance {
  double atol = 0.0;
  double rtol = 0.0;
};
/// The tolerance to apply on the test device to a manifest tolerance (itself on the CPU).
Tolerance device_tolerance(Tolerance manifest);

}  // namespace rashisa::testing

/// First statement of a parity test: skips it (with the reason) when RASHISA_TEST_DEVICE asks
/// for a GPU that is not here. When every test of a binary skips, it exits 77 (skip_exit.h).
#define RASHISA_SKIP_UNLESS_TEST_DEVICE()                                                          \
  do {                                                                                            \
    const std::string rashisa_missing_device_ = ::rashisa::testing::test_device_missing();        \
    if (!rashisa_missing_device_.empty()) GTEST_SKIP() << "SKIPPED: " << rashisa_missing_device_; \
  } while (0)
