# ---- import (engine/interchange, shell/commands/import_command) ----
# kg_import_tests: each reader on good and bad files (fixtures/ and files
# the tests write), GraphML written by networkx (write_networkx_graphml.py),
# gen_graph.py's CSV layout at 1000 nodes. kg_import_command_tests: the
# shell's `kg import` and `:import`.
add_executable(kg_import_tests
  interchange/csv_record_reader_test.cpp
  interchange/import_json_test.cpp
  interchange/import_csv_test.cpp
  interchange/import_files_test.cpp
  interchange/import_graphml_test.cpp
  interchange/import_temporal_test.cpp
)
target_include_directories(kg_import_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/interchange)
target_link_libraries(kg_import_tests PRIVATE kg_interchange kg_test_main kg_warnings)
target_compile_definitions(kg_import_tests PRIVATE
  KG_IMPORT_FIXTURES="${CMAKE_CURRENT_SOURCE_DIR}/interchange/fixtures"
  KG_IMPORT_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/interchange"
  KG_GEN_GRAPH="${PROJECT_SOURCE_DIR}/../shared/bench/gen_graph.py"
  KG_PYTHON="/usr/bin/python3")
catch_discover_tests(kg_import_tests EXTRA_ARGS --warn NoTests)

add_executable(kg_import_command_tests interchange/import_command_test.cpp)
target_include_directories(kg_import_command_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
                           ${CMAKE_CURRENT_SOURCE_DIR}/interchange)
target_link_libraries(kg_import_command_tests PRIVATE kg_shell kg_interchange CLI11::CLI11 kg_test_main kg_warnings)
target_compile_definitions(kg_import_command_tests PRIVATE
  KG_IMPORT_FIXTURES="${CMAKE_CURRENT_SOURCE_DIR}/interchange/fixtures")
catch_discover_tests(kg_import_command_tests EXTRA_ARGS --warn NoTests)
