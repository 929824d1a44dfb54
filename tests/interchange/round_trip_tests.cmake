# ---- round trips: export, then import, gives the same graph ----
add_executable(kg_round_trip_tests interchange/round_trip_test.cpp)
target_include_directories(kg_round_trip_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(kg_round_trip_tests PRIVATE kg_interchange kg_test_main kg_warnings)
target_compile_definitions(kg_round_trip_tests PRIVATE KG_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
catch_discover_tests(kg_round_trip_tests EXTRA_ARGS --warn NoTests)
