// The CPU threading configuration (engine/ml/pipeline/cpu_threads.h): with the pthreads build
// of OpenBLAS and more than one torch thread, BLAS runs one thread, so the two thread pools do
// not fight (85x slower UNet forwards were measured when they did). Every test binary's main
// configures it as the programs do, so this test also fails if the shared main stops doing so.
#include "engine/ml/pipeline/cpu_threads.h"

#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif

namespace {

int openblas_threads_now() {
#if !defined(_WIN32)
  auto* get = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return get ? get() : 0;
#else
  return 0;
#endif
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

TEST(CpuThreads, PthreadsOpenBlasRunsOneThreadUnderTorchsThreads) {
  // Read before calling configure_cpu_threads() here: the shared test main has done it already.
  const int before = openblas_threads_now();
  const auto& t = rashisa::ml::configure_cpu_threads();
  std::printf("%s\n", t.summary().c_str());
  EXPECT_EQ(t.torch_threads, at::get_num_threads());
  EXPECT_NE(t.summary().find("torch " + std::to_string(t.torch_threads)), std::string::npos);
  if (t.blas_threads_found == 0) {
    EXPECT_EQ(t.blas, "not OpenBLAS");
    GTEST_SKIP() << "libtorch here is not linked to OpenBLAS; nothing to configure";
  }
  EXPECT_EQ(t.blas_threads, openblas_threads_now());
  EXPECT_EQ(before, t.blas_threads) << "the test main did not configure the threads before the tests";
  const bool pthreads = t.blas.find("(pthreads)") != std::string::npos;
  if (pthreads && t.torch_threads > 1 && !env_set("OPENBLAS_NUM_THREADS") && !env_set("GOTO_NUM_THREADS")) {
    EXPECT_EQ(t.blas_threads, 1) << t.summary();
  }
  // And torch still computes correctly with that configuration (inside and outside parallel regions).
  torch::manual_seed(0);
  const auto a = torch::randn({8, 64, 32}, torch::kFloat64);
  const auto b = torch::randn({8, 32, 16}, torch::kFloat64);
  const auto expected = (a.unsqueeze(3) * b.unsqueeze(1)).sum(2);
  EXPECT_TRUE(torch::allclose(torch::bmm(a, b), expected, 1e-12, 1e-12));
}

TEST(CpuThreads, ConfiguresOnce) {
  const auto* first = &rashisa::ml::configure_cpu_threads();
  EXPECT_EQ(first, &rashisa::ml::configure_cpu_threads());
}

}  // namespace
