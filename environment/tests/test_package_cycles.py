"""The package-cycle check finds cycles (and only cycles) in a dependency graph."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import check_package_cycles  # noqa: E402


def test_a_cycle_through_three_packages_is_found_and_a_chain_is_not():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert check_package_cycles.cycles(graph) == [["a", "b", "c"]]
    assert check_package_cycles.cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
