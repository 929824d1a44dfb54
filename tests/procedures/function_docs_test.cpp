// dbms.functions()'s documentation against the engine's function table:
// every scalar function and every aggregate has exactly one doc, no doc
// names a function the engine lacks, and signatures and descriptions keep
// their format (engine/procedures/function_docs.h).
#include "procedures/function_docs.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <set>
#include <string>

#include "exec/functions.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The arguments a signature shows: how many in all, how many required
// (neither in brackets nor with a default), and whether the last repeats.
struct Arity {
  int total = 0;
  int required = 0;
  bool variadic = false;
};

Arity SignatureArity(std::string_view signature) {
  const size_t open = signature.find('(');
  const size_t close = signature.rfind(") :: ");
  REQUIRE(open != std::string_view::npos);
  REQUIRE(close != std::string_view::npos);
  REQUIRE(open < close);
  const std::string_view args = signature.substr(open + 1, close - open - 1);
  Arity arity;
  arity.variadic = args.find("...") != std::string_view::npos;
  int depth = 0;
  size_t begin = 0;
  for (size_t i = 0; i <= args.size(); ++i) {
    if (i == args.size() || args[i] == ',') {
      const std::string_view arg = args.substr(begin, i - begin);
      const size_t colons = arg.find(" :: ");
      if (colons != std::string_view::npos) {
        ++arity.total;
        // Optional: inside brackets where its type is, or with a default.
        int depth_at_type = depth;
        for (size_t j = colons; j < arg.size(); ++j) depth_at_type -= arg[j] == '[' ? 1 : (arg[j] == ']' ? -1 : 0);
        if (depth_at_type == 0 && arg.find(" = ") == std::string_view::npos) ++arity.required;
      }
      begin = i + 1;
    }
    if (i < args.size()) depth += args[i] == '[' ? 1 : (args[i] == ']' ? -1 : 0);
  }
  return arity;
}

TEST_CASE("Function docs: every scalar function has its doc", "[function_docs]") {
  REQUIRE(ScalarFunctionCount() > 0);
  for (size_t id = 0; id < ScalarFunctionCount(); ++id) {
    const FunctionInfo& info = ScalarFunctionInfo(static_cast<int>(id));
    INFO("function " << info.name);
    const FunctionDoc* doc = FindFunctionDoc(info.name);
    REQUIRE(doc != nullptr);
    CHECK(Lower(doc->name) == info.name);
    CHECK_FALSE(doc->aggregate);
    // The signature shows the arguments the table accepts.
    const Arity arity = SignatureArity(doc->signature);
    CHECK(arity.required == info.min_args);
    if (info.max_args < 0) {
      CHECK(arity.variadic);
    } else {
      CHECK_FALSE(arity.variadic);
      CHECK(arity.total == info.max_args);
    }
  }
}

TEST_CASE("Function docs: every aggregate has its doc", "[function_docs]") {
  REQUIRE_FALSE(AggregateFunctionNames().empty());
  for (std::string_view name : AggregateFunctionNames()) {
    INFO("aggregate " << name);
    CHECK(IsAggregateFunction(name));
    const FunctionDoc* doc = FindFunctionDoc(name);
    REQUIRE(doc != nullptr);
    CHECK(Lower(doc->name) == name);
    CHECK(doc->aggregate);
  }
}

TEST_CASE("Function docs: no doc names a function kg lacks", "[function_docs]") {
  std::set<std::string> names;
  for (const FunctionDoc& doc : FunctionDocs()) {
    INFO("doc " << doc.name);
    CHECK(names.insert(Lower(doc.name)).second);  // one doc per function
    if (doc.aggregate) {
      CHECK(IsAggregateFunction(doc.name));
      CHECK(FindScalarFunction(doc.name) < 0);
    } else {
      CHECK(FindScalarFunction(doc.name) >= 0);
      CHECK_FALSE(IsAggregateFunction(doc.name));
    }
  }
  CHECK(FunctionDocs().size() == ScalarFunctionCount() + AggregateFunctionNames().size());
}

TEST_CASE("Function docs: signatures and descriptions keep their format", "[function_docs]") {
  for (const FunctionDoc& doc : FunctionDocs()) {
    INFO("doc " << doc.name << ": " << doc.signature << " / " << doc.description);
    CHECK(doc.signature.substr(0, doc.name.size() + 1) == std::string(doc.name) + "(");
    CHECK(doc.signature.find(") :: ") != std::string_view::npos);
    CHECK(doc.signature.find('\n') == std::string_view::npos);
    CHECK_FALSE(doc.description.empty());
    CHECK(doc.description.size() <= 160);
    CHECK(doc.description.find_first_of("\r\n") == std::string_view::npos);
    CHECK(doc.description.back() == '.');
    CHECK_FALSE(std::isspace(static_cast<unsigned char>(doc.description.front())));
  }
}

TEST_CASE("Function docs: sorted by name, found in any case", "[function_docs]") {
  const auto& docs = FunctionDocs();
  CHECK(std::is_sorted(docs.begin(), docs.end(),
                       [](const FunctionDoc& a, const FunctionDoc& b) { return Lower(a.name) < Lower(b.name); }));
  const FunctionDoc* upper = FindFunctionDoc("TOUPPER");
  REQUIRE(upper != nullptr);
  CHECK(upper->name == "toUpper");
  CHECK(upper->signature == "toUpper(input :: STRING) :: STRING");
  CHECK_FALSE(upper->aggregate);
  CHECK(FindFunctionDoc("toupper") == upper);
  const FunctionDoc* stdevp = FindFunctionDoc("stdevp");
  REQUIRE(stdevp != nullptr);
  CHECK(stdevp->name == "stDevP");
  CHECK(stdevp->aggregate);
  CHECK(FindFunctionDoc("noSuchFunction") == nullptr);
  CHECK(FindFunctionDoc("") == nullptr);
  CHECK(FindFunctionDoc("toUpperX") == nullptr);
}

}  // namespace
}  // namespace kg
