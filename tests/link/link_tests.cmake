# kg_link_tests: the matcher's rules, one story each, on small graphs.
add_executable(kg_link_tests link/mention_matcher_test.cpp)
target_include_directories(kg_link_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(kg_link_tests PRIVATE kg_link kg_interchange kg_test_main kg_warnings)
target_compile_definitions(kg_link_tests PRIVATE KG_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
catch_discover_tests(kg_link_tests EXTRA_ARGS --warn NoTests)

# kg_link_measure: precision and recall against the curated MENTIONS of the
# five seed articles, each linked with its own Document and MENTIONS left
# out of the graph. The floors sit just under what the matcher reaches, so
# that a change that loses mentions fails here.
add_executable(kg_link_measure link/link_measure.cpp)
target_link_libraries(kg_link_measure PRIVATE kg_link kg_interchange nlohmann_json::nlohmann_json kg_warnings)
add_test(NAME link_measure
         COMMAND kg_link_measure --data ${PROJECT_SOURCE_DIR}/data/graph --seeds ${PROJECT_SOURCE_DIR}/../shared/seeds
                 --min-precision 95 --min-recall 94)
