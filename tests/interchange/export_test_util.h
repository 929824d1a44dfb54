// Helpers of the export tests: the hostile graph every writer is tried on,
// an export into a temporary directory, and the independent readers run as
// Python scripts (export_read.py) whose JSON answer the tests compare with
// what the database holds.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "interchange/export/graph_exporter.h"
#include "main/database.h"
#include "store_database.h"
#include "test_util.h"

namespace kg::test {

// A string of about 100 kB: hostile text over and over.
inline std::string BigString() {
  std::string s;
  while (s.size() < 100000) s += "Việt Nam <&> \"quoted\" 'single' 😀 ";
  return s;
}

// The graph every writer is tried on. Ids are the order of creation, from 0:
//   n0 :Person:Scholar   quotes, angle brackets, ampersands, newlines, tabs,
//                        CR LF, control characters, emoji, Vietnamese text,
//                        properties named labels / label / type / _label,
//                        int, float, bool, date, lists, a mixed-type key
//   n1 :Organization     the mixed key's string, a whole float, an empty list,
//                        bytes that are not UTF-8, NaN
//   n2                   no labels, no properties
//   n3 :Person:`We:ird\Label`   Vietnamese name, -infinity, a list of dates
//   n4 :Document         a 100 kB name
//   e0 n0-[:KNOWS]->n1   properties named type and label
//   e1 n0-[:KNOWS]->n1   parallel edge of the same type
//   e2 n0-[:MEMBER_OF]->n1  parallel edge of another type; properties named weight and id
//   e3 n0-[:SELF]->n0    self-loop
//   e4 n1-[:`HAS SPACE & <amp>`]->n3
class HostileGraph {
 public:
  // `booleans`: whether properties hold booleans (Boost's read_graphml
  // cannot read GraphML's "true" and "false": see its test).
  explicit HostileGraph(bool booleans = true) {
    DatabaseOptions options;
    options.store.in_memory = true;
    StoreDatabase opened = OpenStoreDatabase("export-test-" + std::to_string(++counter()), options);
    store_ = opened.store;
    db_ = std::move(opened.db);
    auto txn = Write(*store_);
    const NodeId a = AddNode(*txn, {"Person", "Scholar"},
                             {{"name", "Lê \"Hoài\" <Trung> & co's"},
                              {"text", "line one\nline two\ttabbed\r\nwindows line"},
                              {"ctl", std::string("bell\x07here\x1f"
                                                  "end")},
                              {"emoji", "🎉 Hà Nội 😀"},
                              {"vi", "Ủy ban Quốc gia UNESCO Việt Nam"},
                              {"labels", "a property named labels"},
                              {"label", "a property named label"},
                              {"type", "a node property named type"},
                              {"_label", "underscored"},
                              {"year", int64_t{1990}},
                              {"big_int", int64_t{9007199254740993}},
                              {"score", 1.5},
                              {"born", Value(*Date::Parse("1961-04-01"))},
                              {"tags", ValueList{"a;b", "c\\d", "e,f", "g\"h"}},
                              {"nums", ValueList{int64_t{1}, int64_t{2}, int64_t{3}}},
                              {"mixed", int64_t{7}},
                              {"empty", ""},
                              {"padded", "  padded  "}});
    const NodeId b = AddNode(*txn, {"Organization"},
                             {{"name", "UNESCO"},
                              {"mixed", "seven"},
                              {"year", int64_t{2001}},
                              {"score", 2.0},
                              {"tags", ValueList{}},
                              {"bad", std::string("ok\xff\xfe"
                                                  "bad")},
                              {"ratio", std::numeric_limits<double>::quiet_NaN()}});
    if (booleans) {
      MustOk(txn->SetNodeProperty(a, Must(txn->InternPropertyKey("active")), true));
      MustOk(txn->SetNodeProperty(b, Must(txn->InternPropertyKey("active")), false));
    }
    AddNode(*txn, {});
    const NodeId d =
        AddNode(*txn, {"Person", "We:ird\\Label"},
                {{"name", "Ủy ban Quốc gia UNESCO Việt Nam"},
                 {"ratio", -std::numeric_limits<double>::infinity()},
                 {"dates", ValueList{Value(*Date::Parse("2024-07-09")), Value(*Date::Parse("1975-04-30"))}}});
    AddNode(*txn, {"Document"}, {{"name", BigString()}});
    AddRel(*txn, "KNOWS", a, b,
           {{"since", int64_t{2019}},
            {"type", "a property named type"},
            {"label", "a property named label"},
            {"note", "x < y && y > z"}});
    AddRel(*txn, "KNOWS", a, b, {{"since", int64_t{2020}}});
    AddRel(*txn, "MEMBER_OF", a, b, {{"weight", 0.5}, {"id", int64_t{77}}});
    AddRel(*txn, "SELF", a, a, {{"since", int64_t{1}}});
    AddRel(*txn, "HAS SPACE & <amp>", b, d);
    MustOk(txn->Commit());
  }

  Database& db() { return *db_; }
  // The store under db(), for graphs written below Cypher.
  GraphStore& store() { return *store_; }
  std::string Sub(const std::string& name) const { return dir_.Sub(name); }

  interchange::ExportReport Export(interchange::ExportFormat format, const std::string& file,
                                   const std::string& query = "", bool induced = false) {
    interchange::ExportOptions options;
    options.format = format;
    options.query = query;
    options.induced = induced;
    auto r = interchange::ExportGraph(*db_, Sub(file), options);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    return std::move(r).value();
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  TempDir dir_;
  GraphStore* store_ = nullptr;  // owned by db_
  std::unique_ptr<Database> db_;
};

// What XML carries of a hostile string: control characters other than tab,
// LF and CR, and bytes that are not UTF-8, as U+FFFD.
inline std::string XmlCarried(const std::string& s) {
  if (s == std::string("bell\x07here\x1f"
                       "end"))
    return "bell\xEF\xBF\xBDhere\xEF\xBF\xBD"
           "end";
  if (s == std::string("ok\xff\xfe"
                       "bad"))
    return "ok\xEF\xBF\xBD\xEF\xBF\xBD"
           "bad";
  return s;
}

struct Ran {
  int exit_code = -1;
  std::string out, err;
};

// Runs a shell command, capturing stdout and stderr apart.
inline Ran RunCommand(const std::string& command) {
  TempDir tmp;
  const std::string err_path = tmp.Sub("stderr");
  FILE* p = popen((command + " 2>" + err_path).c_str(), "r");
  REQUIRE(p != nullptr);
  Ran ran;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) ran.out.append(buf, n);
  const int status = pclose(p);
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path, std::ios::binary);
  std::stringstream ss;
  ss << err.rdbuf();
  ran.err = ss.str();
  return ran;
}

// export_read.py READER PATH: what an independent library read, as JSON.
inline nlohmann::json ReadWith(const std::string& reader, const std::string& path) {
  const Ran ran =
      RunCommand(std::string(KG_PYTHON) + " " + KG_EXPORT_TEST_DIR + "/export_read.py " + reader + " '" + path + "'");
  INFO(reader << " on " << path << " said: " << ran.err);
  REQUIRE(ran.exit_code == 0);
  return nlohmann::json::parse(ran.out);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A typed value as export_read.py prints it: ["int", 7], ["float", 1.5] or
// ["float", "nan"], ["bool", true], ["str", "text"], ["none", null].
inline nlohmann::json Tagged(const char* type, nlohmann::json value) { return nlohmann::json::array({type, value}); }

inline nlohmann::json TaggedFloat(double v) {
  if (std::isnan(v)) return Tagged("float", "nan");
  if (std::isinf(v)) return Tagged("float", v > 0 ? "inf" : "-inf");
  return Tagged("float", v);
}

}  // namespace kg::test
