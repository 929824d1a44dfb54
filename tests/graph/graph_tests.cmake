# ---- graph algorithms (engine/graph, engine/procedures/algorithm_procedures.cpp) ----
# kg_graph_tests: each algorithm on graphs small enough to check by hand,
# with networkx's answers written into the cases.
add_executable(kg_graph_tests graph/algorithms_test.cpp)
target_include_directories(kg_graph_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(kg_graph_tests PRIVATE kg_graph kg_storage kg_test_main kg_warnings)
catch_discover_tests(kg_graph_tests EXTRA_ARGS --warn NoTests)

# graph_networkx_agreement: every algo.* procedure through the kg program
# against networkx (Debian's python3-networkx, hence /usr/bin/python3) on
# Zachary's karate club, a seeded directed G(n, p) graph and the bundled
# graph. Small graphs: a few seconds under the sanitizers.
add_test(NAME graph_networkx_agreement
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/graph/networkx_agreement.py $<TARGET_FILE:kg>
                 ${CMAKE_CURRENT_BINARY_DIR}/graph_agreement)
set_tests_properties(graph_networkx_agreement PROPERTIES TIMEOUT 600)
