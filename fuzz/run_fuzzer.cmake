# One fuzz target's smoke run (ctest): every seed of its corpus, then fresh
# inputs up to RUNS in all, at most MAX_SECONDS. What libFuzzer finds new goes
# to a scratch folder, never into the repository's corpus; a crashing input
# is kept in WORK_DIR for the failure message.
#   cmake -DFUZZER=<exe> -DCORPUS=<dir> [-DDICTIONARY=<file>] [-DOPTIONS=<opt;...>]
#         -DWORK_DIR=<dir> -DRUNS=<n> -DMAX_SECONDS=<n> -P run_fuzzer.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/found")
set(arguments -runs=${RUNS} -max_total_time=${MAX_SECONDS} -artifact_prefix=${WORK_DIR}/ -print_final_stats=1)
list(APPEND arguments ${OPTIONS})
if(DICTIONARY)
  list(APPEND arguments -dict=${DICTIONARY})
endif()
execute_process(COMMAND "${FUZZER}" ${arguments} "${WORK_DIR}/found" "${CORPUS}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB artifacts "${WORK_DIR}/crash-*" "${WORK_DIR}/leak-*" "${WORK_DIR}/timeout-*" "${WORK_DIR}/oom-*")
  message(FATAL_ERROR "${FUZZER} failed (${result}); input: ${artifacts}")
endif()
