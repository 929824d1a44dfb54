# ---- export (engine/interchange, shell/commands/export_command) ----
# kg_export_tests: every writer on a graph of hostile values, read back by
# independent readers: networkx and igraph (export_read.py, run with
# Debian's /usr/bin/python3), Boost.Graph's read_graphml, Graphviz's dot;
# the subgraph behind query results; files written whole or not at all.
find_program(KG_DOT_PROGRAM dot REQUIRED)
add_executable(kg_export_tests
  interchange/export_csv_test.cpp
  interchange/export_dot_test.cpp
  interchange/export_file_test.cpp
  interchange/export_gexf_test.cpp
  interchange/export_graphml_test.cpp
  interchange/export_json_test.cpp
  interchange/export_subgraph_test.cpp
  interchange/export_temporal_test.cpp
  interchange/export_text_test.cpp
)
target_include_directories(kg_export_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/interchange)
# Boost::graph: read_graphml lives in the compiled libboost_graph.
target_link_libraries(kg_export_tests PRIVATE kg_interchange Boost::graph kg_test_main kg_warnings)
target_compile_definitions(kg_export_tests PRIVATE
  KG_EXPORT_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/interchange"
  KG_PYTHON="/usr/bin/python3"
  KG_DOT="${KG_DOT_PROGRAM}")
catch_discover_tests(kg_export_tests EXTRA_ARGS --warn NoTests)

# kg_export_command_tests: `kg export` and `:export` through the kg program.
add_executable(kg_export_command_tests interchange/export_command_test.cpp)
target_include_directories(kg_export_command_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
                           ${CMAKE_CURRENT_SOURCE_DIR}/interchange)
target_link_libraries(kg_export_command_tests PRIVATE kg_interchange kg_test_main kg_warnings)
target_compile_definitions(kg_export_command_tests PRIVATE
  KG_BINARY="$<TARGET_FILE:kg>"
  KG_EXPORT_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/interchange"
  KG_PYTHON="/usr/bin/python3"
  KG_DOT="${KG_DOT_PROGRAM}")
add_dependencies(kg_export_command_tests kg)
catch_discover_tests(kg_export_command_tests EXTRA_ARGS --warn NoTests)
