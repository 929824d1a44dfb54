// kg.evidence(x): the words a fact comes from, in their sentence. A fact
// (node or relationship) with `source` (a Document's key) and `span`
// ([start, end) UTF-8 byte offsets into the Document's `file`) gives one
// STRING, the sentence with the span marked (common/evidence_text.h); one
// with `spans` (a flat list [s1, e1, s2, e2, ...], as MENTIONS has) gives a
// LIST of such strings, one per mention in list order, read from `source`
// or, without one, from the relationship's start node (MENTIONS goes from
// its Document). A fact with neither gives null. The texts come from the
// sources directory, checked against the Document's `bytes` and `sha256`
// (common/source_files.h).
#include <string>
#include <vector>

#include "common/evidence_text.h"
#include "common/source_files.h"
#include "exec/expression_evaluator.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"
#include "storage/transaction.h"

namespace kg::functions {

namespace {

constexpr const char* kEvidence = "kg.evidence";

std::string Prefix() { return std::string(kEvidence) + "(): "; }

std::string Describe(const Value& x) {
  return x.is_node() ? "node " + std::to_string(x.as_node().id)
                     : "relationship " + std::to_string(x.as_relationship().id);
}

// The Document a fact cites, as a node value.
Value DocumentOf(const Value& x, const Value& source, EvalContext& ctx) {
  if (source.is_string()) {
    if (ctx.txn == nullptr) ThrowRuntime(Prefix() + "needs a transaction to find the source Document");
    const std::optional<NodeId> id = Check(ctx.txn->FindNodeByKey(source));
    if (!id) {
      ThrowRuntime(Prefix() + "the source '" + source.as_string() + "' of " + Describe(x) +
                   " is not the key of a node in the graph");
    }
    return Value(NodeRef{*id, nullptr});
  }
  if (!source.is_null())
    ThrowRuntime(Prefix() + "the source of " + Describe(x) + " must be a Document's key (a STRING)");
  if (x.is_relationship()) {
    // MENTIONS: the Document is where the relationship starts.
    const Value start(NodeRef{x.as_relationship().start, nullptr});
    if (PropertyOf(start, "file", ctx).is_string()) return start;
  }
  ThrowRuntime(Prefix() + Describe(x) + " has a span but no source (a Document's key)");
}

// What the Document says of its text.
SourceFileRef FileOf(const Value& doc, EvalContext& ctx) {
  SourceFileRef ref;
  const Value key = PropertyOf(doc, "key", ctx);
  ref.document = key.is_string() ? key.as_string() : "node " + std::to_string(doc.as_node().id);
  const Value file = PropertyOf(doc, "file", ctx);
  if (!file.is_string()) ThrowRuntime(Prefix() + "the Document " + ref.document + " names no file (property `file`)");
  ref.file = file.as_string();
  const Value bytes = PropertyOf(doc, "bytes", ctx);
  if (bytes.is_int()) {
    ref.bytes = bytes.as_int();
  } else if (!bytes.is_null()) {
    ThrowRuntime(Prefix() + "the Document " + ref.document + "'s `bytes` must be an INTEGER");
  }
  const Value sha256 = PropertyOf(doc, "sha256", ctx);
  if (sha256.is_string()) {
    ref.sha256 = sha256.as_string();
  } else if (!sha256.is_null()) {
    ThrowRuntime(Prefix() + "the Document " + ref.document + "'s `sha256` must be a STRING of hex digits");
  }
  return ref;
}

// The offset at `i` of a span list, as a byte offset.
size_t Offset(const Value& x, const ValueList& list, size_t i, const char* property) {
  const Value& v = list[i];
  if (!v.is_int() || v.as_int() < 0) {
    ThrowRuntime(Prefix() + "the " + property + " of " + Describe(x) + " must hold byte offsets (INTEGERs >= 0), got " +
                 v.ToString());
  }
  return static_cast<size_t>(v.as_int());
}

std::string Marked(const Value& x, const SourceFileRef& ref, const SourceText& text, ByteRange span) {
  Result<std::string> marked = MarkedEvidence(text.bytes, text.sentences, span);
  if (!marked.ok()) {
    ThrowRuntime(Prefix() + Describe(x) + " in " + ref.file + " of " + ref.document + ": " + marked.status().message());
  }
  return std::move(marked).value();
}

Value Evidence(std::vector<Value>& args, EvalContext& ctx) {
  const Value& x = args[0];
  if (x.is_null()) return Value();
  if (!x.is_node() && !x.is_relationship()) ThrowArgument(kEvidence, "a NODE or RELATIONSHIP", x);
  const Value span = PropertyOf(x, "span", ctx);
  const Value spans = PropertyOf(x, "spans", ctx);
  if (span.is_null() && spans.is_null()) return Value();
  const char* property = span.is_null() ? "spans" : "span";
  const Value& offsets = span.is_null() ? spans : span;
  if (!offsets.is_list() || offsets.as_list().size() % 2 != 0 || (!span.is_null() && offsets.as_list().size() != 2)) {
    ThrowRuntime(Prefix() + "the " + property + " of " + Describe(x) + " must be " +
                 (span.is_null() ? "a list of [start, end] pairs, flat" : "[start, end]") + ", got " +
                 offsets.ToString());
  }
  const Value doc = DocumentOf(x, PropertyOf(x, "source", ctx), ctx);
  const SourceFileRef ref = FileOf(doc, ctx);
  if (ctx.sources == nullptr) {
    ThrowRuntime(Prefix() + "no sources directory is set to read " + ref.file + " from (set --sources or KG_SOURCES)");
  }
  Result<std::shared_ptr<const SourceText>> text = ctx.sources->Read(ref);
  if (!text.ok()) ThrowRuntime(text.status().message());
  const ValueList& list = offsets.as_list();
  if (!span.is_null()) {
    return Value(Marked(x, ref, **text, ByteRange{Offset(x, list, 0, property), Offset(x, list, 1, property)}));
  }
  ValueList out;
  out.reserve(list.size() / 2);
  for (size_t i = 0; i + 1 < list.size(); i += 2) {
    out.emplace_back(Marked(x, ref, **text, ByteRange{Offset(x, list, i, property), Offset(x, list, i + 1, property)}));
  }
  return Value(std::move(out));
}

}  // namespace

void RegisterEvidenceFunctions(Registry* r) { r->push_back({{"kg.evidence", 1, 1}, Evidence}); }

}  // namespace kg::functions
