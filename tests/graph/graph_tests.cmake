# ---- graph algorithms (engine/graph, engine/procedures/algorithm_procedures.cpp) ----
# kg_graph_tests: each algorithm on graphs small enough to check by hand,
# with networkx's answers written into the cases.
add_executable(kg_graph_tests graph/algorithms_test.cpp)
target_include_directories(kg_graph_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(kg_graph_tests PRIVATE kg_graph kg_storage kg_test_main kg_warnings)
catch_discover_tests(kg_graph_tests EXTRA_ARGS --warn NoTests)
