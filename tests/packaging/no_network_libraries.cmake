# cmake -DREADELF=<readelf> "-DPROGRAMS=<program>;..." -P no_network_libraries.cmake
# Fails when a program needs a network library directly (a DT_NEEDED entry of its dynamic
# section): Rashisa works offline, and the photos never leave the computer.
set(network_libraries
  libQt5Network libQt6Network libcurl libcurl-gnutls libcurl-nss libssl libgnutls libnss3 libnghttp2
  libnghttp3 libngtcp2 libssh libssh2 libldap liblber libsoup-2.4 libsoup-3.0 libzmq libgrpc libgrpc++
  libwebsockets libmicrohttpd librtmp libpsl libresolv libgssapi_krb5 libkrb5 libcpprest libevent libuv
  libavahi-client libcares)

if(NOT PROGRAMS)
  message(FATAL_ERROR "no PROGRAMS to check")
endif()
set(failures "")
foreach(program IN LISTS PROGRAMS)
  get_filename_component(name "${program}" NAME)
  execute_process(COMMAND "${READELF}" --dynamic --wide "${program}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${READELF} could not read ${program}: ${err}")
  endif()
  string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" entries "${out}")
  if(NOT entries)
    message(FATAL_ERROR "${name}: no NEEDED entry in its dynamic section; is it a dynamically linked program?")
  endif()
  set(needed "")
  foreach(entry IN LISTS entries)
    string(REGEX REPLACE ".*\\[([^]]+)\\]$" "\\1" library "${entry}")
    list(APPEND needed "${library}")
    foreach(network IN LISTS network_libraries)
      string(REPLACE "+" "\\+" pattern "${network}")
      if(library MATCHES "^${pattern}\\.so")
        string(APPEND failures "${name} needs a network library: ${library}\n")
      endif()
    endforeach()
  endforeach()
  list(LENGTH needed count)
  message(STATUS "${name}: ${count} libraries checked")
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
