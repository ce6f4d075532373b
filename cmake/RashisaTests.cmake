# rashisa_add_test(<name> SOURCES ... [LIBS ...] [LABELS unit|parity|slow|gpu ...]
#                  [NEEDS_REFERENCE] [NO_TORCH] [TIMEOUT seconds])
# NO_TORCH: a test of code without libtorch (store, media): a main without torch, no torch PCH.
# One helper for every test: a GoogleTest executable, labels, skip code 77, and
# RASHISA_REFERENCE_DIR defaulting to ../shared/reference beside the repository.
set(RASHISA_DEFAULT_REFERENCE_DIR "${PROJECT_SOURCE_DIR}/../shared/reference")

function(rashisa_add_test name)
  cmake_parse_arguments(T "NEEDS_REFERENCE;NO_TORCH" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_LABELS)
    message(FATAL_ERROR "rashisa_add_test(${name}): give at least one label")
  endif()
  add_executable(${name} ${T_SOURCES})
  if(T_NO_TORCH)
    target_link_libraries(${name} PRIVATE rashisa_policy rashisa_test_main_plain ${T_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  else()
    rashisa_torch_target(${name})
    if(T_NEEDS_REFERENCE)
      target_link_libraries(${name} PRIVATE rashisa_test_main_reference)
    else()
      target_link_libraries(${name} PRIVATE rashisa_test_main)
    endif()
    target_link_libraries(${name} PRIVATE rashisa_test_support ${T_LIBS})
  endif()
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  set_tests_properties(${name} PROPERTIES
    LABELS "${T_LABELS}"
    SKIP_RETURN_CODE 77
    TIMEOUT ${T_TIMEOUT})
endfunction()
