#include "storage/ids.h"

#include <algorithm>

namespace kg {

const Value* FindProperty(const Properties& props, PropertyKeyId key) {
  auto it =
      std::lower_bound(props.begin(), props.end(), key, [](const Property& p, PropertyKeyId k) { return p.key < k; });
  return it != props.end() && it->key == key ? &it->value : nullptr;
}

void SetProperty(Properties* props, PropertyKeyId key, Value value) {
  auto it =
      std::lower_bound(props->begin(), props->end(), key, [](const Property& p, PropertyKeyId k) { return p.key < k; });
  const bool present = it != props->end() && it->key == key;
  if (value.is_null()) {
    if (present) props->erase(it);
  } else if (present) {
    it->value = std::move(value);
  } else {
    props->insert(it, Property{key, std::move(value)});
  }
}

Properties NormaliseProperties(Properties props) {
  std::stable_sort(props.begin(), props.end(), [](const Property& a, const Property& b) { return a.key < b.key; });
  Properties out;
  out.reserve(props.size());
  for (auto& p : props) {
    if (!out.empty() && out.back().key == p.key) out.pop_back();
    out.push_back(std::move(p));
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const Property& p) { return p.value.is_null(); }), out.end());
  return out;
}

bool NodeRecord::HasLabel(LabelId label) const { return std::binary_search(labels.begin(), labels.end(), label); }

}  // namespace kg
