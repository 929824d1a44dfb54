#!/usr/bin/python3
"""kg's algo.* procedures against networkx, through the kg program.

Three graphs: Zachary's karate club (networkx's copy, with its weights), a
seeded directed G(n, p) graph with integer weights, and the bundled graph.
The first two are written into fresh databases with Cypher; the bundled
graph is read out of kg. Each algorithm runs once in kg (`CALL algo.*`,
JSON output) and once in networkx with the definition docs/algorithms.md
states, and the answers must agree: the same partitions, core numbers,
triangles, articulation points and bridges; scores within 1e-6 relative
(PageRank 1e-4); Louvain's modularity at least networkx's
louvain_communities on the karate club.

Usage: networkx_agreement.py KG_BINARY WORK_DIR [--table FILE]
Exit status 0 when everything agrees; the table of the largest relative
differences goes to stdout (and FILE).
"""
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

KG = sys.argv[1]
WORK = Path(sys.argv[2])
TABLE = sys.argv[sys.argv.index("--table") + 1] if "--table" in sys.argv else None

failures = []
table = {}  # (algorithm, graph) -> text


def kg(db, *statements):
    """Runs statements in one kg process; one list of rows per statement."""
    args = [KG] + (["--db", str(db)] if db else []) + ["--format", "json"]
    for s in statements:
        args += ["-e", s]
    out = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"kg failed ({out.returncode}): {out.stderr}\n{statements}")
    decoder, text, pos, results = json.JSONDecoder(), out.stdout, 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return results
        value, pos = decoder.raw_decode(text, pos)
        results.append(value)


def record(algorithm, graph, text, ok):
    table[(algorithm, graph)] = text if ok else f"**{text}**"
    if not ok:
        failures.append(f"{algorithm} on {graph}: {text}")


def rel_diff(got, want):
    worst = 0.0
    for v, w in want.items():
        g = got.get(v)
        if g is None:
            return float("inf")
        if abs(w) < 1e-12 and abs(g) < 1e-12:
            continue
        worst = max(worst, abs(g - w) / max(abs(w), 1e-12))
    if set(got) != set(want):
        return float("inf")
    return worst


def compare_scores(algorithm, graph, got, want, tolerance=1e-6):
    d = rel_diff(got, want)
    record(algorithm, graph, f"{d:.1e}", d <= tolerance)


def compare_exact(algorithm, graph, got, want, what):
    record(algorithm, graph, f"same {what}" if got == want else f"differ: {len(got)} vs {len(want)}", got == want)


def partition(labels):
    groups = {}
    for v, c in labels.items():
        groups.setdefault(c, set()).add(v)
    return sorted(sorted(g) for g in groups.values())


def by_id(rows, column):
    return {r["id"]: r[column] for r in rows}


def run_common(name, db, G, calls_config, directed, weight_key):
    """The algorithms every graph gets. G is the networkx graph as kg sees
    it (a MultiDiGraph or MultiGraph); `calls_config` the projection keys."""
    cfg = calls_config
    wcfg = dict(cfg, weight=weight_key) if weight_key else None

    def config(c):
        return "{" + ", ".join(f"{k}: {json.dumps(v).replace(chr(34), chr(39))}" for k, v in c.items()) + "}"

    statements = {
        "pagerank": f"CALL algo.pagerank({config(dict(cfg, iterations=1000, tolerance=1e-12))}) YIELD node, score RETURN id(node) AS id, score",
        "betweenness": f"CALL algo.betweenness({config(cfg)}) YIELD node, score RETURN id(node) AS id, score",
        "betweenness raw": f"CALL algo.betweenness({config(dict(cfg, normalized=False))}) YIELD node, score RETURN id(node) AS id, score",
        "closeness": f"CALL algo.closeness({config(cfg)}) YIELD node, score RETURN id(node) AS id, score",
        "degree": f"CALL algo.degree({config(cfg)}) YIELD node, inDegree, outDegree, degree RETURN id(node) AS id, inDegree, outDegree, degree",
        "wcc": "CALL algo.wcc() YIELD node, component RETURN id(node) AS id, component",
        "scc": "CALL algo.scc() YIELD node, component RETURN id(node) AS id, component",
        "kcore": "CALL algo.kcore() YIELD node, core RETURN id(node) AS id, core",
        "triangles": "CALL algo.triangles() YIELD node, triangles, coefficient RETURN id(node) AS id, triangles, coefficient",
        "articulation points": "CALL algo.articulationPoints() YIELD node RETURN id(node) AS id",
        "bridges": "CALL algo.bridges() YIELD source, target RETURN id(source) AS a, id(target) AS b",
        "communities": "CALL algo.communities() YIELD node, community, modularity RETURN id(node) AS id, community, modularity",
    }
    if wcfg:
        statements["pagerank weighted"] = f"CALL algo.pagerank({config(dict(wcfg, iterations=1000, tolerance=1e-12))}) YIELD node, score RETURN id(node) AS id, score"
        statements["betweenness weighted"] = f"CALL algo.betweenness({config(wcfg)}) YIELD node, score RETURN id(node) AS id, score"
        statements["closeness weighted"] = f"CALL algo.closeness({config(wcfg)}) YIELD node, score RETURN id(node) AS id, score"
        statements["communities weighted"] = f"CALL algo.communities({{weight: '{weight_key}'}}) YIELD node, community, modularity RETURN id(node) AS id, community, modularity"
    names = list(statements)
    results = dict(zip(names, kg(db, *[statements[n] for n in names])))

    # networkx's view of the same graph, as docs/algorithms.md defines each.
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(G)
    for u, v, data in G.edges(data=True):  # parallel edges: the lightest
        w = data.get(weight_key, 1) if weight_key else 1
        if simple.has_edge(u, v):
            w = min(w, simple[u][v]["w"])
        simple.add_edge(u, v, w=w)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    undirected = nx.Graph(simple.to_undirected() if directed else simple)

    pr = _pagerank_python(G, alpha=0.85, max_iter=1000, tol=1e-12, weight=None)
    compare_scores("pagerank", name, by_id(results["pagerank"], "score"), pr, 1e-4)
    compare_scores("betweenness (normalised)", name, by_id(results["betweenness"], "score"),
                   nx.betweenness_centrality(simple, normalized=True))
    compare_scores("betweenness (raw)", name, by_id(results["betweenness raw"], "score"),
                   nx.betweenness_centrality(simple, normalized=False))
    compare_scores("closeness", name, by_id(results["closeness"], "score"), nx.closeness_centrality(simple))
    deg = results["degree"]
    if directed:
        want = {**{("in", v): d for v, d in G.in_degree()}, **{("out", v): d for v, d in G.out_degree()},
                **{("all", v): d for v, d in G.degree()}}
        got = {**{("in", r["id"]): r["inDegree"] for r in deg}, **{("out", r["id"]): r["outDegree"] for r in deg},
               **{("all", r["id"]): r["degree"] for r in deg}}
    else:
        want, got = dict(G.degree()), {r["id"]: r["degree"] for r in deg}
    compare_exact("degree", name, got, want, "degrees")
    compare_exact("wcc", name, partition(by_id(results["wcc"], "component")),
                  partition({v: i for i, c in enumerate(nx.weakly_connected_components(G) if directed else nx.connected_components(G)) for v in c}),
                  "partition")
    if directed:
        compare_exact("scc", name, partition(by_id(results["scc"], "component")),
                      partition({v: i for i, c in enumerate(nx.strongly_connected_components(G)) for v in c}), "partition")
    compare_exact("kcore", name, by_id(results["kcore"], "core"), nx.core_number(undirected), "core numbers")
    compare_exact("triangles", name, by_id(results["triangles"], "triangles"), nx.triangles(undirected), "counts")
    compare_scores("clustering coefficient", name, by_id(results["triangles"], "coefficient"), nx.clustering(undirected))
    compare_exact("articulation points", name, sorted(r["id"] for r in results["articulation points"]),
                  sorted(nx.articulation_points(undirected)), "nodes")
    multi = nx.MultiGraph()  # not nx.MultiGraph(G): that merges a->b and b->a (both key 0)
    multi.add_nodes_from(G)
    multi.add_edges_from(G.edges())
    multi.remove_edges_from(list(nx.selfloop_edges(multi)))
    compare_exact("bridges", name, sorted(tuple(sorted((r["a"], r["b"]))) for r in results["bridges"]),
                  sorted(tuple(sorted(e)) for e in nx.bridges(multi)), "relationships")
    louvain_graph = nx.Graph()  # undirected, parallel edges summed, self-loops kept
    louvain_graph.add_nodes_from(G)
    for u, v, data in G.edges(data=True):
        w = (data.get(weight_key, 1) if weight_key else 1)
        old = louvain_graph[u][v] if louvain_graph.has_edge(u, v) else {"one": 0, "w": 0}
        louvain_graph.add_edge(u, v, one=old["one"] + 1, w=old["w"] + w)
    for label, key, rows in (("communities", "one", results["communities"]),
                             ("communities weighted", "w", results.get("communities weighted"))):
        if rows is None:
            continue
        ours = by_id(rows, "community")
        groups = [set(g) for g in partition(ours)]
        q_nx_of_ours = nx.community.modularity(louvain_graph, groups, weight=key)
        q_reported = rows[0]["modularity"] if rows else 0
        q_louvain = nx.community.modularity(louvain_graph, nx.community.louvain_communities(louvain_graph, weight=key, seed=42), weight=key)
        ok = abs(q_reported - q_nx_of_ours) < 1e-9 and q_reported >= q_louvain - (0 if name == "karate" else 0.02)
        record(f"Louvain modularity{' (weighted)' if key == 'w' else ''}", name,
               f"{q_reported:.4f} (networkx {q_louvain:.4f})", ok)
    if wcfg:
        weighted = nx.MultiDiGraph(G) if directed else nx.MultiGraph(G)
        for u, v, k, data in weighted.edges(keys=True, data=True):
            data["ww"] = data.get(weight_key, 1)
        compare_scores("pagerank (weighted)", name, by_id(results["pagerank weighted"], "score"),
                       _pagerank_python(weighted, alpha=0.85, max_iter=1000, tol=1e-12, weight="ww"), 1e-4)
        compare_scores("betweenness (weighted)", name, by_id(results["betweenness weighted"], "score"),
                       nx.betweenness_centrality(simple, weight="w"))
        compare_scores("closeness (weighted)", name, by_id(results["closeness weighted"], "score"),
                       nx.closeness_centrality(simple, distance="w"))
    return simple


def load(db, nodes, edges):
    """Nodes 0..n-1 (node id i in a fresh database), edges (u, v, w)."""
    statements = [f"UNWIND range(0, {nodes - 1}) AS i CREATE (:N {{key: 'n' + toString(i), i: i}})"]
    for start in range(0, len(edges), 500):
        chunk = ", ".join(f"[{u}, {v}, {w}]" for u, v, w in edges[start:start + 500])
        statements.append(f"UNWIND [{chunk}] AS e MATCH (a:N {{key: 'n' + toString(e[0])}}), "
                          f"(b:N {{key: 'n' + toString(e[1])}}) CREATE (a)-[:E {{w: e[2]}}]->(b)")
    kg(db, *statements)
    check = kg(db, "MATCH (n:N) RETURN min(id(n)) AS lo, max(id(n)) AS hi, count(n) AS n")[0][0]
    assert check == {"lo": 0, "hi": nodes - 1, "n": nodes}, check


def paths(name, db, simple, source, direction):
    """shortestPaths and dijkstra from `source`, weighted and not."""
    far = max(nx.single_source_shortest_path_length(simple, source).items(), key=lambda kv: (kv[1], kv[0]))[0]
    rows = kg(db,
              f"MATCH (s) WHERE id(s) = {source} CALL algo.shortestPaths(s, {{direction: '{direction}'}}) YIELD node, distance RETURN id(node) AS id, distance",
              f"MATCH (s) WHERE id(s) = {source} CALL algo.shortestPaths(s, {{weight: 'w', direction: '{direction}'}}) YIELD node, distance RETURN id(node) AS id, distance",
              f"MATCH (s), (t) WHERE id(s) = {source} AND id(t) = {far} CALL algo.dijkstra(s, t, {{weight: 'w', direction: '{direction}'}}) "
              f"YIELD path, cost RETURN [n IN nodes(path) | id(n)] AS nodes, [r IN relationships(path) | r.w] AS ws, cost")
    compare_scores("shortestPaths", name, by_id(rows[0], "distance"),
                   dict(nx.single_source_shortest_path_length(simple, source)))
    compare_scores("shortestPaths (weighted)", name, by_id(rows[1], "distance"),
                   nx.single_source_dijkstra_path_length(simple, source, weight="w"))
    p = rows[2][0]
    want = nx.dijkstra_path_length(simple, source, far, weight="w")
    valid = all(simple.has_edge(a, b) for a, b in zip(p["nodes"], p["nodes"][1:])) and abs(sum(p["ws"]) - p["cost"]) < 1e-9
    d = abs(p["cost"] - want) / want
    record("dijkstra (cost)", name, f"{d:.1e}", valid and d <= 1e-6 and p["nodes"][0] == source and p["nodes"][-1] == far)


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    for old in ("karate.kg", "gnp.kg"):
        shutil.rmtree(WORK / old, ignore_errors=True)

    # Zachary's karate club: undirected, weighted (networkx's 'weight').
    karate = nx.karate_club_graph()
    db = WORK / "karate.kg"
    load(db, karate.number_of_nodes(), [(u, v, d["weight"]) for u, v, d in karate.edges(data=True)])
    G = nx.MultiGraph()
    G.add_nodes_from(karate)
    G.add_edges_from((u, v, {"w": d["weight"]}) for u, v, d in karate.edges(data=True))
    simple = run_common("karate", db, G, {"direction": "undirected"}, False, "w")
    paths("karate", db, simple, 0, "undirected")

    # A directed G(n, p) graph with integer weights (ties in path lengths
    # are exact, so equal shortest paths are counted alike).
    gnp = nx.gnp_random_graph(200, 0.03, seed=42, directed=True)
    rng = random.Random(7)
    edges = [(u, v, rng.randint(1, 5)) for u, v in gnp.edges()]
    db = WORK / "gnp.kg"
    load(db, 200, edges)
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(200))
    G.add_edges_from((u, v, {"w": w}) for u, v, w in edges)
    simple = run_common("gnp(200, 0.03)", db, G, {}, True, "w")
    paths("gnp(200, 0.03)", db, simple, 0, "out")

    # The bundled graph, as kg holds it: every label and type, directed,
    # parallel relationships kept.
    nodes, rels = kg(None, "MATCH (n) RETURN id(n) AS id", "MATCH (a)-[r]->(b) RETURN id(a) AS a, id(b) AS b")
    G = nx.MultiDiGraph()
    G.add_nodes_from(r["id"] for r in nodes)
    G.add_edges_from((r["a"], r["b"]) for r in rels)
    run_common("bundled", None, G, {}, True, None)

    graphs = ["karate", "gnp(200, 0.03)", "bundled"]
    algorithms = []
    for a, _ in table:
        if a not in algorithms:
            algorithms.append(a)
    lines = ["| algorithm | " + " | ".join(graphs) + " |", "| --- |" + " --- |" * len(graphs)]
    for a in algorithms:
        lines.append(f"| {a} | " + " | ".join(table.get((a, g), "") for g in graphs) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    if TABLE:
        Path(TABLE).write_text(text)
    if failures:
        print("disagreements:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
