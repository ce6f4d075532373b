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

# Precompiled header shared by every translation unit that uses libtorch.
# One PCH target is built once; the others reuse it (same flags by construction).
function(rashisa_torch_target target)
  target_link_libraries(${target} PUBLIC rashisa_policy ${TORCH_LIBRARIES} nlohmann_json::nlohmann_json)
  if(RASHISA_USE_PCH)
    if(NOT TARGET rashisa_torch_pch)
      message(FATAL_ERROR "rashisa_torch_pch must be defined before ${target}")
    endif()
    target_precompile_headers(${target} REUSE_FROM rashisa_torch_pch)
  endif()
endfunction()
