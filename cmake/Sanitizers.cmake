# ASan+UBSan for every target, plugins included, so a plugin's memory errors
# show up in the host's tests too. UBSan's vptr check is off: it needs the
# type information of every polymorphic class, and Debian's libsoci does not
# export it for its internal statement classes (the link fails).
if(BILLING_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
  # Clang 14's function check cannot compile coroutines (the Asio ones in
  # net/): "Cannot represent a difference across sections" (LLVM #49689).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_compile_options(-fno-sanitize=function)
    # Clang links the sanitizer runtime into executables only: a plugin's
    # references to it resolve when the host loads the plugin, so its link
    # must accept them despite --no-undefined (BillingPlugin.cmake). The
    # standard libraries come last on the link line, so this option wins.
    string(APPEND CMAKE_CXX_STANDARD_LIBRARIES " -Wl,-z,undefs")
  endif()
endif()
