#include "procedures/algorithm_config.h"

#include <algorithm>
#include <cmath>

#include "exec/query_error.h"

namespace kg {

namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

AlgorithmConfig::AlgorithmConfig(std::string procedure, const Value& config, unsigned projection,
                                 std::vector<std::string> own_keys)
    : procedure_(std::move(procedure)) {
  if (config.is_null()) return;
  if (!config.is_map()) {
    ThrowSemantic(procedure_ + " takes a config map, got " + std::string(ValueKindName(config.kind())));
  }
  std::vector<std::string> accepted;
  if (projection & kLabelsAndTypes) accepted.insert(accepted.end(), {"labels", "types"});
  if (projection & kDirection) accepted.push_back("direction");
  if (projection & kWeight) accepted.push_back("weight");
  accepted.insert(accepted.end(), own_keys.begin(), own_keys.end());
  for (const auto& [key, value] : config.as_map()) {
    if (std::find(accepted.begin(), accepted.end(), key) == accepted.end()) {
      ThrowSemantic(procedure_ + " has no config key '" + key + "'; it accepts: " + Join(accepted));
    }
    if (!value.is_null()) entries_.emplace(key, value);
  }
}

void AlgorithmConfig::Fail(const std::string& key, const std::string& what) const {
  ThrowSemantic(procedure_ + ": config key '" + key + "' " + what);
}

const Value* AlgorithmConfig::Find(const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> AlgorithmConfig::Strings(const std::string& key) const {
  std::vector<std::string> out;
  const Value* v = Find(key);
  if (v == nullptr) return out;
  if (v->is_string()) return {v->as_string()};
  if (!v->is_list()) Fail(key, "takes a string or a list of strings");
  for (const Value& item : v->as_list()) {
    if (!item.is_string()) Fail(key, "takes a string or a list of strings");
    out.push_back(item.as_string());
  }
  return out;
}

graph::ProjectionSpec AlgorithmConfig::Projection(graph::Orientation orientation) const {
  graph::ProjectionSpec spec;
  spec.labels = Strings("labels");
  spec.types = Strings("types");
  spec.orientation = orientation;
  if (const Value* d = Find("direction")) {
    auto o = d->is_string() ? graph::ParseOrientation(d->as_string()) : std::nullopt;
    if (!o) Fail("direction", "is 'out', 'in' or 'undirected'");
    spec.orientation = *o;
  }
  if (const Value* w = Find("weight")) {
    if (!w->is_string() || w->as_string().empty()) Fail("weight", "names a relationship property");
    spec.weight = w->as_string();
  }
  return spec;
}

double AlgorithmConfig::Number(const std::string& key, double fallback, double min, double max) const {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (!v->is_number()) Fail(key, "takes a number");
  const double d = v->as_number();
  if (!(d >= min && d <= max)) Fail(key, "must lie between " + Value(min).ToString() + " and " + Value(max).ToString());
  return d;
}

int64_t AlgorithmConfig::Integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) const {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (!v->is_int()) Fail(key, "takes an integer");
  const int64_t i = v->as_int();
  if (i < min || i > max) Fail(key, "must lie between " + std::to_string(min) + " and " + std::to_string(max));
  return i;
}

bool AlgorithmConfig::Boolean(const std::string& key, bool fallback) const {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (!v->is_bool()) Fail(key, "takes true or false");
  return v->as_bool();
}

}  // namespace kg
