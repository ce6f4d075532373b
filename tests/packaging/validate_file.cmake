# cmake -DTOOL=<program name> "-DARGS=<argument>;..." [-DQUIET_WHEN_VALID=ON] -P validate_file.cmake
# Runs a validator on an installer file and fails on any exit code but 0, any output on standard
# error, or with QUIET_WHEN_VALID any output at all (desktop-file-validate prints its warnings
# and exits 0). Says "skipped:" (the test's SKIP_REGULAR_EXPRESSION) when the tool is missing.
find_program(tool_path "${TOOL}")
if(NOT tool_path)
  message(STATUS "skipped: ${TOOL} is not installed")
  return()
endif()
execute_process(COMMAND "${tool_path}" ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR (QUIET_WHEN_VALID AND NOT out STREQUAL ""))
  message(FATAL_ERROR "${TOOL} ${ARGS}: exit code ${rc}\n${out}${err}")
endif()
message(STATUS "${TOOL}: no findings")
