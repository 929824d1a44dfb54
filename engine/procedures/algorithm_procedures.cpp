// algo.*: the graph algorithms of engine/graph/ as procedures.
//
// Each procedure reads its config map (algorithm_config.h), projects the
// graph from the statement's transaction, runs the algorithm and hands out
// one row per vertex (or per path, bridge) as it is pulled: the results
// stay in the algorithm's arrays until then. docs/algorithms.md describes
// every procedure, key and definition.
#include <cstdio>
#include <functional>
#include <limits>

#include "exec/as_of.h"
#include "exec/operator.h"
#include "exec/procedure.h"
#include "exec/query_error.h"
#include "graph/algo_graph.h"
#include "graph/biconnected.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/components.h"
#include "graph/kcore.h"
#include "graph/pagerank.h"
#include "graph/paths.h"
#include "graph/triangles.h"
#include "procedures/algorithm_config.h"
#include "procedures/builtin_procedures.h"
#include "storage/transaction.h"

namespace kg {

namespace {

using graph::AlgoGraph;
using graph::Orientation;
using graph::Vertex;
using Config = AlgorithmConfig;

// Rows made on demand: row i of `count` by `fill`.
class LazyRows : public ProcedureRows {
 public:
  using Fill = std::function<void(size_t i, std::vector<Value>& out)>;
  LazyRows(size_t count, Fill fill) : count_(count), fill_(std::move(fill)) {}
  bool Next(std::vector<Value>& out) override {
    if (next_ >= count_) return false;
    fill_(next_++, out);
    return true;
  }

 private:
  size_t count_;
  Fill fill_;
  size_t next_ = 0;
};

// The algorithm needs the results to outlive the call: the graph and the
// result vectors are moved into the rows' closure through shared_ptrs.
template <typename T>
std::shared_ptr<T> Share(T value) {
  return std::make_shared<T>(std::move(value));
}

Value NodeValue(NodeId id) { return Value(NodeRef{id, nullptr}); }

Value RelValue(ExecContext& ctx, RelId id) {
  auto rec = Check(ctx.txn->GetRelationship(id));
  if (!rec) ThrowRuntime("relationship " + std::to_string(id) + " vanished while the algorithm ran");
  return Value(RelRef{id, rec->type, rec->start, rec->end, nullptr});
}

// A whole number when it is one (unweighted counts), a float otherwise.
Value Number(double d, bool integral) { return integral ? Value(static_cast<int64_t>(d)) : Value(d); }

std::shared_ptr<const AlgoGraph> Project(ExecContext& ctx, const graph::ProjectionSpec& spec) {
  if (ctx.txn == nullptr) ThrowRuntime("algorithms need a transaction");
  RefuseAsOf(ctx, "a graph algorithm");
  auto g = Share(Check(AlgoGraph::Build(ctx.txn, spec, ctx.interrupt, ctx.progress)));
  // PROFILE states what the projection cost (the first few calls of a statement).
  if (!ctx.profile || ctx.profile_notes.size() >= 8) return g;
  const AlgoGraph::Stats stats = g->stats();
  const bool megabytes = stats.bytes >= (1 << 20);
  char note[200];
  std::snprintf(note, sizeof note,
                "algorithm projection: %zu nodes, %llu relationships, %.1f %s, built in %.3f ms (of which the "
                "storage projection %.3f ms)",
                static_cast<size_t>(g->num_vertices()), static_cast<unsigned long long>(g->num_relationships()),
                static_cast<double>(stats.bytes) / (megabytes ? (1 << 20) : (1 << 10)), megabytes ? "MB" : "KB",
                stats.build_seconds * 1000.0, stats.storage_projection_seconds * 1000.0);
  ctx.profile_notes.push_back(note);
  return g;
}

// One row per vertex: node and the values `fill` gives for it.
std::unique_ptr<ProcedureRows> PerVertex(std::shared_ptr<const AlgoGraph> g,
                                         std::function<void(Vertex v, std::vector<Value>& out)> fill) {
  const size_t n = g->num_vertices();
  return std::make_unique<LazyRows>(n, [g, fill = std::move(fill)](size_t i, std::vector<Value>& out) {
    out.clear();
    out.push_back(NodeValue(g->node_id(static_cast<Vertex>(i))));
    fill(static_cast<Vertex>(i), out);
  });
}

// The graph vertex of a node argument.
Vertex VertexOf(const AlgoGraph& g, const Value& node, const std::string& procedure, const char* what) {
  if (!node.is_node()) ThrowSemantic(procedure + ": the " + what + " must be a node");
  auto v = g.Find(node.as_node().id);
  if (!v) ThrowRuntime(procedure + ": the " + what + " node is not in the projected graph (check labels)");
  return *v;
}

ProcedureArgument ConfigArgument() { return {"config", CypherType::kMap, Value::Map({})}; }

ProcedureColumn Col(const char* name, CypherType type) { return {name, type}; }

Procedure Make(std::string name, std::vector<ProcedureArgument> args, std::vector<ProcedureColumn> cols,
               std::string description, ProcedureFn run) {
  Procedure p;
  p.name = std::move(name);
  p.arguments = std::move(args);
  p.columns = std::move(cols);
  p.description = std::move(description);
  p.run = std::move(run);
  return p;
}

constexpr unsigned kAllKeys = Config::kLabelsAndTypes | Config::kDirection | Config::kWeight;
constexpr double kHuge = std::numeric_limits<double>::max();

void RegisterScores(ProcedureRegistry* r) {
  r->Register(
      Make("algo.pagerank", {ConfigArgument()}, {Col("node", CypherType::kNode), Col("score", CypherType::kFloat)},
           "PageRank of every node (networkx's definition); config: labels, types, direction, weight, damping, "
           "iterations, tolerance",
           [](ExecContext& ctx, std::vector<Value>& args) {
             Config c("algo.pagerank", args[0], kAllKeys, {"damping", "iterations", "tolerance"});
             graph::PageRankOptions o;
             o.damping = c.Number("damping", 0.85, 0, 1);
             o.iterations = static_cast<int>(c.Integer("iterations", 20, 0, 1000000));
             o.tolerance = c.Number("tolerance", 1e-6, 0, kHuge);
             auto g = Project(ctx, c.Projection(Orientation::kOut));
             auto pr = Share(Check(graph::PageRank(*g, o, ctx.interrupt, ctx.progress)));
             return PerVertex(g, [pr](Vertex v, std::vector<Value>& out) { out.push_back(Value(pr->scores[v])); });
           }));

  r->Register(
      Make("algo.betweenness", {ConfigArgument()}, {Col("node", CypherType::kNode), Col("score", CypherType::kFloat)},
           "betweenness centrality (Brandes; networkx's normalisation); config: labels, types, direction, weight, "
           "normalized, samples, seed",
           [](ExecContext& ctx, std::vector<Value>& args) {
             Config c("algo.betweenness", args[0], kAllKeys, {"normalized", "samples", "seed"});
             graph::BetweennessOptions o;
             o.normalized = c.Boolean("normalized", true);
             o.samples = static_cast<uint64_t>(c.Integer("samples", 0, 0, std::numeric_limits<int64_t>::max()));
             o.seed = static_cast<uint64_t>(c.Integer("seed", 42, 0, std::numeric_limits<int64_t>::max()));
             auto g = Project(ctx, c.Projection(Orientation::kOut));
             auto s = Share(Check(graph::Betweenness(*g, o, ctx.interrupt, ctx.progress)));
             return PerVertex(g, [s](Vertex v, std::vector<Value>& out) { out.push_back(Value((*s)[v])); });
           }));

  r->Register(Make("algo.closeness", {ConfigArgument()},
                   {Col("node", CypherType::kNode), Col("score", CypherType::kFloat)},
                   "closeness centrality (networkx's, Wasserman-Faust for disconnected graphs); config: labels, types, "
                   "direction, weight, wfImproved",
                   [](ExecContext& ctx, std::vector<Value>& args) {
                     Config c("algo.closeness", args[0], kAllKeys, {"wfImproved"});
                     const bool wf = c.Boolean("wfImproved", true);
                     auto g = Project(ctx, c.Projection(Orientation::kOut));
                     auto s = Share(Check(graph::Closeness(*g, wf, ctx.interrupt, ctx.progress)));
                     return PerVertex(g, [s](Vertex v, std::vector<Value>& out) { out.push_back(Value((*s)[v])); });
                   }));

  r->Register(
      Make("algo.degree", {ConfigArgument()},
           {Col("node", CypherType::kNode), Col("inDegree", CypherType::kNumber), Col("outDegree", CypherType::kNumber),
            Col("degree", CypherType::kNumber)},
           "in-, out- and total degree of every node (weighted: sums of weights); config: labels, types, direction, "
           "weight",
           [](ExecContext& ctx, std::vector<Value>& args) {
             Config c("algo.degree", args[0], kAllKeys, {});
             auto g = Project(ctx, c.Projection(Orientation::kOut));
             auto d = Share(graph::DegreeCentrality(*g));
             const bool integral = !g->weighted();
             return PerVertex(g, [d, integral](Vertex v, std::vector<Value>& out) {
               out.push_back(Number(d->in[v], integral));
               out.push_back(Number(d->out[v], integral));
               out.push_back(Number(d->total[v], integral));
             });
           }));
}

void RegisterStructure(ProcedureRegistry* r) {
  auto components = [](const char* name, bool strong) {
    return Make(name, {ConfigArgument()}, {Col("node", CypherType::kNode), Col("component", CypherType::kInteger)},
                std::string(strong ? "strongly" : "weakly") +
                    " connected components, each named by its smallest node id; config: labels, types",
                [name, strong](ExecContext& ctx, std::vector<Value>& args) {
                  Config c(name, args[0], Config::kLabelsAndTypes, {});
                  auto g = Project(ctx, c.Projection(Orientation::kOut));
                  auto comp = Share(Check(strong ? graph::StronglyConnectedComponents(*g, ctx.interrupt)
                                                 : graph::WeaklyConnectedComponents(*g, ctx.interrupt)));
                  return PerVertex(g, [comp](Vertex v, std::vector<Value>& out) {
                    out.push_back(Value(static_cast<int64_t>((*comp)[v])));
                  });
                });
  };
  r->Register(components("algo.wcc", false));
  r->Register(components("algo.scc", true));

  r->Register(Make("algo.articulationPoints", {ConfigArgument()}, {Col("node", CypherType::kNode)},
                   "nodes whose removal splits their connected component (directions ignored); config: labels, types",
                   [](ExecContext& ctx, std::vector<Value>& args) {
                     Config c("algo.articulationPoints", args[0], Config::kLabelsAndTypes, {});
                     auto g = Project(ctx, c.Projection(Orientation::kOut));
                     auto points = Share(Check(graph::ArticulationPoints(*g, ctx.interrupt)));
                     return std::make_unique<LazyRows>(points->size(), [g, points](size_t i, std::vector<Value>& out) {
                       out.assign({NodeValue(g->node_id((*points)[i]))});
                     });
                   }));

  r->Register(Make(
      "algo.bridges", {ConfigArgument()},
      {Col("source", CypherType::kNode), Col("target", CypherType::kNode),
       Col("relationship", CypherType::kRelationship)},
      "relationships whose removal splits their connected component (directions ignored; parallel "
      "relationships are never bridges); config: labels, types",
      [](ExecContext& ctx, std::vector<Value>& args) {
        Config c("algo.bridges", args[0], Config::kLabelsAndTypes, {});
        graph::ProjectionSpec spec = c.Projection(Orientation::kOut);
        spec.keep_relationships = true;
        auto g = Project(ctx, spec);
        auto bridges = Share(Check(graph::Bridges(*g, ctx.interrupt)));
        ExecContext* context = &ctx;
        return std::make_unique<LazyRows>(bridges->size(), [g, bridges, context](size_t i, std::vector<Value>& out) {
          const graph::Bridge& b = (*bridges)[i];
          out.assign({NodeValue(g->node_id(b.from)), NodeValue(g->node_id(b.to)), RelValue(*context, b.rel)});
        });
      }));

  r->Register(
      Make("algo.kcore", {ConfigArgument()}, {Col("node", CypherType::kNode), Col("core", CypherType::kInteger)},
           "core number of every node (undirected, simple graph); config: labels, types",
           [](ExecContext& ctx, std::vector<Value>& args) {
             Config c("algo.kcore", args[0], Config::kLabelsAndTypes, {});
             auto g = Project(ctx, c.Projection(Orientation::kUndirected));
             auto core = Share(Check(graph::CoreNumbers(*g, ctx.interrupt)));
             return PerVertex(g, [core](Vertex v, std::vector<Value>& out) { out.push_back(Value((*core)[v])); });
           }));

  r->Register(Make(
      "algo.triangles", {ConfigArgument()},
      {Col("node", CypherType::kNode), Col("triangles", CypherType::kInteger), Col("coefficient", CypherType::kFloat)},
      "triangles through every node and its local clustering coefficient (undirected, simple graph); config: "
      "labels, types",
      [](ExecContext& ctx, std::vector<Value>& args) {
        Config c("algo.triangles", args[0], Config::kLabelsAndTypes, {});
        auto g = Project(ctx, c.Projection(Orientation::kUndirected));
        auto t = Share(Check(graph::Triangles(*g, ctx.interrupt)));
        return PerVertex(g, [t](Vertex v, std::vector<Value>& out) {
          out.push_back(Value(static_cast<int64_t>(t->triangles[v])));
          out.push_back(Value(t->coefficient[v]));
        });
      }));

  r->Register(Make(
      "algo.communities", {ConfigArgument()},
      {Col("node", CypherType::kNode), Col("community", CypherType::kInteger), Col("modularity", CypherType::kFloat)},
      "Louvain communities, each named by its smallest node id, and the partition's modularity (undirected); "
      "config: labels, types, weight, resolution, seed, threshold",
      [](ExecContext& ctx, std::vector<Value>& args) {
        Config c("algo.communities", args[0], Config::kLabelsAndTypes | Config::kWeight,
                 {"resolution", "seed", "threshold"});
        graph::LouvainOptions o;
        o.resolution = c.Number("resolution", 1.0, 0, kHuge);
        o.seed = static_cast<uint64_t>(c.Integer("seed", 42, 0, std::numeric_limits<int64_t>::max()));
        o.threshold = c.Number("threshold", 1e-7, 0, kHuge);
        auto g = Project(ctx, c.Projection(Orientation::kUndirected));
        auto l = Share(Check(graph::Louvain(*g, o, ctx.interrupt, ctx.progress)));
        return PerVertex(g, [l](Vertex v, std::vector<Value>& out) {
          out.push_back(Value(static_cast<int64_t>(l->community[v])));
          out.push_back(Value(l->modularity));
        });
      }));
}

void RegisterPaths(ProcedureRegistry* r) {
  r->Register(
      Make("algo.dijkstra",
           {{"source", CypherType::kNode, std::nullopt}, {"target", CypherType::kNode, std::nullopt}, ConfigArgument()},
           {Col("path", CypherType::kPath), Col("cost", CypherType::kNumber)},
           "the lightest path from source to target (no row when there is none); config: labels, types, direction, "
           "weight",
           [](ExecContext& ctx, std::vector<Value>& args) -> std::unique_ptr<ProcedureRows> {
             Config c("algo.dijkstra", args[2], kAllKeys, {});
             if (args[0].is_null() || args[1].is_null())
               return std::make_unique<VectorRows>(std::vector<std::vector<Value>>{});
             graph::ProjectionSpec spec = c.Projection(Orientation::kOut);
             spec.keep_relationships = true;
             auto g = Project(ctx, spec);
             const Vertex from = VertexOf(*g, args[0], "algo.dijkstra", "source");
             const Vertex to = VertexOf(*g, args[1], "algo.dijkstra", "target");
             auto path = Check(graph::ShortestPath(*g, from, to, ctx.interrupt));
             std::vector<std::vector<Value>> rows;
             if (path) {
               PathValue p;
               for (Vertex v : path->vertices) p.nodes.push_back(NodeRef{g->node_id(v), nullptr});
               for (RelId rel : path->rels) p.rels.push_back(RelValue(ctx, rel).as_relationship());
               rows.push_back({Value::Path(std::move(p)), Number(path->cost, !g->weighted())});
             }
             return std::make_unique<VectorRows>(std::move(rows));
           }));

  r->Register(
      Make("algo.shortestPaths", {{"source", CypherType::kNode, std::nullopt}, ConfigArgument()},
           {Col("node", CypherType::kNode), Col("distance", CypherType::kNumber)},
           "the distance from source to every node it reaches, nearest first; config: labels, types, direction, "
           "weight",
           [](ExecContext& ctx, std::vector<Value>& args) -> std::unique_ptr<ProcedureRows> {
             Config c("algo.shortestPaths", args[1], kAllKeys, {});
             if (args[0].is_null()) return std::make_unique<VectorRows>(std::vector<std::vector<Value>>{});
             auto g = Project(ctx, c.Projection(Orientation::kOut));
             const Vertex from = VertexOf(*g, args[0], "algo.shortestPaths", "source");
             auto d = Share(Check(graph::SingleSourceDistances(*g, from, ctx.interrupt)));
             const bool integral = !g->weighted();
             return std::make_unique<LazyRows>(d->size(), [g, d, integral](size_t i, std::vector<Value>& out) {
               out.assign({NodeValue(g->node_id((*d)[i].vertex)), Number((*d)[i].distance, integral)});
             });
           }));
}

}  // namespace

void RegisterAlgorithmProcedures(ProcedureRegistry* r) {
  RegisterScores(r);
  RegisterStructure(r);
  RegisterPaths(r);
}

}  // namespace kg
