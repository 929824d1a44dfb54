#!/usr/bin/env python3
"""Seeds the fuzz targets' corpora from the repository's own test inputs.

usage: gather_corpus.py REPO OUT

Writes OUT/<target>/<sha1> files (one input each, duplicates once):
  query          every setup: and query: block of tests/language/**/*.test,
                 and each statement of data/examples.kgq
  param_literal  every `param NAME: EXPR` expression of those tests, and
                 the expression of each `RETURN expr` query
  json_graph     data/graph/*.json and tests/interchange/fixtures/**/*.json
  graphml        tests/interchange/fixtures/*.graphml
  csv_graph, graphml
                 the hand-written seeds committed under fuzz/corpus/<target>/
The record target's seeds are written by kg_fuzz_record_seeds instead.
"""
import hashlib
import pathlib
import re
import shutil
import sys

DIRECTIVE = re.compile(r"^(setup:|case:|query:|rows|ok\b|error:|message:|position:|stats:|plan|param |as of:|#)")
MAX_BYTES = 64 * 1024


def blocks(test_file):
    """The setup: and query: blocks of one .test file, as text."""
    current = None
    for line in test_file.read_text(encoding="utf-8").splitlines():
        if DIRECTIVE.match(line):
            if current:
                yield "\n".join(current).strip()
            current = [] if line.startswith(("setup:", "query:")) else None
            if current is not None:
                rest = line.split(":", 1)[1].strip()
                if rest:
                    current.append(rest)
        elif current is not None:
            current.append(line)
    if current:
        yield "\n".join(current).strip()


def params(test_file):
    for line in test_file.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^param \w+:\s*(.*)$", line)
        if m:
            yield m.group(1)


def main():
    repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    corpora = {name: set() for name in ("query", "param_literal", "json_graph", "graphml", "csv_graph")}
    tests = sorted((repo / "tests" / "language").rglob("*.test"))
    for t in tests:
        for b in blocks(t):
            if not b:
                continue
            corpora["query"].add(b.encode())
            m = re.match(r"^RETURN\s+(.*?)(\s+AS\s+\w+)?$", b, re.S | re.I)
            if m and "," not in m.group(1) and "\n" not in m.group(1):
                corpora["param_literal"].add(m.group(1).encode())
        for p in params(t):
            corpora["param_literal"].add(p.encode())
    examples = (repo / "data" / "examples.kgq").read_text(encoding="utf-8")
    for statement in examples.split(";\n"):
        if statement.strip():
            corpora["query"].add(statement.strip().encode())
    for p in sorted((repo / "data" / "graph").glob("*.json")) + sorted(
        (repo / "tests" / "interchange" / "fixtures").rglob("*.json")
    ):
        corpora["json_graph"].add(p.read_bytes())
    for p in sorted((repo / "tests" / "interchange" / "fixtures").rglob("*.graphml")):
        corpora["graphml"].add(p.read_bytes())
    for name in corpora:
        committed = repo / "fuzz" / "corpus" / name
        if committed.is_dir():
            for p in sorted(committed.iterdir()):
                corpora[name].add(p.read_bytes())
    for name, inputs in corpora.items():
        d = out / name
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        for data in inputs:
            if 0 < len(data) <= MAX_BYTES:
                (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{name}: {len(list(d.iterdir()))} seeds")


if __name__ == "__main__":
    main()
