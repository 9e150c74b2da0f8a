#!/usr/bin/env python3
"""Executes the notebook series headless and renders it as an HTML book.

    python3 notebooks/run_series.py [--fast] [--prove-checks] [--out build] [--only 05] [--jobs 2] [--kernel java]

Each notebook runs on the 'java' kernel (--kernel, or $CNNBOOK_KERNEL: e.g. 'jjava') with nbclient, in notebooks/ as working directory; the executed copy
goes to OUT/notebooks and an HTML page (nbconvert's 'lab' template: no RequireJS) to OUT/html, with an index.
Exercises arrive unsolved (`// YOUR CODE HERE`); the run fills in the teacher's reference solutions from
notebooks/teacher/solutions.json, so the executed copies show solved exercises.
--prove-checks also runs, before each solution, the exercise as the student gets it and the typical wrong answer
recorded beside the solution, each followed by the exercise's check cell, and requires that check to fail with its
explanation (written to OUT/check-proofs.json). Where the teacher's file gives an exercise hidden tests (graded by
nbgrader, absent from the student's notebook), the proofs run them after the visible check: the wrong answers must
fail them, the solution pass them. The executed notebook shows what a student sees: the visible check only.
--fast sets DATASET_LIMIT and MAX_EPOCH (unless already set) so the whole series runs in minutes.
Notebooks that train or time something for long (metadata cnnbook.runs_alone) run alone and in order; between them,
up to --jobs others run at once, each in its own kernel: they spend most of their time starting a JVM on one core.
A failing cell stops the run with a non-zero exit code naming the notebook and the cell.
"""
import argparse
import concurrent.futures
import html
import importlib.resources
import json
import os
import re
import shutil
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from traitlets.config import Config

HERE = os.path.dirname(os.path.abspath(__file__))
FAST_MODE = {"DATASET_LIMIT": "2000", "MAX_EPOCH": "1"}
CELL_TIMEOUT = 3600
SOLUTIONS = os.path.join(HERE, "teacher", "solutions.json")
KERNEL = os.environ.get("CNNBOOK_KERNEL", "java")
STUB = "// YOUR CODE HERE"
BOOK_TEMPLATES = os.path.join(HERE, "book-template")
PLOTLY_MIME = "application/vnd.plotly.v1+json"
SERIES_INDEX = "README.md"
LOCAL_NOTEBOOK_LINK = re.compile(r'href="([0-9][0-9A-Za-z_.-]*)\.ipynb(#[^"]*)?"')


def series():
    return sorted(name for name in os.listdir(HERE) if name.endswith(".ipynb") and name[:2].isdigit())


def title_of(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


class NotebookFailed(Exception):
    pass


def solutions():
    """{notebook: {exercise cell id: {"solution": code, "wrong": code}}}: what replaces the exercise's stub line
    (nothing where the teacher's file is absent: then a notebook with exercises fails, naming it)."""
    if not os.path.exists(SOLUTIONS):
        return {}
    with open(SOLUTIONS, encoding="utf-8") as f:
        return json.load(f)


def with_code(cell, code):
    """A copy of an exercise cell whose `// YOUR CODE HERE` line is replaced by `code`."""
    if STUB not in cell.source:
        raise NotebookFailed(f"exercise cell {cell.get('id')} has no '{STUB}' line")
    copy = nbformat.from_dict(json.loads(json.dumps(cell)))
    copy.source = cell.source.replace(STUB, code)
    return copy


def solved(notebook, name):
    """The notebook with every exercise's stub replaced by the teacher's reference solution."""
    answers = solutions().get(name, {})
    for index, cell in enumerate(notebook.cells):
        if "exercise" in cell.get("metadata", {}).get("tags", []):
            notebook.cells[index] = with_code(cell, answers[cell.get("id")]["solution"])
    return notebook


def with_hidden_tests(check_cell, answer):
    """A copy of a check cell with the exercise's hidden tests (solutions.json's "hidden") run after the visible ones,
    as nbgrader's autograding runs them; the cell itself where there are none."""
    if not answer.get("hidden"):
        return check_cell
    copy = nbformat.from_dict(json.loads(json.dumps(check_cell)))
    copy.source = check_cell.source.rstrip() + "\n" + answer["hidden"]
    return copy


def check_cell_after(notebook, index):
    for cell in notebook.cells[index + 1:]:
        if "self-check" in cell.get("metadata", {}).get("tags", []):
            return cell
    raise NotebookFailed(f"exercise cell {notebook.cells[index].get('id')} has no self-check cell after it")


def error_text(cell):
    return "\n".join(o.get("evalue", "") + "\n" + "\n".join(o.get("traceback", []))
                     for o in cell.get("outputs", []) if o.get("output_type") == "error")


def runs_alone(name):
    """True for a notebook that trains or times something for long: it gets the machine to itself."""
    notebook = nbformat.read(os.path.join(HERE, name), as_version=4)
    return bool(notebook.metadata.get("cnnbook", {}).get("runs_alone"))


def batches(names):
    """The notebooks in order, grouped: each one that runs alone is a group of its own, and the others between them
    form groups that may run at once (a notebook never runs before one that comes earlier and runs alone)."""
    groups = []
    for name in names:
        if runs_alone(name) or not groups or runs_alone(groups[-1][-1]):
            groups.append([name])
        else:
            groups[-1].append(name)
    return groups


def announced(name, position, count, out_dir, prove_checks):
    """execute(), saying when it starts (in a worker process, when the worker gets to it)."""
    print(f"[run] ({position}/{count}) {name} ...{' (runs alone)' if runs_alone(name) else ''}", flush=True)
    return execute(name, out_dir, prove_checks)


def execute(name, out_dir, prove_checks=False, proofs=None):
    """Runs one notebook with its exercises solved; returns (executed notebook, seconds, proofs). Writes the executed
    copy even when a cell fails. With prove_checks, each exercise's wrong answer must make its check fail first."""
    proofs = [] if proofs is None else proofs
    notebook = nbformat.read(os.path.join(HERE, name), as_version=4)
    answers = solutions().get(name, {})
    exercises = {i for i, c in enumerate(notebook.cells) if "exercise" in c.get("metadata", {}).get("tags", [])}
    missing = [notebook.cells[i].get("id") for i in exercises if notebook.cells[i].get("id") not in answers]
    if missing:
        raise NotebookFailed(f"{name}: exercise cells {missing} have no reference solution in {SOLUTIONS}")
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": HERE}})
    started = time.monotonic()
    client.reset_execution_trackers()
    try:
        with client.setup_kernel():
            info = client.wait_for_reply(client.kc.kernel_info())
            notebook.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(notebook.cells):
                if index in exercises:
                    answer = answers[cell.get("id")]
                    check = with_hidden_tests(check_cell_after(notebook, index), answer)
                    if prove_checks:
                        for wrong in (STUB, answer["wrong"]):  # as the student gets it, then a typical mistake
                            proofs.append(prove_rejects_wrong_answer(client, name, cell, check, index, wrong))
                        if answer.get("hidden"):
                            prove_accepts_solution(client, name, cell, check, index, answer["solution"])
                    notebook.cells[index] = cell = with_code(cell, answer["solution"])
                client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
    except CellExecutionError as error:
        nbformat.write(notebook, os.path.join(out_dir, name))
        index, source = failing_cell(notebook)
        raise NotebookFailed(f"{name}: cell {index} failed.\n--- cell source ---\n{source}\n--- error ---\n{error}") from None
    seconds = time.monotonic() - started
    nbformat.write(notebook, os.path.join(out_dir, name))
    return notebook, seconds, proofs


def prove_rejects_wrong_answer(client, name, exercise_cell, check_cell, index, wrong):
    """Runs the exercise with a wrong answer and then its check cell, as copies (nbclient puts each executed cell at
    `index`; the caller puts the real cell back): the check must fail with an explanation (a message with ✗)."""
    exercise = with_code(exercise_cell, wrong)
    check = nbformat.from_dict(json.loads(json.dumps(check_cell)))
    for cell in (exercise, check):
        cell.metadata["tags"] = ["raises-exception"]
        client.execute_cell(cell, index)
    message = error_text(check)
    if "\u2717" not in message:
        raise NotebookFailed(f"{name}: the check after exercise {exercise.get('id')} accepted the wrong answer\n"
                             f"{wrong}\n--- check output ---\n{check.get('outputs')}")
    return {"notebook": name, "exercise": exercise.get("id"), "wrong": wrong,
            "rejected_with": next(line for line in message.splitlines() if "\u2717" in line)}


def prove_accepts_solution(client, name, exercise_cell, check_cell, index, solution):
    """Runs the solution and the check with its hidden tests, as copies: nothing may fail."""
    for cell in (with_code(exercise_cell, solution), nbformat.from_dict(json.loads(json.dumps(check_cell)))):
        cell.metadata["tags"] = ["raises-exception"]
        client.execute_cell(cell, index)
        if error_text(cell):
            raise NotebookFailed(f"{name}: the solution of exercise {exercise_cell.get('id')} fails its hidden tests\n"
                                 f"{error_text(cell)}")


def failing_cell(notebook):
    for index, cell in enumerate(notebook.cells):
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            return index, cell.source
    return "?", ""


def has_plotly_figures(notebook):
    return any(PLOTLY_MIME in output.get("data", {}) for cell in notebook.cells for output in cell.get("outputs", []))


def plotly_js_beside(html_dir):
    """Copies the plotly Python package's plotly.min.js into the book once; None where plotly is not installed
    (the pages then show each figure's PNG)."""
    try:
        source = importlib.resources.files("plotly") / "package_data" / "plotly.min.js"
    except ModuleNotFoundError:
        return None
    target = os.path.join(html_dir, "plotly.min.js")
    if not os.path.exists(target):
        with source.open("rb") as src, open(target + ".part", "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.replace(target + ".part", target)
    return "plotly.min.js"


def write_html(notebook, name, html_dir):
    """The page of one notebook ('cnnbook' template: nbconvert's 'lab' page plus plotly figures drawn with one
    shared plotly.min.js, and their PNG where no script runs)."""
    priority = [PLOTLY_MIME] + HTMLExporter().config.NbConvertBase.display_data_priority
    exporter = HTMLExporter(template_name="cnnbook", extra_template_basedirs=[BOOK_TEMPLATES],
                            config=Config({"NbConvertBase": {"display_data_priority": priority}}))
    resources = {"metadata": {"name": name.replace(".ipynb", "")},
                 "plotly_js": plotly_js_beside(html_dir) if has_plotly_figures(notebook) else None}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    body = book_links(body)
    path = os.path.join(html_dir, name.replace(".ipynb", ".html"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    return path


def book_links(page):
    """A page's links to the other notebooks and to the series' index, pointed at the book's pages instead."""
    page = LOCAL_NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', page)
    return page.replace(f'href="{SERIES_INDEX}"', 'href="index.html"')


def write_index(entries, html_dir, fast):
    rows = "\n".join(
        f'<li><a href="{html.escape(e["html"])}">{html.escape(e["title"] or e["name"])}</a>'
        f' <span class="time">({e["seconds"]:.0f} s)</span></li>' for e in entries)
    mode = "a quick run (DATASET_LIMIT/MAX_EPOCH)" if fast else "the full run"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>From MNIST files to a trained CNN, in Java</title>
<style>body{{font-family:sans-serif;max-width:46em;margin:3em auto;line-height:1.5}} .time{{color:#777}}</style>
</head><body>
<h1>From MNIST files to a trained CNN, in Java</h1>
<p>A Jupyter notebook series with Deeplearning4j. Executed in {mode} on {time.strftime("%Y-%m-%d %H:%M")}.</p>
<ol start="0">
{rows}
</ol></body></html>
"""
    with open(os.path.join(html_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(HERE, "..", "build"))
    parser.add_argument("--fast", action="store_true", help="small data slice and one epoch")
    parser.add_argument("--only", action="append", default=[], help="run only notebooks starting with this")
    parser.add_argument("--kernel", help="the kernelspec to run the notebooks on (default: $CNNBOOK_KERNEL, else java)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="how many notebooks that need not run alone may run at once (1: one after the other)")
    parser.add_argument("--prove-checks", action="store_true",
                        help="run each exercise's wrong answer first and require its check to reject it")
    args = parser.parse_args(argv)
    if args.kernel:
        global KERNEL
        KERNEL = os.environ["CNNBOOK_KERNEL"] = args.kernel  # the worker processes read it too
    if args.fast:
        for key, value in FAST_MODE.items():
            os.environ.setdefault(key, value)
    out_notebooks = os.path.join(args.out, "notebooks")
    out_html = os.path.join(args.out, "html")
    os.makedirs(out_notebooks, exist_ok=True)
    os.makedirs(out_html, exist_ok=True)
    if os.path.exists(os.path.join(HERE, SERIES_INDEX)):  # the last notebook links back to it
        shutil.copy(os.path.join(HERE, SERIES_INDEX), out_notebooks)

    names = [n for n in series() if not args.only or any(n.startswith(p) for p in args.only)]
    entries = {}
    proofs = []
    total = time.monotonic()
    position = {name: i for i, name in enumerate(names, 1)}

    def finished(name, notebook, seconds):
        page = write_html(notebook, name, out_html)
        entries[name] = {"name": name, "title": title_of(notebook), "seconds": seconds, "html": os.path.basename(page)}
        size_mb = os.path.getsize(os.path.join(out_notebooks, name)) / 1e6
        print(f"[run] ({position[name]}/{len(names)}) {name} done in {seconds:.0f} s "
              f"(notebook {size_mb:.1f} MB, page {os.path.getsize(page) / 1e6:.1f} MB)", flush=True)

    try:
        for group in batches(names):
            together = min(args.jobs, len(group))
            if together <= 1:
                for name in group:
                    notebook, seconds, checked = announced(name, position[name], len(names), out_notebooks,
                                                           args.prove_checks)
                    proofs += checked
                    finished(name, notebook, seconds)
                continue
            with concurrent.futures.ProcessPoolExecutor(together) as pool:
                running = {pool.submit(announced, name, position[name], len(names), out_notebooks,
                                       args.prove_checks): name for name in group}
                try:
                    for done in concurrent.futures.as_completed(running):
                        notebook, seconds, checked = done.result()
                        proofs += checked
                        finished(running[done], notebook, seconds)
                except NotebookFailed:
                    pool.shutdown(cancel_futures=True)
                    raise
    except NotebookFailed as failure:
        print(f"[run] FAILED {failure}", file=sys.stderr, flush=True)
        return 1
    entries = [entries[name] for name in names]
    write_index(entries, out_html, args.fast)
    if args.prove_checks:
        with open(os.path.join(args.out, "check-proofs.json"), "w", encoding="utf-8") as f:
            json.dump(proofs, f, indent=1, ensure_ascii=False)
        print(f"[run] {len(proofs)} wrong or missing answers rejected by their exercise's check; every solution accepted")
    with open(os.path.join(args.out, "run-times.json"), "w") as f:
        json.dump({"fast": args.fast, "total_seconds": time.monotonic() - total,
                   "notebooks": {e["name"]: e["seconds"] for e in entries}}, f, indent=2)
    print(f"[run] {len(entries)} notebooks in {time.monotonic() - total:.0f} s: "
          f"{os.path.relpath(out_notebooks)} and {os.path.relpath(os.path.join(out_html, 'index.html'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
