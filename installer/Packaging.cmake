# What `cmake --install` puts where, and CPack: the Debian package on Linux, the NSIS installer
# on Windows (installer/README.md). Included from the top-level CMakeLists.txt after app/, whose
# install(TARGETS) rules put rashisa and rashisa-cli into bin.
if(RASHISA_ML_ONLY)
  return()
endif()

include(GNUInstallDirs)
set(RASHISA_APP_ID "org.rashisa.Rashisa")
set(RASHISA_ICON_SIZES 16 24 32 48 64 128 256)
set(_installer "${CMAKE_CURRENT_LIST_DIR}")

if(UNIX AND NOT APPLE)
  if(RASHISA_BUILD_GUI)
    install(FILES "${_installer}/${RASHISA_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${_installer}/${RASHISA_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${_installer}/${RASHISA_APP_ID}.mime.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages"
            RENAME "${RASHISA_APP_ID}.xml")
    install(FILES "${_installer}/icons/rashisa.svg" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME "${RASHISA_APP_ID}.svg")
    foreach(size IN LISTS RASHISA_ICON_SIZES)
      install(FILES "${_installer}/icons/rashisa-${size}.png"
              DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" RENAME "${RASHISA_APP_ID}.png")
    endforeach()
  endif()

  # The man pages, compressed as Debian installs them (gzip -n: no name or time in the header).
  find_program(RASHISA_GZIP gzip REQUIRED)
  set(_man_pages rashisa-cli.1)
  if(RASHISA_BUILD_GUI)
    list(APPEND _man_pages rashisa.1)
  endif()
  set(_man_outputs "")
  foreach(page IN LISTS _man_pages)
    set(_out "${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz")
    add_custom_command(OUTPUT "${_out}"
      COMMAND ${CMAKE_COMMAND} -E copy "${_installer}/man/${page}" "${CMAKE_CURRENT_BINARY_DIR}/man/${page}"
      COMMAND "${RASHISA_GZIP}" -9nf "${CMAKE_CURRENT_BINARY_DIR}/man/${page}"
      DEPENDS "${_installer}/man/${page}"
      COMMENT "Compressing the man page ${page}"
      VERBATIM)
    list(APPEND _man_outputs "${_out}")
  endforeach()
  add_custom_target(rashisa_man_pages ALL DEPENDS ${_man_outputs})
  install(FILES ${_man_outputs} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()

if(WIN32)
  include("${_installer}/windows/Windows.cmake")
endif()

set(CPACK_PACKAGE_NAME "rashisa")
set(CPACK_PACKAGE_VENDOR "Rashisa")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The Debian description's long part, one paragraph per blank line (CPack indents it).
set(CPACK_PACKAGE_DESCRIPTION [[
Rashisa learns one product from 5 to 20 photos on your own workstation and
then makes catalogue and advertising images of it from prompt templates (the
product on a white studio background, on a wooden table in morning light,
...), in batches and fully offline: the photos never leave the company. It
runs Stable Diffusion 1.5 and 2.1 models that you supply (nothing is
downloaded) and learns the product with AttnDreamBooth.

The window (rashisa, in Japanese and English) covers the whole job: photos
with checks, training with previews, prompt templates, batches, review with
the keyboard and export of the approved images labelled as AI-made.
rashisa-cli does the same headless.]])
set(RASHISA_PACKAGE_MAINTAINER "Rashisa maintainers <maintainers@users.noreply.r-seed-c3a9141b.example>"
    CACHE STRING "The Maintainer of the Debian package (CPACK_PACKAGE_CONTACT)")
set(CPACK_PACKAGE_CONTACT "${RASHISA_PACKAGE_MAINTAINER}")
# The programs are built with debug information in RelWithDebInfo; the package carries none.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# Depends: computed by dpkg-shlibdeps from the libraries the two programs link (Qt 6, libtorch,
# OpenCV, exiv2, SQLite).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Recommends, which apt installs by default:
# - fonts-noto-cjk: the window's Japanese text; without a CJK font it shows empty boxes.
# - qt6-translations-l10n: Qt's own Japanese strings (standard buttons, file dialogs).
# - libopenblas0-pthread: libtorch calls BLAS through the libblas.so.3 alternative, and Debian's
#   reference BLAS (what libtorch's dependency pulls in alone) is about 20 times slower on the CPU.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, libopenblas0-pthread")

if(WIN32)
  set(CPACK_GENERATOR "NSIS")
else()
  set(CPACK_GENERATOR "DEB")
endif()
include(CPack)
