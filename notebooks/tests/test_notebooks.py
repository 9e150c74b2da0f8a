"""Every notebook of the series, executed as a quick run (DATASET_LIMIT, MAX_EPOCH) on the real kernel, checked the way a reader would."""
import json
import os
import re

import nbformat
import pytest

import run_series
from conftest import executed_dir, selected_jdk_version

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = run_series.series()


def test_the_series_exists_in_order():
    assert [n[:2] for n in NOTEBOOKS] == [f"{i:02d}" for i in range(len(NOTEBOOKS))]
    assert len(NOTEBOOKS) >= 8


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_without_outputs(name):
    notebook = json.load(open(os.path.join(run_series.HERE, name)))
    dirty = [i for i, c in enumerate(notebook["cells"])
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{name}: cells {dirty} have outputs; clear them before committing"
    assert notebook["metadata"]["kernelspec"]["name"] == "java"


def test_no_notebook_uses_kernel_extensions_outside_ijava():
    ijava_magics = {"jars", "classpath", "maven", "addMavenDependency", "addMavenDependencies", "mavenRepo",
                    "addMavenRepo", "loadFromPOM", "load"}
    for name in NOTEBOOKS:
        for cell in json.load(open(os.path.join(run_series.HERE, name)))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for line in "".join(cell["source"]).splitlines():
                stripped = line.strip()
                if stripped.startswith("%"):
                    magic = stripped.lstrip("%").split()[0]
                    assert magic in ijava_magics, f"{name}: %{magic} is not an IJava 1.3.0 magic"


def outputs_of(cell):
    return cell.get("outputs", [])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_without_errors(executed, name):
    for index, cell in enumerate(executed[name].cells):
        errors = [o for o in outputs_of(cell) if o.get("output_type") == "error"]
        assert not errors, f"{name} cell {index}: {errors}"


def test_the_series_ran_on_the_selected_jdk(executed):
    expected = selected_jdk_version()
    for name, notebook in executed.items():
        version = notebook.metadata["language_info"]["version"]
        if expected:
            assert version.startswith(expected), f"{name} ran on Java {version}, not on IJAVA_JAVA_HOME's {expected}"
        assert int(version.split(".")[0].split("+")[0]) >= 17


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_plot_cell_produced_a_picture(executed, name):
    plots = [c for c in executed[name].cells if "plot" in c.get("metadata", {}).get("tags", [])]
    assert plots, f"{name} has no picture"
    for cell in plots:
        data = [o.get("data", {}) for o in outputs_of(cell)]
        assert any("image/png" in d or "text/html" in d for d in data), f"{name}: no picture from:\n{cell.source}"
        for d in data:
            if "image/png" in d:
                assert len(d["image/png"]) > 1000, f"{name}: a tiny PNG from:\n{cell.source}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_self_checks_passed(executed, name):
    checks = [c for c in executed[name].cells if "self-check" in c.get("metadata", {}).get("tags", [])]
    assert checks, f"{name} has no exercise self-check"
    for cell in checks:
        text = "".join(o.get("text", "") for o in outputs_of(cell) if o.get("output_type") == "stream")
        assert "\u2713" in text, f"{name}: self-check did not pass:\n{cell.source}\n{text}"


def exercises_of(name):
    notebook = json.load(open(os.path.join(run_series.HERE, name)))
    return [c for c in notebook["cells"] if "exercise" in c.get("metadata", {}).get("tags", [])]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_exercise_arrives_unsolved_and_the_teacher_has_its_solution(name):
    exercises = exercises_of(name)
    assert exercises, f"{name} has no exercise"
    answers = run_series.solutions().get(name, {})
    for cell in exercises:
        source = "".join(cell["source"])
        assert run_series.STUB in source, f"{name} {cell['id']}: no '{run_series.STUB}' line for the student"
        answer = answers.get(cell["id"])
        assert answer and answer["solution"].strip() and answer["wrong"].strip(), \
            f"{name} {cell['id']}: notebooks/teacher/solutions.json needs a solution and a typical wrong answer"
        assert answer["solution"] not in source, f"{name} {cell['id']} arrives solved"


def test_every_check_rejected_a_missing_and_a_wrong_answer_and_accepted_the_solution(executed):
    proofs = json.load(open(os.path.join(executed_dir(), "check-proofs.json")))
    for name in NOTEBOOKS:
        for cell in exercises_of(name):
            rejected = [p for p in proofs if p["notebook"] == name and p["exercise"] == cell["id"]]
            assert len(rejected) == 2, f"{name} {cell['id']}: {rejected}"
            assert all("\u2717 Not yet" in p["rejected_with"] for p in rejected), rejected  # JJava prefixes the class
        solved = {c.id: c.source for c in executed[name].cells}
        for cell in exercises_of(name):
            assert run_series.STUB not in solved[cell["id"]], f"{name}: the executed copy shows the stub"


def test_the_html_book_has_an_index_and_a_page_per_notebook(executed):
    pages = os.listdir(os.path.join(executed_dir(), "html"))
    assert "index.html" in pages
    for name in NOTEBOOKS:
        assert name.replace(".ipynb", ".html") in pages
    index = open(os.path.join(executed_dir(), "html", "index.html")).read()
    assert all(name.replace(".ipynb", ".html") in index for name in NOTEBOOKS)


def test_every_local_link_in_the_book_and_the_executed_notebooks_leads_somewhere(executed):
    """The pages link to each other, not to notebooks beside them; the executed notebooks find the series' index."""
    for folder, suffix in (("html", ".html"), ("notebooks", ".ipynb")):
        directory = os.path.join(executed_dir(), folder)
        for page in (p for p in os.listdir(directory) if p.endswith(suffix)):
            text = open(os.path.join(directory, page), encoding="utf-8").read()
            targets = re.findall(r'href=\\?"([^"\\#:]+)[#"\\]', text) + re.findall(r"\]\(([^)#:\s]+)[#)]", text)
            missing = sorted({t for t in targets if not os.path.exists(os.path.join(directory, t))})
            assert not missing, f"{folder}/{page} links to {missing}, which is not in {directory}"


MAX_NOTEBOOK_BYTES = 3 * 1024 * 1024
MAX_PAGE_BYTES = 5 * 1024 * 1024


def test_executed_notebooks_and_html_pages_are_small(executed):
    """GitHub renders notebooks up to a few MB: no library inlined in an output, plotly.js once beside the pages."""
    for name in NOTEBOOKS:
        size = os.path.getsize(os.path.join(executed_dir(), "notebooks", name))
        assert size <= MAX_NOTEBOOK_BYTES, f"{name}: {size / 1e6:.1f} MB"
    html_dir = os.path.join(executed_dir(), "html")
    for page in (p for p in os.listdir(html_dir) if p.endswith(".html")):
        text = open(os.path.join(html_dir, page), encoding="utf-8").read()
        assert len(text.encode()) <= MAX_PAGE_BYTES, f"{page}: {len(text.encode()) / 1e6:.1f} MB"
        assert text.count("plotly.min.js") <= 1 and "Plotly.register" not in text, f"{page} carries plotly.js itself"
    assert os.path.exists(os.path.join(html_dir, "plotly.min.js")), "the book's figures need plotly.min.js beside the pages"



def test_every_link_to_a_notebook_names_it_by_its_number_and_title():
    """A link like [5. How a network learns](05-how-a-network-learns.ipynb): the file exists, and the number and the
    title in the text are the linked notebook's own (the series was renumbered once; stale links are easy to miss)."""
    import re
    titles = {}
    for name in NOTEBOOKS:
        notebook = nbformat.read(os.path.join(run_series.HERE, name), as_version=4)
        titles[name] = run_series.title_of(notebook)
    link = re.compile(r"\[(?:← )?(\d+)\. ([^\]]+?)(?: →)?\]\((\d\d-[a-z0-9-]+\.ipynb)\)")
    for name in NOTEBOOKS:
        for cell in nbformat.read(os.path.join(run_series.HERE, name), as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for number, text, target in link.findall(cell.source):
                assert target in titles, f"{name} links to {target}, which does not exist"
                assert int(number) == int(target[:2]), f"{name}: link '{number}. {text}' goes to {target}"
                words = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2]
                assert words and all(w in titles[target].lower() for w in words), \
                    f"{name}: link text '{text}' for {target}, whose title is '{titles[target]}'"
