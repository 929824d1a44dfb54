#!/usr/bin/python3
"""Reads a file kg exported with a library that is not kg, and prints what
it found as one JSON object, for the export tests to compare with the
database:

  {"directed": true, "multigraph": true,
   "nodes": {"n0": {"name": ["str", "..."], "year": ["int", 1990], ...}},
   "edges": [{"source": "n0", "target": "n1", "key": "e0", "attrs": {...}}]}

Every value is tagged with its Python type: ["int", 7], ["float", 1.5],
["float", "nan"] (also "inf", "-inf"), ["bool", true], ["str", "..."],
["none", null], so that the tests see the type each reader chose.

Readers: networkx-graphml, igraph-graphml, networkx-gexf, networkx-json,
svg-text (the text of every <text> element of an SVG, in order), csv
(the rows of nodes.csv and relationships.csv in a directory).
Run with /usr/bin/python3: Debian's networkx 2.8.8 and igraph 0.10.2.
"""
import csv
import json
import warnings
import math
import sys
import xml.etree.ElementTree as ET


def tag(v):
    if v is None:
        return ["none", None]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", v]
    if isinstance(v, float):
        if math.isnan(v):
            return ["float", "nan"]
        if math.isinf(v):
            return ["float", "inf" if v > 0 else "-inf"]
        return ["float", v]
    if isinstance(v, str):
        return ["str", v]
    return ["other", repr(v)]


def tagged(attrs):
    return {k: tag(v) for k, v in attrs.items()}


def from_networkx(G):
    out = {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "nodes": {}, "edges": []}
    for n, data in G.nodes(data=True):
        out["nodes"][str(n)] = tagged(data)
    if G.is_multigraph():
        for u, v, k, data in G.edges(keys=True, data=True):
            out["edges"].append({"source": str(u), "target": str(v), "key": str(k), "attrs": tagged(data)})
    else:
        for u, v, data in G.edges(data=True):
            out["edges"].append({"source": str(u), "target": str(v), "key": None, "attrs": tagged(data)})
    return out


def networkx_graphml(path):
    import networkx as nx
    return from_networkx(nx.read_graphml(path))


def networkx_gexf(path):
    import networkx as nx
    return from_networkx(nx.read_gexf(path))


def networkx_json(path):
    import networkx as nx
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    G = nx.node_link_graph(data)
    out = {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "nodes": {}, "edges": []}
    # The JSON format's values are JSON already: labels a list, properties an object.
    for n, d in G.nodes(data=True):
        out["nodes"][str(n)] = d
    for u, v, k, d in G.edges(keys=True, data=True):
        out["edges"].append({"source": str(u), "target": str(v), "key": str(k), "attrs": d})
    return out


def igraph_names(seq, prefix):
    """igraph keeps GraphML ids in an "id" attribute, unless a property of
    that name took its place (igraph then warns): then elements are named
    by position, which in kg's exports is id order (n0, n1, ... e0, ...)."""
    ids = seq["id"] if "id" in seq.attributes() else []
    if len(ids) == len(seq) and all(isinstance(i, str) for i in ids):
        return ids
    return [prefix + str(i) for i in range(len(seq))]


def igraph_graphml(path):
    import igraph
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the one about "id" above
        g = igraph.Graph.Read_GraphML(path)
    names = igraph_names(g.vs, "n")
    edge_names = igraph_names(g.es, "e")
    out = {"directed": g.is_directed(), "multigraph": not g.is_simple(), "nodes": {}, "edges": []}
    for v in g.vs:
        out["nodes"][names[v.index]] = tagged(v.attributes())
    for e in g.es:
        out["edges"].append({"source": names[e.source], "target": names[e.target],
                             "key": edge_names[e.index], "attrs": tagged(e.attributes())})
    return out


def svg_text(path):
    root = ET.parse(path).getroot()
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    return {"texts": texts}


def csv_rows(path):
    out = {}
    for name in ("nodes.csv", "relationships.csv"):
        with open(path + "/" + name, encoding="utf-8", newline="") as f:
            out[name] = [row for row in csv.reader(f, strict=True)]
    return out


READERS = {
    "networkx-graphml": networkx_graphml,
    "networkx-gexf": networkx_gexf,
    "networkx-json": networkx_json,
    "igraph-graphml": igraph_graphml,
    "svg-text": svg_text,
    "csv": csv_rows,
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in READERS:
        sys.exit("usage: export_read.py {%s} PATH" % ",".join(READERS))
    result = READERS[sys.argv[1]](sys.argv[2])
    # ensure_ascii: the C++ side gets \u escapes, never bytes it must guess at.
    json.dump(result, sys.stdout, ensure_ascii=True, allow_nan=False)


if __name__ == "__main__":
    main()
