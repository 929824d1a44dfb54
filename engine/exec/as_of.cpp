#include "exec/as_of.h"

#include <string>

#include "exec/operator.h"
#include "exec/query_error.h"
#include "exec/validity.h"
#include "storage/catalog.h"
#include "storage/transaction.h"

namespace kg {
namespace {

void Resolve(const Catalog& catalog, AsOf* as_of) {
  as_of->resolved = true;
  as_of->valid_from = catalog.FindPropertyKey("valid_from");
  as_of->valid_to = catalog.FindPropertyKey("valid_to");
  as_of->reported = catalog.FindPropertyKey("reported");
  // Counts may be unknown in a database made before kg kept them: then look.
  as_of->any_dated = !catalog.property_counts_known();
  for (const auto& key : {as_of->valid_from, as_of->valid_to, as_of->reported}) {
    if (key && catalog.RelsWithProperty(*key) > 0) as_of->any_dated = true;
  }
}

Value PropertyOr(const Properties& props, const std::optional<PropertyKeyId>& key) {
  if (!key) return Value();
  const Value* v = FindProperty(props, *key);
  return v ? *v : Value();
}

}  // namespace

bool HoldsAsOfSlow(ExecContext& ctx, RelId rel) {
  AsOf& as_of = *ctx.as_of;
  if (!as_of.resolved) Resolve(ctx.txn->catalog(), &as_of);
  if (!as_of.any_dated) return true;
  std::optional<RelRecord> record = Check(ctx.txn->GetRelationship(rel));
  if (!record) return false;
  Result<validity::Validity> validity = validity::ReadValidity(PropertyOr(record->properties, as_of.valid_from),
                                                               PropertyOr(record->properties, as_of.valid_to),
                                                               PropertyOr(record->properties, as_of.reported));
  if (!validity.ok()) {
    ThrowRuntime("as of " + as_of.day.ToIsoString() + ": relationship " + std::to_string(rel) + " (" +
                 ctx.txn->catalog().RelTypeName(record->type) + "): " + validity.status().message());
  }
  return validity->Contains(as_of.day);
}

void RefuseAsOf(const ExecContext& ctx, const char* what) {
  if (!ctx.as_of) return;
  ThrowStatus(Status::Usage(std::string(what) + " reads the whole graph and does not follow the as-of day (" +
                            ctx.as_of->day.ToIsoString() + "); turn as-of off (:as-of off) or filter with kg.validAt"));
}

}  // namespace kg
