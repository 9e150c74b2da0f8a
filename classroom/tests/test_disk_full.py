"""A student whose disk (or quota) is full saves a notebook: Jupyter says why, the copy on disk is the last one
that was saved, whole, and saving works again once there is room. Their home is a tiny tmpfs here (needs root to mount, as in CI; skipped otherwise)."""
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
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={HOME_KIB}k", "tmpfs", str(home)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {mounted.stderr.strip()}")
    yield home
    if subprocess.run(["umount", str(home)]).returncode != 0:
        subprocess.run(["umount", "-l", str(home)], check=True)


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


def fill(directory):
    """Writes `filler` in `directory` until the disk is full."""
    with open(os.path.join(directory, "filler"), "wb", buffering=0) as f:
        try:
            while f.write(b"\0" * 4096):
                pass
        except OSError:  # ENOSPC: full
            pass


def test_a_disk_that_is_already_full_keeps_the_last_saved_notebook_whole_until_there_is_room(small_home, tmp_path):
    saved = notebook("my answers so far")
    nbformat.write(saved, str(small_home / "01-loading-mnist.ipynb"))
    server = StudentServer(str(small_home), log_dir=str(tmp_path))
    try:
        fill(str(small_home))
        with pytest.raises(urllib.error.HTTPError) as refused:
            server.api("PUT", "/api/contents/01-loading-mnist.ipynb",
                       {"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(notebook("new")))})
        reason = refused.value.read().decode(errors="replace")
        assert "No space left on device" in reason, reason
        on_disk = nbformat.read(str(small_home / "01-loading-mnist.ipynb"), as_version=4)
        assert on_disk.cells[0].source == "my answers so far"
        # Jupyter's atomic save may leave its hidden backup copy (it could not finish copying it); nothing else
        assert set(os.listdir(small_home)) <= {"01-loading-mnist.ipynb", ".~01-loading-mnist.ipynb", "filler"}
        os.remove(small_home / "filler")  # the student frees space and saves again: the backup goes too
        server.api("PUT", "/api/contents/01-loading-mnist.ipynb",
                   {"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(notebook("new")))})
        assert ".~01-loading-mnist.ipynb" not in os.listdir(small_home)
        assert nbformat.read(str(small_home / "01-loading-mnist.ipynb"), as_version=4).cells[0].source == "new"
    finally:
        server.stop()
