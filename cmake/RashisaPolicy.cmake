# Build policy in one INTERFACE target: language level, warnings, defines.
# Every Rashisa target links rashisa_policy; nothing sets flags elsewhere.
add_library(rashisa_policy INTERFACE)
target_compile_features(rashisa_policy INTERFACE cxx_std_17)
target_compile_definitions(rashisa_policy INTERFACE
  RASHISA_VERSION="${PROJECT_VERSION}")
if(MSVC)
  target_compile_options(rashisa_policy INTERFACE /W4 /permissive- /utf-8 /bigobj)
  target_compile_definitions(rashisa_policy INTERFACE NOMINMAX _USE_MATH_DEFINES)
else()
  target_compile_options(rashisa_policy INTERFACE -Wall -Wextra -Wno-unused-parameter)
endif()

# rashisa_add_torch_pch(<name>): a target whose precompiled header (libtorch, nlohmann_json)
# the libtorch translation units of the current directory and below reuse. It is compiled with
# that directory's options, so tests/ (other optimisation flags) has its own.
function(rashisa_add_torch_pch name)
  add_library(${name} STATIC ${PROJECT_SOURCE_DIR}/cmake/torch_pch.cpp)
  target_link_libraries(${name} PUBLIC rashisa_policy ${TORCH_LIBRARIES} nlohmann_json::nlohmann_json)
  target_precompile_headers(${name} PRIVATE <torch/torch.h> <nlohmann/json.hpp>)
endfunction()

# The precompiled header shared by every translation unit that uses libtorch: each one built
# once (RASHISA_TORCH_PCH names the one for this directory), the others reuse it (same flags by
# construction).
function(rashisa_torch_target target)
  target_link_libraries(${target} PUBLIC rashisa_policy ${TORCH_LIBRARIES} nlohmann_json::nlohmann_json)
  if(RASHISA_USE_PCH)
    if(NOT TARGET ${RASHISA_TORCH_PCH})
      message(FATAL_ERROR "the precompiled header target '${RASHISA_TORCH_PCH}' must be defined before ${target}")
    endif()
    target_precompile_headers(${target} REUSE_FROM ${RASHISA_TORCH_PCH})
  endif()
endfunction()

# Test code is compiled with its own options. Tests call into the optimised engine; their own
# code is set-up and checks, which -O1 without debug information compiles in about half the time
# of -O2 -g (measured on a test and on the trainer, GCC 12). Applies to the Release and
# RelWithDebInfo builds with GCC or Clang; empty keeps the build type's flags (e.g. to debug a
# test in a RelWithDebInfo tree: -DRASHISA_TEST_CXX_FLAGS=).
set(RASHISA_TEST_CXX_FLAGS "-O1;-g0" CACHE STRING
    "Compile options for test code in Release/RelWithDebInfo builds (GCC, Clang); empty: the engine's")
function(rashisa_use_test_flags out)
  set(use OFF)
  if(RASHISA_TEST_CXX_FLAGS AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang"
     AND CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo)$")
    set(use ON)
  endif()
  set(${out} ${use} PARENT_SCOPE)
endfunction()

# The linker: lld, else gold, when the compiler can use them. Every test program links libtorch
# and the engine with its debug information; GNU ld takes 5.8 s for one, gold 2.9 s, lld 0.9 s
# (Debian 12, test_workflow_services). RASHISA_LINKER=default keeps the compiler's own.
set(RASHISA_LINKER "fast" CACHE STRING "Linker: fast (lld, else gold, else the default) or default")
if(NOT MSVC AND RASHISA_LINKER STREQUAL "fast")
  include(CheckLinkerFlag)
  foreach(ld lld gold)
    check_linker_flag(CXX "-fuse-ld=${ld}" RASHISA_HAVE_LD_${ld})
    if(RASHISA_HAVE_LD_${ld})
      target_link_options(rashisa_policy INTERFACE "-fuse-ld=${ld}")
      message(STATUS "Linker: ${ld}")
      break()
    endif()
  endforeach()
endif()
