"""`make run`'s runner fails loudly: non-zero exit, naming the notebook and the cell."""
import os
import shutil
import subprocess
import sys

import run_series
from workspaces import write_java_notebook


def test_a_failing_cell_stops_the_run_and_is_named(tmp_path):
    shutil.copy(os.path.join(run_series.HERE, "run_series.py"), tmp_path)
    write_java_notebook(tmp_path / "00-broken.ipynb", ["int fine = 1;", 'throw new IllegalStateException("boom");'],
                        markdown_first="# Broken on purpose")
    run = subprocess.run([sys.executable, str(tmp_path / "run_series.py"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "FAILED 00-broken.ipynb: cell 2 failed" in run.stderr
    assert "boom" in run.stderr
    assert (tmp_path / "out" / "notebooks" / "00-broken.ipynb").exists(), "the partly executed notebook is kept"
