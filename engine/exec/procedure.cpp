#include "exec/procedure.h"

#include <cctype>

#include "common/utf8.h"

namespace kg {

namespace {

struct TypeName {
  CypherType type;
  const char* name;
};

constexpr TypeName kTypeNames[] = {
    {CypherType::kAny, "ANY"},         {CypherType::kBoolean, "BOOLEAN"},
    {CypherType::kInteger, "INTEGER"}, {CypherType::kFloat, "FLOAT"},
    {CypherType::kNumber, "NUMBER"},   {CypherType::kString, "STRING"},
    {CypherType::kMap, "MAP"},         {CypherType::kList, "LIST"},
    {CypherType::kNode, "NODE"},       {CypherType::kRelationship, "RELATIONSHIP"},
    {CypherType::kPath, "PATH"},
};

}  // namespace

const char* CypherTypeName(CypherType type) {
  for (const TypeName& t : kTypeNames) {
    if (t.type == type) return t.name;
  }
  return "ANY";
}

std::optional<CypherType> ParseCypherType(std::string name) {
  while (!name.empty() && (name.back() == '?' || std::isspace(static_cast<unsigned char>(name.back()))))
    name.pop_back();
  // LIST OF STRING, LIST<STRING>: a list, whatever its elements.
  if (utf8::StartsWithIgnoreCase(name, "LIST")) return CypherType::kList;
  for (const TypeName& t : kTypeNames) {
    if (utf8::EqualsIgnoreCase(name, t.name)) return t.type;
  }
  return std::nullopt;
}

bool KindHasType(Value::Kind kind, CypherType type) {
  using K = Value::Kind;
  switch (type) {
    case CypherType::kAny:
      return true;
    case CypherType::kBoolean:
      return kind == K::kBool;
    case CypherType::kInteger:
      return kind == K::kInt;
    case CypherType::kFloat:
    case CypherType::kNumber:
      return kind == K::kInt || kind == K::kFloat;
    case CypherType::kString:
      return kind == K::kString;
    case CypherType::kMap:
      return kind == K::kMap || kind == K::kNode || kind == K::kRelationship;
    case CypherType::kList:
      return kind == K::kList;
    case CypherType::kNode:
      return kind == K::kNode;
    case CypherType::kRelationship:
      return kind == K::kRelationship;
    case CypherType::kPath:
      return kind == K::kPath;
  }
  return false;
}

bool ValueHasType(const Value& v, CypherType type) { return v.is_null() || KindHasType(v.kind(), type); }

std::string Procedure::Signature() const {
  std::string out = name + "(";
  for (size_t i = 0; i < arguments.size(); ++i) {
    const ProcedureArgument& a = arguments[i];
    out += (i ? ", " : "") + a.name + " :: " + CypherTypeName(a.type);
    if (a.default_value) out += " = " + a.default_value->ToString();
  }
  out += ") :: (";
  for (size_t i = 0; i < columns.size(); ++i) {
    out += (i ? ", " : "") + columns[i].name + " :: " + CypherTypeName(columns[i].type);
  }
  return out + ")";
}

}  // namespace kg
