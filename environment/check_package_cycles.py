#!/usr/bin/env python3
"""Fails when the project's Java packages depend on each other in a cycle, and prints the package graph.

    python3 environment/check_package_cycles.py lib/target/classes [more class directories...]

The graph comes from the JDK's own `jdeps -verbose:package`; only dependencies between org.cnnbook packages
count. A cycle means two packages can only be understood (and changed) together.
"""
import subprocess
import sys

PREFIX = "org.cnnbook"


def package_graph(class_dirs):
    output = subprocess.run(["jdeps", "-verbose:package", "-filter:none", *class_dirs],
                            capture_output=True, text=True, check=True).stdout
    graph = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "->" and parts[0].startswith(PREFIX) and parts[2].startswith(PREFIX):
            graph.setdefault(parts[0], set())
            graph.setdefault(parts[2], set())
            if parts[0] != parts[2]:
                graph[parts[0]].add(parts[2])
    return graph


def cycles(graph):
    """The strongly connected components with more than one package (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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


def main(argv):
    graph = package_graph(argv)
    print("[packages] dependencies between the project's packages:")
    for package in sorted(graph):
        targets = ", ".join(t[len(PREFIX) + 1:] for t in sorted(graph[package])) or "-"
        print(f"[packages]   {package[len(PREFIX) + 1:]:<22} -> {targets}")
    found = cycles(graph)
    for component in found:
        print("[packages] CYCLE between: " + ", ".join(component) + " (move the shared part into a package both "
              "may depend on)", file=sys.stderr)
    if not found:
        print("[packages] no cycles")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
