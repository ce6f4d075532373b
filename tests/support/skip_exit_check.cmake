# cmake -DPROBE=<skip_exit_probe> -P skip_exit_check.cmake
# Checks that a test binary whose tests were all skipped exits 77 (CTest: Skipped), and that one
# with some tests skipped passes and says how many.
function(expect_run filter expected_rc expected_text)
  execute_process(COMMAND "${PROBE}" "--gtest_filter=${filter}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "filter ${filter}: exit code ${rc}, expected ${expected_rc}\n${out}${err}")
  endif()
  if(expected_text AND NOT "${out}${err}" MATCHES "${expected_text}")
    message(FATAL_ERROR "filter ${filter}: the output does not say \"${expected_text}\"\n${out}${err}")
  endif()
endfunction()

expect_run("Probe.Skips" 77 "all 1 tests were skipped")
expect_run("Probe.*" 0 "1 of 2 tests were skipped")
expect_run("Probe.Passes" 0 "")
message(STATUS "skip exit codes are as CTest expects")
