#pragma once
// CPU threading (and glibc's allocator for large temporaries), configured once per process
// before any torch math.
//
// libtorch parallelises CPU kernels over its OpenMP threads, and several kernels (bmm, the
// im2col convolution) call BLAS from inside those parallel regions. Linked to the pthreads
// build of OpenBLAS (Debian's libopenblas0-pthread, and most distributions' default), every
// such call also starts OpenBLAS's own thread pool: the threads fight and a tiny UNet forward
// becomes ~85x slower (measured in a Debian 13 root, libtorch 2.6, OpenBLAS 0.3.29). The
// OpenMP build of OpenBLAS nests correctly (it runs one thread inside an OpenMP region), so it
// is left alone. An explicit OPENBLAS_NUM_THREADS / GOTO_NUM_THREADS from the user always wins.
#include <string>

namespace rashisa::ml {

struct CpuThreads {
  int torch_threads = 1;      // libtorch's intra-op threads
  std::string blas;           // "OpenBLAS 0.3.29 (pthreads)", or "not OpenBLAS"
  int blas_threads_found = 0; // OpenBLAS's threads as found; 0 when not OpenBLAS
  int blas_threads = 0;       // after configuration
  std::string decision;       // why blas_threads is what it is
  std::string allocator;      // glibc: large temporaries are kept in the heap (cpu_threads.cpp)
  /// One line for logs and benchmark output.
  std::string summary() const;
};

/// Configures the threads on the first call (thread-safe) and returns what was found and chosen.
const CpuThreads& configure_cpu_threads();

}  // namespace rashisa::ml
