# The libstdc++ string ABI of the libtorch that was found, applied to every Rashisa target.
# libtorch states it in TORCH_CXX_FLAGS (-D_GLIBCXX_USE_CXX11_ABI=0|1); mixing the two ABIs in
# one program links, or not, and then fails at run time on any std::string that crosses. The
# system's Qt, OpenCV, exiv2 and GoogleTest are built with the new ABI (1), so a libtorch built
# with the old one (0: pip wheels before PyTorch 2.7, the "Pre-cxx11 ABI" download) can build
# only the ml-only preset.
function(rashisa_apply_torch_abi)
  if(MSVC)
    return()
  endif()
  set(abi "")
  if(TORCH_CXX_FLAGS MATCHES "-D_GLIBCXX_USE_CXX11_ABI=([01])")
    set(abi "${CMAKE_MATCH_1}")
  endif()
  if(abi STREQUAL "")
    message(STATUS "libtorch does not state its C++ string ABI; the compiler's default is used")
    return()
  endif()
  set(RASHISA_TORCH_CXX11_ABI "${abi}" PARENT_SCOPE)
  message(STATUS "libtorch C++ string ABI: _GLIBCXX_USE_CXX11_ABI=${abi} (used for every target)")
  target_compile_definitions(rashisa_policy INTERFACE _GLIBCXX_USE_CXX11_ABI=${abi})
  if(abi STREQUAL "0" AND NOT RASHISA_ML_ONLY)
    message(FATAL_ERROR
      "This libtorch (${Torch_DIR}) is built with the old C++ string ABI (_GLIBCXX_USE_CXX11_ABI=0), "
      "but Qt, OpenCV, exiv2 and GoogleTest on this system use the new one, so the program cannot be "
      "linked from both. Use a libtorch built with the new ABI: Debian's libtorch-dev, the "
      "\"cxx11 ABI\" libtorch download from pytorch.org, or a pip torch 2.7 or newer "
      "(python3 -c 'import torch; print(torch.compiled_with_cxx11_abi())' prints True). "
      "To build only the engine against this one, configure with --preset ml-only.")
  endif()
endfunction()
