#!/usr/bin/python3
"""Writes a GraphML file with networkx.write_graphml, for kg's import tests.

Usage: write_networkx_graphml.py OUT.graphml EXPECTED.json

The graph is undirected, as most networkx graphs are, with typed attributes
(int, float, bool, str), hostile text (quotes, angle brackets, ampersands,
line breaks, emoji, Vietnamese, a 100 000-character string) and a node
default. EXPECTED.json is the graph that was written: the node default,
every node's attributes by id (as text, as GraphML has it), and the edges
in the order write_graphml writes them, which is the order kg makes them
directed in. (networkx's own reader is not the reference: it drops an empty
string value.)
"""
import json
import sys

import networkx as nx

HOSTILE = 'quotes " and \' <angle> & ampersand\nnew line\ttab 🇻🇳 😀 Tiếng Việt: Hà Nội, Huế, Đà Nẵng'


def build():
    g = nx.Graph()
    g.graph["node_default"] = {"kind": "unknown"}
    g.add_node("Hà Nội", population=8053663, area=3358.6, capital=True, note=HOSTILE, kind="city")
    g.add_node("Huế", population=652572, area=265.99, capital=False, note="<b>cố đô</b> & \"imperial\"")
    g.add_node("Đà Nẵng", population=1134310, area=1284.9, capital=False, note="x" * 100000, kind="city")
    g.add_node(42, population=-1, area=0.5, capital=False, note="", kind="number id")
    g.add_edge("Hà Nội", "Huế", km=654, road="QL1A", toll=True)
    g.add_edge("Huế", "Đà Nẵng", km=99, road="Hải Vân <tunnel> & pass", toll=False)
    g.add_edge(42, "Hà Nội", km=1, road=HOSTILE, toll=False)
    return g


def main():
    out, expected_path = sys.argv[1], sys.argv[2]
    g = build()
    nx.write_graphml(g, out)
    assert len(nx.read_graphml(out)) == len(g)
    expected = {
        "node_default": g.graph["node_default"],
        "nodes": {str(n): d for n, d in g.nodes(data=True)},
        "edges": [[str(u), str(v), d] for u, v, d in g.edges(data=True)],
    }
    with open(expected_path, "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
