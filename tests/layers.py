#!/usr/bin/env python3
"""The house's layers, checked: src/README.md states the rule, this enforces it.

1. Includes: a file in folder F includes (with "folder/name.h") only headers
   of F or of the folders F may use (USES below); outside src/store/, only the
   store's public headers (STORE_DOOR) are included.
2. Links: in the built library, module A (one object file) uses module B when
   A refers to a symbol that B defines. That graph has no circle, and a module
   uses only modules of its own folder or of the folders below it.

Usage: layers.py SRC_DIR LIBRARY.a
"""
import os
import re
import subprocess
import sys

USES = {
    "base": [],
    "model": ["base"],
    "store": ["base", "model"],
    "ingest": ["base", "model", "store"],
    "assess": ["base", "model", "store"],
    "site": ["base", "model", "store", "assess"],
    "cli": ["base", "model", "store", "ingest", "assess", "site"],
}
# What the store shows the layers above it: one door (db.h) and the flags.
STORE_DOOR = {"db.h", "flags.h"}

# Known breaches, each to be removed by the change that ends it (a breach in
# this list that no longer happens is itself a failure, so it cannot rot).
PENDING: set = set()

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def source_files(src):
    for folder in sorted(os.listdir(src)):
        d = os.path.join(src, folder)
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                if name.endswith((".c", ".h")):
                    yield folder, name, os.path.join(d, name)


def include_problems(src):
    problems = []
    folders = {f for f in os.listdir(src) if os.path.isdir(os.path.join(src, f))}
    unknown = folders - set(USES)
    for f in sorted(unknown):
        problems.append(f"src/{f}/: a folder the layer rule does not know (add it to USES)")
    loose = [n for n in os.listdir(src) if n.endswith((".c", ".h"))]
    for n in sorted(loose):
        problems.append(f"src/{n}: a source file outside a layer's folder")
    for folder, name, path in source_files(src):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            where = f"src/{folder}/{name}:{line}"
            if "/" not in inc:
                if not os.path.exists(os.path.join(src, folder, inc)):
                    problems.append(f'{where}: "{inc}" is not in src/{folder}/ (write "folder/{inc}")')
                continue
            to, _, header = inc.partition("/")
            if not os.path.exists(os.path.join(src, inc)):
                problems.append(f'{where}: "{inc}" does not exist')
            elif to == folder:
                problems.append(f'{where}: "{inc}" is in this folder (write "{header}")')
            elif to not in USES.get(folder, []):
                problems.append(f"{where}: {folder}/ may not include {to}/ ({inc})")
            elif to == "store" and header not in STORE_DOOR:
                problems.append(f"{where}: {inc} is the store's own; use store/db.h")
    return problems


def module_graph(library):
    """{object: set(objects it uses)} from the library's symbol tables."""
    out = subprocess.run(["nm", "-A", library], check=True, capture_output=True,
                         text=True).stdout
    defined, wanted = {}, {}
    for line in out.splitlines():
        parts = line.split()  # LIBRARY:OBJECT:[VALUE] KIND SYMBOL
        if len(parts) != 3:
            continue
        obj, kind, sym = parts[0].split(":")[1], parts[1], parts[2]
        wanted.setdefault(obj, set())
        if kind == "U":
            wanted[obj].add(sym)
        elif kind in "TDRB":
            defined[sym] = obj
    return {o: {defined[s] for s in syms if s in defined and defined[s] != o}
            for o, syms in wanted.items()}


def folder_of(src):
    where = {}
    for folder, name, _ in source_files(src):
        if name.endswith(".c"):
            where[name + ".o"] = folder
    return where


def circle(graph):
    """One circle of the graph as a list of nodes, or None."""
    state = {}

    def visit(n, path):
        state[n] = 1
        path.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return path[path.index(m):] + [m]
            if m not in state:
                found = visit(m, path)
                if found:
                    return found
        state[n] = 2
        path.pop()
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n, [])
            if found:
                return found
    return None


def link_problems(src, library):
    graph = module_graph(library)
    where = folder_of(src)
    problems = []
    for a in sorted(graph):
        fa = where.get(a)
        for b in sorted(graph[a]):
            fb = where.get(b)
            if fa and fb and fa != fb and fb not in USES.get(fa, []):
                problems.append(f"{fa}/{a[:-2]} uses {fb}/{b[:-2]}, a layer it may not use")
    found = circle(graph)
    if found:
        problems.append("modules use each other in a circle: " +
                        " -> ".join(o[:-2] for o in found))
    return problems


def main():
    src, library = sys.argv[1], sys.argv[2]
    found = include_problems(src) + link_problems(src, library)
    problems = [p for p in found if p not in PENDING]
    problems += [f"no longer happens, remove it from PENDING: {p}"
                 for p in sorted(PENDING - set(found))]
    for p in problems:
        print(p)
    if problems:
        print(f"layers: {len(problems)} problems")
        return 1
    print(f"layers: every include and every link follows src/README.md "
          f"({len(PENDING)} known breaches pending)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
