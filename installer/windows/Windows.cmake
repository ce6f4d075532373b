# Windows: the program's icon, the DLLs beside the programs, and the NSIS installer's settings.
# Included from installer/Packaging.cmake on Windows only; nothing here is read on Linux.
# Not yet run on Windows (installer/README.md).

# The icon of rashisa.exe in Explorer and on the taskbar (the window's own icon is set in main).
set(RASHISA_ICO "${_installer}/icons/rashisa.ico")
configure_file("${_installer}/windows/rashisa.rc.in" "${CMAKE_CURRENT_BINARY_DIR}/rashisa.rc" @ONLY)
if(RASHISA_BUILD_GUI)
  target_sources(rashisa PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/rashisa.rc")
endif()

# The Microsoft C++ runtime, beside the programs.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# libtorch: every DLL of its lib folder (the official archive carries the CUDA runtime, cuBLAS and
# cuDNN there). cuDNN loads its sub-libraries by name at run time, so following the programs'
# imports alone would miss them.
install(DIRECTORY "${TORCH_INSTALL_PREFIX}/lib/" DESTINATION bin FILES_MATCHING PATTERN "*.dll")

# Qt: windeployqt copies the Qt DLLs, the platform and style plugins and Qt's own translations.
set(RASHISA_DEPLOY_WINDEPLOYQT "")
set(RASHISA_DEPLOY_WINDOW "")
if(RASHISA_BUILD_GUI)
  set(RASHISA_DEPLOY_WINDOW "$<TARGET_FILE_NAME:rashisa>")
  find_program(RASHISA_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" "${Qt6_DIR}/../../../bin"
               REQUIRED)
  set(RASHISA_DEPLOY_WINDEPLOYQT "${RASHISA_WINDEPLOYQT}")
endif()

# OpenCV, exiv2, SQLite and what they need (from vcpkg): the DLLs the two programs import, found
# with file(GET_RUNTIME_DEPENDENCIES) at install time (installer/windows/deploy.cmake.in).
set(RASHISA_DEPLOY_DIRECTORIES "${TORCH_INSTALL_PREFIX}/lib")
if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
  list(APPEND RASHISA_DEPLOY_DIRECTORIES "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
endif()
set(_programs "$<TARGET_FILE:rashisa-cli>")
if(RASHISA_BUILD_GUI)
  list(APPEND _programs "$<TARGET_FILE:rashisa>")
endif()
# Each path quoted, for folders with spaces.
set(RASHISA_DEPLOY_PROGRAMS "")
foreach(path IN LISTS _programs)
  string(APPEND RASHISA_DEPLOY_PROGRAMS " \"${path}\"")
endforeach()
set(_directories "${RASHISA_DEPLOY_DIRECTORIES}")
set(RASHISA_DEPLOY_DIRECTORIES "")
foreach(path IN LISTS _directories)
  string(APPEND RASHISA_DEPLOY_DIRECTORIES " \"${path}\"")
endforeach()
configure_file("${_installer}/windows/deploy.cmake.in" "${CMAKE_CURRENT_BINARY_DIR}/rashisa_deploy.cmake.in" @ONLY)
file(GENERATE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/rashisa_deploy-$<CONFIG>.cmake"
     INPUT "${CMAKE_CURRENT_BINARY_DIR}/rashisa_deploy.cmake.in")
install(SCRIPT "${CMAKE_CURRENT_BINARY_DIR}/rashisa_deploy-$<CONFIG>.cmake")

# The NSIS installer: C:\Program Files\Rashisa, a Start-menu shortcut to the window, an
# uninstaller (with its own Start-menu entry and an entry in Apps & features).
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Rashisa")
set(CPACK_PACKAGE_EXECUTABLES "rashisa" "Rashisa")
set(CPACK_NSIS_PACKAGE_NAME "Rashisa ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Rashisa")
set(CPACK_NSIS_MUI_ICON "${RASHISA_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${RASHISA_ICO}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\rashisa.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin on PATH, for rashisa-cli.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_RESOURCE_FILE_LICENSE "${_installer}/windows/third-party.txt")
