import os
import subprocess
import sys

import nbformat
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

import run_series  # noqa: E402

sys.path.insert(0, os.path.join(HERE, "..", "..", "environment"))
import jdks  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def selected_jdk_version():
    """The version of the JDK this run selected with IJAVA_JAVA_HOME (make test repeats the series on the newest
    JDK present), or None for the kernel's own."""
    home = os.environ.get("IJAVA_JAVA_HOME")
    return jdks.version_of(home) if home else None


def executed_dir():
    """build/test-notebooks, with the JDK (-jdk25) or the kernel (-jjava) in the name when a run selected another."""
    version = selected_jdk_version()
    kernel = run_series.KERNEL
    return os.path.join(ROOT, "build", "test-notebooks" + (f"-jdk{version.split('.')[0]}" if version else "")
                        + ("" if kernel == "java" else f"-{kernel}"))


@pytest.fixture(scope="session")
def executed():
    """The whole series executed once as a quick run, every exercise check proven against a missing and a wrong answer
    (notebooks, HTML book and check-proofs.json under build/test-notebooks)."""
    out = executed_dir()
    os.makedirs(out, exist_ok=True)
    env = {**os.environ, **run_series.FAST_MODE}
    run = subprocess.run([sys.executable, os.path.join(run_series.HERE, "run_series.py"), "--fast", "--prove-checks", "--out", out],
                         env=env, capture_output=True, text=True)
    print(run.stdout)
    print(run.stderr)
    assert run.returncode == 0, run.stderr[-4000:]
    return {name: nbformat.read(os.path.join(out, "notebooks", name), as_version=4) for name in run_series.series()}


@pytest.fixture(scope="session")
def browser_workspace(tmp_path_factory):
    """One workspace for every browser test (see workspaces.make_browser_workspace)."""
    import workspaces
    return workspaces.make_browser_workspace(str(tmp_path_factory.mktemp("browser")))


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright (by its executable path: no browser download)."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup puts it into .venv)")
    from lab_page import launch_chromium
    with playwright_api.sync_playwright() as p:
        browser_process = launch_chromium(p)
        yield browser_process
        browser_process.close()

