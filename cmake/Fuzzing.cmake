# libFuzzer targets (fuzz/): clang only, on top of the ASan+UBSan build.
# The libraries under test get coverage instrumentation
# (billing_fuzz_instrument); only the fuzz executables link libFuzzer and its
# main(). The sanitizer runtime that every other binary of this build links
# gives the instrumentation's hooks their empty defaults, so the tests that
# link the same libraries keep working: hence BILLING_SANITIZE is required.
if(BILLING_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BILLING_FUZZ needs clang for libFuzzer (configure with CC=clang CXX=clang++); "
                        "the compiler is ${CMAKE_CXX_COMPILER_ID}")
  endif()
  if(NOT BILLING_SANITIZE)
    message(FATAL_ERROR "BILLING_FUZZ needs BILLING_SANITIZE=ON")
  endif()
endif()

# billing_fuzz_instrument(<target>...): libFuzzer coverage for these libraries.
function(billing_fuzz_instrument)
  foreach(target IN LISTS ARGN)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endforeach()
endfunction()
