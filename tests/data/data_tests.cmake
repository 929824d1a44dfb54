# ---- the bundled graph's content (data/graph, data/README.md) ----
# kg_data_tests reads data/graph/*.json with nlohmann/json and checks the
# graph without the engine: keys, endpoints, labels and types against the
# data model, NFC names, and every span against the seed article it cites
# (../shared/seeds; where that folder is missing the span tests say so and
# only the structural checks run). It also keeps data/examples.kgq and
# tests/data/examples.expected in step.
add_executable(kg_data_tests
  data/bundled_graph.cpp
  data/graph_schema.cpp
  data/unicode_text.cpp
  data/graph_structure_test.cpp
  data/graph_provenance_test.cpp
  data/examples_file_test.cpp
  data/document_integrity_test.cpp
)
target_include_directories(kg_data_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(kg_data_tests PRIVATE kg_test_main nlohmann_json::nlohmann_json utf8proc kg_warnings)
# Documents' sha256 (document_integrity_test.cpp): libcrypto.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
target_link_libraries(kg_data_tests PRIVATE OpenSSL::Crypto)
target_compile_definitions(kg_data_tests PRIVATE
  KG_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
  KG_SEEDS_DIR="${PROJECT_SOURCE_DIR}/../shared/seeds"
  KG_DATA_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
catch_discover_tests(kg_data_tests EXTRA_ARGS --warn NoTests)

# kg_examples_tests runs the kg program as a new user would: with an empty
# home it builds the bundled graph and answers data/examples.kgq; the answers
# must be tests/data/examples.expected, also from a `kg import`ed database.
add_executable(kg_examples_tests data/examples_answers_test.cpp)
target_link_libraries(kg_examples_tests PRIVATE kg_test_main kg_warnings)
target_compile_definitions(kg_examples_tests PRIVATE
  KG_BINARY="$<TARGET_FILE:kg>"
  KG_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
  KG_DATA_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
add_dependencies(kg_examples_tests kg)
catch_discover_tests(kg_examples_tests EXTRA_ARGS --warn NoTests)
