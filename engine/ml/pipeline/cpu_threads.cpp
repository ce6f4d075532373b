#include "engine/ml/pipeline/cpu_threads.h"

#include <ATen/Parallel.h>

#include <cstdlib>
#include <mutex>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rashisa::ml {

namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

// Ref: OpenMathLib/OpenBLAS cblas.h (openblas_get_parallel: 0 sequential, 1 pthreads, 2 OpenMP)
struct OpenBlasApi {
  int (*get_parallel)() = nullptr;
  int (*get_num_threads)() = nullptr;
  void (*set_num_threads)(int) = nullptr;
  char* (*get_config)() = nullptr;
  bool found() const { return get_parallel && get_num_threads && set_num_threads; }
};

OpenBlasApi find_openblas() {
  OpenBlasApi api;
#if !defined(_WIN32)
  // Whatever BLAS libtorch was linked to is already loaded: look it up in the global scope.
  api.get_parallel = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_parallel"));
  api.get_num_threads = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  api.set_num_threads = reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  api.get_config = reinterpret_cast<char* (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
#endif
  return api;
}

// "OpenBLAS 0.3.29 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64" -> "OpenBLAS 0.3.29".
std::string short_config(const char* config) {
  if (config == nullptr) return "OpenBLAS";
  const std::string s(config);
  const auto first = s.find(' ');
  const auto second = first == std::string::npos ? std::string::npos : s.find(' ', first + 1);
  return s.substr(0, second);
}

// glibc serves every block above 128 KiB (adapting up to 32 MiB) with its own mmap and gives it
// back with munmap on free, so each CPU step's large temporaries (attention scores, im2col
// buffers) cost fresh zeroed pages from the kernel, every step. Measured on the demo model
// (2-core VM, libtorch 1.13, 256 px, 20 steps x 6 images): 138 s wall with 137 s of system time;
// with blocks up to 1 GiB kept in the heap and up to 1 GiB of free heap kept, 63 s and 16 s.
// The numbers do not change, only where the memory comes from. MALLOC_MMAP_THRESHOLD_ /
// MALLOC_TRIM_THRESHOLD_ (or GLIBC_TUNABLES) from the user win.
std::string keep_large_blocks() {
#if defined(__GLIBC__)
  if (env_set("MALLOC_MMAP_THRESHOLD_") || env_set("MALLOC_TRIM_THRESHOLD_") || env_set("GLIBC_TUNABLES"))
    return "malloc as set by the environment";
  const bool ok = mallopt(M_MMAP_THRESHOLD, 1 << 30) == 1 && mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1;
  return ok ? "malloc keeps blocks up to 1 GiB" : "malloc left as it is";
#else
  return {};
#endif
}

CpuThreads configure() {
  CpuThreads t;
  t.allocator = keep_large_blocks();
  t.torch_threads = at::get_num_threads();
  const OpenBlasApi api = find_openblas();
  if (!api.found()) {
    t.blas = "not OpenBLAS";
    t.decision = "left as it is";
    return t;
  }
  const int parallel = api.get_parallel();
  t.blas = short_config(api.get_config ? api.get_config() : nullptr) +
           (parallel == 1 ? " (pthreads)" : parallel == 2 ? " (OpenMP)" : " (single-threaded)");
  t.blas_threads_found = api.get_num_threads();
  t.blas_threads = t.blas_threads_found;
  if (env_set("OPENBLAS_NUM_THREADS") || env_set("GOTO_NUM_THREADS")) {
    t.decision = "set by the environment";
  } else if (parallel == 1 && t.torch_threads > 1 && t.blas_threads_found > 1) {
    api.set_num_threads(1);
    t.blas_threads = api.get_num_threads();
    t.decision = "one BLAS thread inside torch's parallel regions";
  } else if (parallel == 2) {
    t.decision = "nests inside torch's OpenMP regions";
  } else {
    t.decision = "left as it is";
  }
  return t;
}

}  // namespace

std::string CpuThreads::summary() const {
  std::string s = "CPU threads: torch " + std::to_string(torch_threads) + ", BLAS " + blas;
  if (blas_threads_found > 0) {
    s += " " + std::to_string(blas_threads) + (blas_threads == 1 ? " thread" : " threads");
    if (blas_threads != blas_threads_found) s += " (was " + std::to_string(blas_threads_found) + ")";
  }
  s += ": " + decision;
  if (!allocator.empty()) s += "; " + allocator;
  return s;
}

const CpuThreads& configure_cpu_threads() {
  static std::once_flag once;
  static CpuThreads threads;
  std::call_once(once, [] { threads = configure(); });
  return threads;
}

}  // namespace rashisa::ml
