# Fails when a .ts file is out of date with the sources: lupdate, run with exactly the options
# of the update_translations target on a copy, would change it.
# -D LUPDATE=... -D TS=... -D LIST=... -D SOURCE_DIR=... -D WORK=... -D OPTIONS="a;b" [-D PLURAL_ONLY=ON]
get_filename_component(name "${TS}" NAME)
set(copy "${WORK}/${name}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY_FILE "${TS}" "${copy}")
set(extra)
if(PLURAL_ONLY)
  set(extra -pluralonly)
endif()
execute_process(COMMAND "${LUPDATE}" ${OPTIONS} ${extra} -I "${SOURCE_DIR}" "@${LIST}" -ts "${copy}"
                WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed")
endif()
file(READ "${TS}" before)
file(READ "${copy}" after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "${TS} is out of date with the sources. Run: cmake --build build --target update_translations, "
                      "then translate the new entries (Japanese) and commit the .ts files.")
endif()
