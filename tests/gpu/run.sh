#!/usr/bin/env bash
# shellcheck disable=SC2317  # the step functions run through `bash -c`
# The one-shot GPU check: on a CUDA machine whose only C++ dependency is a pip `torch`, build
# the ml-only preset, run the reference parity tests on the GPU, and benchmark generation and
# training. Everything lands in OUT_DIR as text: one log per step and summary.txt.
#
#   tests/gpu/prepare-deps.sh            # once, on a machine with apt (fills .deps/)
#   tests/gpu/run.sh OUT_DIR             # on the GPU machine, from anywhere
#
# A failing step is recorded and the next one runs; the exit status is 1 when any step failed.
# Each step has its own time limit and the whole run stays inside RASHISA_GPU_CHECK_BUDGET_S
# (default 570 s): a step gets what is left when its own limit would overrun, and steps that
# find no time left are recorded as not run. See tests/gpu/README.md for the environment knobs.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out="$(mkdir -p "$1" && cd "$1" && pwd)"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${RASHISA_GPU_CHECK_BUILD_DIR:-$repo/build-gpu}"
python="${PYTHON:-python3}"
allow_cpu="${RASHISA_GPU_CHECK_ALLOW_CPU:-0}"
stop_after="${RASHISA_GPU_CHECK_STOP_AFTER:-}"
deadline=$(($(date +%s) + ${RASHISA_GPU_CHECK_BUDGET_S:-570}))
jobs="$(nproc 2>/dev/null || echo 4)"
summary="$out/summary.txt"
failures=0

parity_tests=(test_unet_parity test_vae_parity test_clip_text_parity test_pipeline_parity test_scheduler_parity
  test_train_step_parity)
read -r -a targets <<<"${RASHISA_GPU_CHECK_TARGETS:-${parity_tests[*]} bench_generate bench_train}"
memory_plans=(24gb 16gb 12gb 8gb)

note() { echo "$*" | tee -a "$summary"; }

# run_step NAME LIMIT_S COMMAND...: runs COMMAND with a time limit into OUT_DIR/NAME.log and
# records the outcome in summary.txt. Never fails itself.
run_step() {
  local name="$1" limit="$2"
  shift 2
  local log="$out/$name.log" left=$((deadline - $(date +%s)))
  if ((left < 15)); then
    note "$(printf '%-28s NOT RUN (time budget spent)' "$name")"
    failures=$((failures + 1))
    return 0
  fi
  ((limit > left)) && limit=$left
  printf '$ %s\n# time limit %d s\n' "$*" "$limit" >"$log"
  local t0 rc=0
  t0=$(date +%s)
  timeout --kill-after=10 "$limit" "$@" >>"$log" 2>&1 || rc=$?
  local dt=$(($(date +%s) - t0)) status
  if ((rc == 0)); then
    status="ok"
  elif ((rc == 124 || rc == 137)); then
    status="TIMEOUT after ${limit} s"
  else
    status="FAILED (exit $rc)"
  fi
  ((rc == 0)) || failures=$((failures + 1))
  note "$(printf '%-28s %-24s %4d s   %s' "$name" "$status" "$dt" "$name.log")"
  if [[ "$stop_after" == "$name" ]]; then finish; fi
  return 0
}

finish() {
  {
    echo
    echo "== key numbers =="
    # grep finds nothing in a step that failed early: not an error here.
    grep -h -E 'tests passed|Skipped|\*\*\*Failed|Not Run|Timeout' "$out"/parity.log 2>/dev/null | sed 's/^/parity: /' || true
    for f in "$out"/generate_*.log; do
      [[ -e "$f" ]] || continue
      grep -h -E '^device:|unet forward|txt2img|peak memory' "$f" | sed "s/^/$(basename "$f" .log): /" || true
    done
    for f in "$out"/budget_*.log; do
      [[ -e "$f" ]] || continue
      grep -h -E '^plan |^ +stage|total ' "$f" | sed "s/^/$(basename "$f" .log): /" || true
    done
    for f in "$out"/train_*.log; do
      [[ -e "$f" ]] || continue
      grep -h -E '^device:|s/step|projected|peak memory|out of memory' "$f" | sed "s/^/$(basename "$f" .log): /" || true
    done
    echo
    echo "steps failed or not run: $failures"
  } >>"$summary"
  exit $((failures > 0))
}

# --- what is here ----------------------------------------------------------------------------
: >"$summary"
note "Rashisa GPU check, $(date -u +%Y-%m-%dT%H:%M:%SZ), repo $repo, commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"

shared="${RASHISA_SHARED_DIR:-}"
if [[ -z "$shared" ]]; then
  for candidate in "$repo/shared" "$repo/../shared"; do
    if [[ -e "$candidate/reference/manifest.json" ]]; then
      shared="$(cd "$candidate" && pwd)"
      break
    fi
  done
fi
export RASHISA_SHARED_DIR="${shared:-$repo/../shared}"
export RASHISA_REFERENCE_DIR="${RASHISA_REFERENCE_DIR:-$RASHISA_SHARED_DIR/reference}"

# The libtorch to build against: the pip torch's CMake package, else (dry runs) the system's.
torch_prefix="${RASHISA_TORCH_PREFIX:-}"
torch_cuda=0
torch_abi="${RASHISA_TORCH_CXX11_ABI:-}"
if [[ -z "$torch_prefix" ]] && "$python" -c 'import torch' 2>/dev/null; then
  torch_prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
  torch_cuda="$("$python" -c 'import torch; print(int(torch.cuda.is_available()))')"
  [[ -n "$torch_abi" ]] || torch_abi="$("$python" -c 'import torch; print(int(torch.compiled_with_cxx11_abi()))')"
fi
[[ -n "$torch_abi" ]] || torch_abi=1  # Debian's libtorch-dev and other system builds
device=cuda
if [[ "$torch_cuda" != 1 ]]; then
  if [[ "$allow_cpu" == 1 ]]; then
    device=cpu
    note "RASHISA_GPU_CHECK_ALLOW_CPU=1: no CUDA torch here, a dry run on the CPU"
  else
    note "no CUDA: python3 finds no torch with a usable GPU (set RASHISA_GPU_CHECK_ALLOW_CPU=1 for a CPU dry run)"
    failures=$((failures + 1))
  fi
fi
note "torch prefix: ${torch_prefix:-(system default)}, C++11 ABI $torch_abi, test device $device"
note "reference: $RASHISA_REFERENCE_DIR $([[ -e "$RASHISA_REFERENCE_DIR/manifest.json" ]] && echo found || echo MISSING)"

environment() {
  set +e
  echo "== uname"; uname -a
  echo "== nvidia-smi"; nvidia-smi
  echo "== python torch"
  "$python" -c 'import torch, sys; print(sys.version); print("torch", torch.__version__, "cuda", torch.version.cuda,
"available", torch.cuda.is_available(), "cxx11 abi", torch.compiled_with_cxx11_abi());
print("devices", [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())])'
  echo "== tools"; cmake --version | head -1; ninja --version; c++ --version | head -1; nvcc --version | tail -2
  echo "== cpus $jobs"; free -g
  return 0
}
export -f environment
export python jobs
run_step env 30 bash -c environment

# --- build ------------------------------------------------------------------------------------
gtest_src="$repo/.deps/googletest/usr/src/googletest"
gtest_prefix="$build/_googletest/install"
json_dir="$repo/.deps/nlohmann-json/usr/share/cmake/nlohmann_json"

googletest() {
  set -e
  if [[ -e "$gtest_prefix/lib/cmake/GTest/GTestConfig.cmake" || -e "$gtest_prefix/lib64/cmake/GTest/GTestConfig.cmake" ]]; then
    echo "already installed in $gtest_prefix"
    return 0
  fi
  [[ -e "$gtest_src/CMakeLists.txt" ]] || { echo "no $gtest_src: run tests/gpu/prepare-deps.sh and carry .deps"; return 1; }
  # Built with the torch's string ABI: a pip torch before 2.7 uses the old one.
  cmake -S "$gtest_src" -B "$build/_googletest/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_GMOCK=OFF \
    -DINSTALL_GTEST=ON -DCMAKE_INSTALL_PREFIX="$gtest_prefix" -DCMAKE_INSTALL_LIBDIR=lib \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$torch_abi"
  cmake --build "$build/_googletest/build" -j "$jobs"
  cmake --install "$build/_googletest/build"
}

configure() {
  set -e
  [[ -e "$json_dir/nlohmann_jsonConfig.cmake" ]] || { echo "no $json_dir: run tests/gpu/prepare-deps.sh and carry .deps"; return 1; }
  local args=(--preset ml-only -B "$build" -DRASHISA_BUILD_TESTS=ON -DRASHISA_BUILD_BENCH=ON
    -Dnlohmann_json_DIR="$json_dir" -DGTest_DIR="$gtest_prefix/lib/cmake/GTest")
  [[ -n "$torch_prefix" ]] && args+=(-DCMAKE_PREFIX_PATH="$torch_prefix")
  command -v ninja >/dev/null || args+=(-G "Unix Makefiles")
  # libtorch's CMake package looks for the CUDA toolkit; point it at the usual place.
  if [[ -d /usr/local/cuda ]] && ! command -v nvcc >/dev/null; then
    args+=(-DCUDA_TOOLKIT_ROOT_DIR=/usr/local/cuda -DCUDAToolkit_ROOT=/usr/local/cuda)
  fi
  (cd "$repo" && cmake "${args[@]}")
  # The top CMakeLists defines RASHISA_TORCH_CUDA when libtorch has c10_cuda.
  if grep -q '^C10_CUDA_LIBRARY:.*c10_cuda' "$build/CMakeCache.txt"; then
    echo "libtorch with CUDA: RASHISA_TORCH_CUDA=1"
  else
    echo "libtorch without CUDA (C10_CUDA_LIBRARY not found)"
    [[ "$device" == cpu ]] || return 1
  fi
  grep -E '^(GTest_DIR|nlohmann_json_DIR|Torch_DIR)' "$build/CMakeCache.txt" || true
  [[ -e "$build/tests/CTestTestfile.cmake" ]] || { echo "GoogleTest not found: the tests are not configured"; return 1; }
}

build_targets() {
  # shellcheck disable=SC2086  # a list of target names
  cmake --build "$build" -j "$jobs" --target $build_target_list
}

export -f googletest configure build_targets
export repo build gtest_src gtest_prefix json_dir torch_prefix torch_abi device
export build_target_list="${targets[*]}"

run_step googletest 90 bash -c googletest
run_step configure 90 bash -c configure
run_step build 240 bash -c build_targets

# --- parity on the device ---------------------------------------------------------------------
parity_regex="^($(IFS='|'; echo "${parity_tests[*]}"))\$"
export RASHISA_TEST_DEVICE="$device"
run_step parity 90 \
  ctest --test-dir "$build" -R "$parity_regex" --output-on-failure --timeout 80
if grep -q 'Skipped' "$out/parity.log" 2>/dev/null; then
  note "parity: some tests were SKIPPED (see parity.log): no GPU parity for them"
  failures=$((failures + 1))
fi

# --- benchmarks -------------------------------------------------------------------------------
gen_dtype=fp16
[[ "$device" == cuda ]] || gen_dtype=fp32
run_step generate_batch1 60 "$build/tests/bench/bench_generate" --device "$device" --dtype "$gen_dtype" --size 512 \
  --steps 50 --batch 1 --repeats 3
run_step generate_batch4 75 "$build/tests/bench/bench_generate" --device "$device" --dtype "$gen_dtype" --size 512 \
  --steps 50 --batch 4 --repeats 2
# Per memory plan: the predicted byte budget of each stage (no GPU work), then the measured
# seconds per step and peak memory (stages 1-3 of the default preset at batch 8, stage 3 of the
# fast preset at its batch), a few steps each.
for plan in "${memory_plans[@]}"; do
  run_step "budget_$plan" 20 "$build/tests/bench/bench_train" --plan "$plan" --dry-run --model sd21 --resolution 512
  run_step "train_$plan" 60 "$build/tests/bench/bench_train" --device "$device" --resolution 512 --steps 1 \
    --plan "$plan"
done

finish
