"""Builds an nbgrader course from the series and generates the students' versions.

    python3 classroom/course.py [--out build/course] [--only 01]

Each notebook with exercises becomes an assignment named after it. In the teacher's version (source/) every
exercise cell holds the reference solution from notebooks/teacher/solutions.json between `// BEGIN SOLUTION` and
`// END SOLUTION` and is the student's to edit; the self-check cell after it is graded (its points in the
solutions file, 1 by default; a failing check raises, which nbgrader scores 0) and holds the exercise's hidden tests,
if it has any, between `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS`; every other cell is locked, so
autograding restores it. `nbgrader generate_assignment` then writes the students' versions (release/), with
`// YOUR CODE HERE` where the solution was. The notebooks load lib through prelude.jsh; a grading or classroom kernel
finds lib's jars in $CNNBOOK_LIB (make assignments prints the value to use).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "notebooks"))
import run_series  # noqa: E402

SCHEMA = 3


def nbgrader_metadata(grade_id, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta


def teacher_version(name):
    """The series notebook `name` as nbgrader's source: solutions in their regions, checks graded, the rest locked."""
    notebook = nbformat.read(os.path.join(run_series.HERE, name), as_version=4)
    answers = run_series.solutions().get(name, {})
    exercises = [i for i, c in enumerate(notebook.cells) if "exercise" in c.get("metadata", {}).get("tags", [])]
    checks = {}
    for index in exercises:
        cell = notebook.cells[index]
        answer = answers.get(cell.get("id"))
        if not answer:
            raise SystemExit(f"{name}: exercise {cell.get('id')} has no solution in {run_series.SOLUTIONS}")
        region = f"// BEGIN SOLUTION\n{answer['solution']}\n// END SOLUTION"
        notebook.cells[index] = cell = run_series.with_code(cell, region)
        cell.metadata["nbgrader"] = nbgrader_metadata(f"exercise-{cell.id}", solution=True)
        check = run_series.check_cell_after(notebook, index)
        if answer.get("hidden"):
            check.source = f"{check.source.rstrip()}\n// BEGIN HIDDEN TESTS\n{answer['hidden']}\n// END HIDDEN TESTS"
        checks[check.id] = answer.get("points", 1)
    for cell in notebook.cells:
        if "nbgrader" in cell.metadata:
            continue
        if cell.id in checks:
            cell.metadata["nbgrader"] = nbgrader_metadata(f"check-{cell.id}", grade=True, locked=True,
                                                          points=checks[cell.id])
        else:
            cell.metadata["nbgrader"] = nbgrader_metadata(f"cell-{cell.id}", locked=True)
    return notebook


def nbgrader_env(extra=None):
    """The environment for nbgrader commands: the venv's bin/ first on PATH (nbgrader runs its gradebook's
    migrations with the `alembic` command it finds there)."""
    env = {**os.environ, **(extra or {})}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def assignments(only=()):
    names = [n for n in run_series.series() if run_series.solutions().get(n)]
    return [n for n in names if not only or any(n.startswith(p) for p in only)]


def build(out, only=()):
    """Writes the course directory `out` (config, source/) and generates release/; returns the assignment names."""
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(HERE, "nbgrader_config.py"), os.path.join(out, "nbgrader_config.py"))
    built = []
    for name in assignments(only):
        assignment = name.replace(".ipynb", "")
        source = os.path.join(out, "source", assignment)
        os.makedirs(source, exist_ok=True)
        nbformat.write(teacher_version(name), os.path.join(source, name))
        shutil.copy(os.path.join(run_series.HERE, "prelude.jsh"), os.path.join(source, "prelude.jsh"))
        built.append(assignment)
    for assignment in built:
        print(f"[assignments] {assignment}: nbgrader generate_assignment", flush=True)
        run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                             cwd=out, env=nbgrader_env(), capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout + run.stderr, file=sys.stderr)
            raise SystemExit(f"nbgrader generate_assignment {assignment} failed")
    return built


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "course"))
    parser.add_argument("--only", action="append", default=[], help="only notebooks starting with this")
    args = parser.parse_args(argv)
    built = build(os.path.abspath(args.out), args.only)
    print(f"[assignments] {len(built)} assignments in {os.path.relpath(args.out)}: teacher's versions in source/, "
          f"students' versions in release/. Grading kernels need CNNBOOK_LIB={os.path.join(ROOT, 'lib', 'target')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
