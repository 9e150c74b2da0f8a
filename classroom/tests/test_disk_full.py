"""A student whose disk (or quota) is full saves a notebook: Jupyter says why, and the copy on disk is the last one
that was saved, whole. Their home is a tiny tmpfs here (needs root to mount, as in CI; skipped otherwise)."""
import json
import os
import subprocess
import urllib.error

import nbformat
import pytest

pytest.importorskip("jupyterhub", reason="JupyterHub is not installed (make setup puts it into .venv)")
from single_server import StudentServer  # noqa: E402

HOME_KIB = 512


@pytest.fixture
def small_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={HOME_KIB}k", "tmpfs", str(home)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    yield home
    subprocess.run(["umount", str(home)], check=True)


def notebook(text):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])


def test_a_full_disk_keeps_the_last_saved_notebook_whole_and_says_why(small_home, tmp_path):
    saved = notebook("my answers so far")
    nbformat.write(saved, str(small_home / "01-loading-mnist.ipynb"))
    server = StudentServer(str(small_home), log_dir=str(tmp_path))
    try:
        too_big = json.loads(nbformat.writes(notebook("x" * (HOME_KIB * 1024))))
        with pytest.raises(urllib.error.HTTPError) as refused:
            server.api("PUT", "/api/contents/01-loading-mnist.ipynb",
                       {"type": "notebook", "format": "json", "content": too_big})
        reason = refused.value.read().decode(errors="replace")
        assert refused.value.code == 500 and "No space left on device" in reason, (refused.value.code, reason)
        on_disk = nbformat.read(str(small_home / "01-loading-mnist.ipynb"), as_version=4)
        assert on_disk.cells[0].source == "my answers so far"
        assert sorted(os.listdir(small_home)) == ["01-loading-mnist.ipynb"], "a half-written file was left behind"
        server.api("PUT", "/api/contents/01-loading-mnist.ipynb",
                   {"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(notebook("fixed")))})
        assert nbformat.read(str(small_home / "01-loading-mnist.ipynb"), as_version=4).cells[0].source == "fixed"
    finally:
        server.stop()
