"""Notebook files the tests write: small notebooks for the 'java' kernel, and the browser tests' workspace."""
import os
import shutil

import nbformat

import run_series

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCREENSHOTS = os.path.join(ROOT, "build", "browser")
# the notebooks the browser tests run, as a student would, with their exercises solved
BROWSER_NOTEBOOKS = ["00-java-in-jupyter.ipynb", "01-loading-mnist.ipynb", "06-training-the-cnn.ipynb",
                     "07-clinic-below-10-percent.ipynb"]
# the quick run's data limit, but every epoch notebook 6 asks for, so that its live chart redraws several times
SERVER_ENV = {"DATASET_LIMIT": run_series.FAST_MODE["DATASET_LIMIT"], "MNIST_DIR": os.path.join(ROOT, "data", "mnist")}
# faults.ipynb: training that runs long enough to be interrupted or restarted, then a compile error
FAULTS = [
    "%load prelude.jsh",
    "import org.cnnbook.notebook.LiveChartProgress;",
    "MnistData data = Mnist.load(RunLimits.fromEnvironment());\nvar x = Shapes.toNchw(Pixels.normalize(data.trainImages()));\n"
    "var y = OneHot.encode(data.trainLabels(), 10);\nvar xt = Shapes.toNchw(Pixels.normalize(data.testImages()));",
    "var model = Models.corrected();",
    "History history = Trainer.fit(model, x, y, xt, data.testLabels(), TrainingOptions.defaults().epochs(500)\n"
    "        .progress(new LiveChartProgress()));",
    "model.getIterationCount() > 0",
    'int broken = "text";',
]

# Tab, Shift+Tab and the console in JupyterLab: a variable to complete on
ASSIST = ['String word = "abc";', "word.is", "Math.max"]


def write_java_notebook(path, code_cells, markdown_first=None):
    """A notebook for the 'java' kernel with these code cells (and optionally a markdown cell first)."""
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}})
    if markdown_first:
        notebook.cells.append(nbformat.v4.new_markdown_cell(markdown_first))
    notebook.cells.extend(nbformat.v4.new_code_cell(source) for source in code_cells)
    nbformat.write(notebook, str(path))


def make_browser_workspace(root):
    """Copies of the notebooks with their exercises solved (the originals stay without outputs and unsolved), the
    prelude, faults.ipynb, and a link to lib/: a Jupyter server serves root/notebooks."""
    notebooks = os.path.join(root, "notebooks")
    os.makedirs(notebooks)
    os.symlink(os.path.join(ROOT, "lib"), os.path.join(root, "lib"))
    shutil.copy(os.path.join(run_series.HERE, "prelude.jsh"), os.path.join(notebooks, "prelude.jsh"))
    for name in BROWSER_NOTEBOOKS:
        notebook = run_series.solved(nbformat.read(os.path.join(run_series.HERE, name), as_version=4), name)
        nbformat.write(notebook, os.path.join(notebooks, name))
    write_java_notebook(os.path.join(notebooks, "faults.ipynb"), FAULTS)
    write_java_notebook(os.path.join(notebooks, "assist.ipynb"), ASSIST)
    os.makedirs(SCREENSHOTS, exist_ok=True)
    return str(root)
