#!/usr/bin/env python3
"""Counts of the bundled graph (data/graph/*.json), for before/after notes.

    python3 scripts/graph_counts.py [DIR]      # DIR defaults to data/graph

Prints nodes per label (a node with two labels counts under both), links per
relationship type, `status` per relationship type and on nodes, and per
article (a Document key): the facts whose `source` it is, by type, its
statements, and the nodes its MENTIONS name; and every quantity. Reads the files as the kg JSON graph format
(data/README.md); it needs nothing but python3.
"""
import collections
import glob
import json
import os
import sys


def load(directory):
    nodes, links = [], []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as f:
            graph = json.load(f)
        nodes += graph.get("nodes", [])
        links += graph.get("links", [])
    return nodes, links


def table(title, counter, total_label="total"):
    print(f"## {title}")
    width = max([len(str(k)) for k in counter] + [len(total_label)])
    for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(key):<{width}}  {n:5d}")
    print(f"  {total_label:<{width}}  {sum(counter.values()):5d}")
    print()


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "graph")
    nodes, links = load(directory)

    labels = collections.Counter(label for n in nodes for label in n["labels"])
    print(f"nodes: {len(nodes)}   relationships: {len(links)}\n")
    table("nodes per label (a node counts under each of its labels)", labels, "label uses")
    table("relationships per type", collections.Counter(l["type"] for l in links))

    facts = [l for l in links if "source" in l["properties"]]
    status = collections.Counter(l["properties"].get("status", "(none)") for l in facts)
    table("facts (relationships with a source) per status", status)
    by_type = collections.defaultdict(collections.Counter)
    for l in facts:
        by_type[l["type"]][l["properties"].get("status", "(none)")] += 1
    print("## status per relationship type")
    for t in sorted(by_type):
        print(f"  {t:<15} " + ", ".join(f"{s} {n}" for s, n in sorted(by_type[t].items())))
    print()
    table("nodes per status", collections.Counter(n["properties"].get("status", "(none)") for n in nodes))

    timed = collections.Counter()
    for l in facts:
        p = l["properties"]
        kind = ("valid_from/valid_to" if "valid_from" in p or "valid_to" in p else
                "reported" if "reported" in p else "no date")
        timed[(l["type"], kind)] += 1
    print("## time on positions and memberships")
    for (t, kind), n in sorted(timed.items()):
        if t in ("HOLDS_POSITION", "MEMBER_OF", "CANDIDATE_FOR"):
            print(f"  {t:<15} {kind:<20} {n:3d}")
    print()

    said_in = {l["source"]: l["properties"].get("source") for l in links if l["type"] == "SAID_BY"}
    print("## quantities (data/README.md, \"Quantities\")")
    for element, where in [(n, n["properties"]["key"]) for n in nodes] + [
            (l, f'{l["type"]} {l["source"]}->{l["target"]}') for l in links]:
        p = element["properties"]
        for measure in ("count", "amount", "years", "horizon_years"):
            if measure in p:
                source = p.get("source") or said_in.get(p.get("key"), "")
                print(f"  {measure} {p[measure]} ({p.get(measure + '_precision')}) on {where} {source}")
    print()

    print("## per article (by `source`)")
    docs = sorted(n["properties"]["key"] for n in nodes if "Document" in n["labels"])
    for doc in docs:
        mine = [l for l in facts if l["properties"]["source"] == doc]
        mentioned = [l for l in links if l["type"] == "MENTIONS" and l["source"] == doc]
        types = collections.Counter(l["type"] for l in mine)
        statements = sum(1 for l in mine if l["type"] == "SAID_BY" and
                         l["source"] not in [m["source"] for m in mine[:mine.index(l)] if m["type"] == "SAID_BY"])
        print(f"  {doc}: {len(mine)} facts, {statements} statements, {len(mentioned)} nodes mentioned")
        print("    " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    print()


if __name__ == "__main__":
    main()
