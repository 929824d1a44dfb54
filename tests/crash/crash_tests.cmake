# ---- Reliability (docs/durability.md): the crash test and the concurrency soak ----
# kg_crash_test kills a writer 100 times with SIGKILL and checks after each
# kill that every committed statement and import is whole and the database
# consistent. Counted in kills, not time.
add_executable(kg_crash_test crash/crash_test.cpp)
target_link_libraries(kg_crash_test PRIVATE kg_main kg_interchange kg_warnings)
add_test(NAME crash_test COMMAND kg_crash_test --kills 100)
set_tests_properties(crash_test PROPERTIES TIMEOUT 600)

# kg_soak_test runs one writer and eight read-only processes on one database
# for a minute (--seconds 600 is the documented long run).
add_executable(kg_soak_test crash/soak_test.cpp)
target_link_libraries(kg_soak_test PRIVATE kg_main kg_warnings)
add_test(NAME soak_test COMMAND kg_soak_test --seconds 60)
set_tests_properties(soak_test PROPERTIES TIMEOUT 300)
