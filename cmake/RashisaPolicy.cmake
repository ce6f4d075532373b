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

# _rashisa_includes_torch(<file> <out>): whether <file> includes a libtorch header (torch/, ATen/,
# c10/), itself or through the project's own headers ("quoted" includes, found beside the file or
# from the source root). Memoised per file for the configure run.
function(_rashisa_includes_torch file out)
  get_property(known GLOBAL PROPERTY "RASHISA_INCLUDES_TORCH:${file}" SET)
  if(known)
    get_property(result GLOBAL PROPERTY "RASHISA_INCLUDES_TORCH:${file}")
    set(${out} ${result} PARENT_SCOPE)
    return()
  endif()
  set_property(GLOBAL PROPERTY "RASHISA_INCLUDES_TORCH:${file}" OFF)  # include cycles end here
  set(result OFF)
  get_filename_component(dir "${file}" DIRECTORY)
  file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "<(torch|ATen|c10)/")
      set(result ON)
      break()
    endif()
    if(NOT line MATCHES "\"([^\"]+)\"")
      continue()
    endif()
    set(header "")
    foreach(base "${dir}" "${PROJECT_SOURCE_DIR}")
      if(EXISTS "${base}/${CMAKE_MATCH_1}")
        set(header "${base}/${CMAKE_MATCH_1}")
        break()
      endif()
    endforeach()
    if(header)
      _rashisa_includes_torch("${header}" via_header)
      if(via_header)
        set(result ON)
        break()
      endif()
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY "RASHISA_INCLUDES_TORCH:${file}" ${result})
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# The precompiled header shared by every translation unit that uses libtorch: each one built
# once (RASHISA_TORCH_PCH names the one for this directory), the others reuse it (same flags by
# construction). A source of the target that includes no libtorch header (the tokenizer, config
# parsers, most of rashisa-cli) is compiled without it: with GCC 12 the libtorch header costs such
# a file 3-4 times its own time (engine/ml/unet/unet_config.cpp: 3.8 s alone, 12 s with it at
# -O2), while a file that does use libtorch compiles in half the time with it (unet.cpp: 33 s
# without, 19 s with). Sources added to the target after this call keep the header.
function(rashisa_torch_target target)
  target_link_libraries(${target} PUBLIC rashisa_policy ${TORCH_LIBRARIES} nlohmann_json::nlohmann_json)
  if(RASHISA_USE_PCH)
    if(NOT TARGET ${RASHISA_TORCH_PCH})
      message(FATAL_ERROR "the precompiled header target '${RASHISA_TORCH_PCH}' must be defined before ${target}")
    endif()
    target_precompile_headers(${target} REUSE_FROM ${RASHISA_TORCH_PCH})
    get_target_property(sources ${target} SOURCES)
    foreach(source IN LISTS sources)
      if(NOT source MATCHES "\\.(cpp|cc|cxx)$")
        continue()
      endif()
      get_filename_component(path "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
      if(NOT EXISTS "${path}")
        continue()  # generated, or a generator expression
      endif()
      _rashisa_includes_torch("${path}" uses_torch)
      if(NOT uses_torch)
        set_source_files_properties("${source}" PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
      endif()
    endforeach()
  endif()
endfunction()

# RelWithDebInfo with GCC or Clang: line tables only (-g1), which is what backtraces and profilers
# of an optimised build use (functions, files, lines), and which compiles a libtorch translation
# unit in two thirds of the time of -g (engine/ml/unet/unet.cpp: 14.9 s against 18.9 s, GCC 12)
# with a third less object size. RASHISA_DEBUG_INFO=full keeps -g (local variables too).
set(RASHISA_DEBUG_INFO "lines" CACHE STRING
    "Debug information of RelWithDebInfo builds with GCC or Clang: lines (-g1) or full (-g)")
set_property(CACHE RASHISA_DEBUG_INFO PROPERTY STRINGS lines full)
if(RASHISA_DEBUG_INFO STREQUAL "lines" AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  string(REGEX REPLACE "(^| )-g( |$)" "\\1-g1\\2" CMAKE_CXX_FLAGS_RELWITHDEBINFO
         "${CMAKE_CXX_FLAGS_RELWITHDEBINFO}")
endif()

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
