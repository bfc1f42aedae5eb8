#!/usr/bin/env python3
"""No include cycles: among the libraries of lib/ (library A uses B when a
file of lib/A includes <B/...>), and among the modules of each program in
utils/ (module a.c/a.h uses b when either includes "b.h")."""
import os
import sys

from tree import includes_of, sources_under


def library_graph(lib):
    """Library name -> set of the libraries its files include."""
    libraries = sorted(name for name in os.listdir(lib) if os.path.isdir(os.path.join(lib, name)))
    graph = {name: set() for name in libraries}
    for name in libraries:
        for path in sources_under(os.path.join(lib, name)):
            for _, target in includes_of(path):
                used = target.split("/")[0]
                if "/" in target and used in graph and used != name:
                    graph[name].add(used)
    return graph


def module_graph(program):
    """Module stem -> set of the modules its .c and .h include, inside one program folder
    (utils/libutil counts as a program of its own: its headers are reached by -I)."""
    stems = {os.path.splitext(name)[0] for name in os.listdir(program) if name.endswith((".c", ".h"))}
    graph = {stem: set() for stem in stems}
    for name in os.listdir(program):
        stem, suffix = os.path.splitext(name)
        if suffix not in (".c", ".h"):
            continue
        for _, target in includes_of(os.path.join(program, name)):
            used = os.path.splitext(os.path.basename(target))[0]
            if target.endswith(".h") and used in graph and used != stem:
                graph[stem].add(used)
    return graph


def cycles(graph):
    """The strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for used in sorted(graph[node]):
            if used not in index:
                visit(used)
                low[node] = min(low[node], low[used])
            elif used in on_stack:
                low[node] = min(low[node], index[used])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    for component in cycles(library_graph(os.path.join(top, "lib"))):
        problems.append("lib/: libraries include each other: %s" % " <-> ".join(component))
    utils = os.path.join(top, "utils")
    for program in sorted(os.listdir(utils)):
        folder = os.path.join(utils, program)
        if os.path.isdir(folder):
            for component in cycles(module_graph(folder)):
                problems.append("utils/%s: modules include each other: %s" % (program, " <-> ".join(component)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
