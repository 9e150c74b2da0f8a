"""`make run`'s runner fails loudly: non-zero exit, naming the notebook and the cell."""
import json
import os
import shutil
import subprocess
import sys

import run_series


def test_a_failing_cell_stops_the_run_and_is_named(tmp_path):
    shutil.copy(os.path.join(run_series.HERE, "run_series.py"), tmp_path)
    cells = [{"cell_type": "markdown", "source": "# Broken on purpose", "metadata": {}},
             {"cell_type": "code", "source": "int fine = 1;", "metadata": {}, "outputs": [], "execution_count": None},
             {"cell_type": "code", "source": 'throw new IllegalStateException("boom");', "metadata": {},
              "outputs": [], "execution_count": None}]
    with open(tmp_path / "00-broken.ipynb", "w") as f:
        json.dump({"cells": cells, "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                   "nbformat": 4, "nbformat_minor": 5}, f)
    run = subprocess.run([sys.executable, str(tmp_path / "run_series.py"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "FAILED 00-broken.ipynb: cell 2 failed" in run.stderr
    assert "boom" in run.stderr
    assert (tmp_path / "out" / "notebooks" / "00-broken.ipynb").exists(), "the partly executed notebook is kept"
