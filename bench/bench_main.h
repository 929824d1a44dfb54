// The end every bench program shares: parse the command line (--help exits
// 0, bad usage 2, as kg does), run, print the JSON report on stdout, or one
// line "PROGRAM: error" on stderr and exit 1 (2 for a usage error).
#pragma once

#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <iostream>
#include <string>

#include "common/status.h"

namespace kg::bench {

// `run` fills the report; `indent` is the report's JSON indentation (-1: one line).
template <class Json>
int RunBenchMain(CLI::App& app, int argc, char** argv, const std::string& program,
                 const std::function<Status(Json*)>& run, int indent = 2) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  Json report;
  Status s;
  try {
    s = run(&report);
  } catch (const std::exception& e) {  // malformed JSON fields, std::bad_alloc: still one line
    s = Status::Runtime(e.what());
  }
  if (!s.ok()) {
    std::cerr << program << ": " << s.ToString() << "\n";
    return s.Is(ErrorKind::kUsage) ? 2 : 1;
  }
  std::cout << report.dump(indent) << "\n";
  return 0;
}

}  // namespace kg::bench
