# Runs lrelease on a .ts file (never with -silent) and fails when it reports an unfinished or
# an untranslated entry. -D LRELEASE=... -D TS=... -D QM=...
execute_process(COMMAND "${LRELEASE}" "${TS}" -qm "${QM}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lrelease failed on ${TS}")
endif()
if(NOT out MATCHES "Generated [0-9]+ translation\\(s\\) \\([0-9]+ finished and 0 unfinished\\)")
  message(FATAL_ERROR "${TS} has unfinished translations: complete them (Qt Linguist or the .ts file)")
endif()
if(out MATCHES "Ignored [0-9]+ untranslated")
  message(FATAL_ERROR "${TS} has untranslated source texts: translate them")
endif()
