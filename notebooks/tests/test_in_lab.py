"""The series as students open it today: JupyterLab 4 and Notebook 7 from the project's venv, in Debian's Chromium
driven by Playwright (by its executable path: no browser download). Notebooks 00, 01, 05 and 06 run with Run All
in JupyterLab, notebook 01 in Notebook 7: no error output, every picture loaded, the plotly figure drawn, the live
training chart redrawn. Screenshots go to build/browser/lab-*.png and notebook7-*.png. (Interrupting and restarting
from the toolbar is tested in the classic UI, test_in_browser.py.)"""
import os

import pytest

import browser
import workspaces

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup puts it into .venv)")
pytestmark = pytest.mark.skipif(not os.path.exists(browser.CHROMIUM), reason=f"{browser.CHROMIUM} is missing (Debian: chromium)")

RUN_TIMEOUT_MS = 600_000
PANEL = "window.jupyterapp.shell.currentWidget"

# the page's current notebook is `name` and its java kernel is idle
KERNEL_READY = f"""name => {{
  const panel = window.jupyterapp && {PANEL};
  if (!panel || !panel.context || !panel.context.path.endsWith(name)) return false;
  const kernel = panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.name === 'java' && kernel.status === 'idle';
}}"""

# 'error' as soon as an output is an error (Run All stops there), 'done' when every code cell has run and the kernel
# is idle again
ALL_RUN = f"""() => {{
  const panel = {PANEL};
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  if (cells.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'))) return 'error';
  const done = cells.every(c => c.model.executionCount !== null);
  return done && panel.sessionContext.session.kernel.status === 'idle' ? 'done' : false;
}}"""

ERRORS = f"""() => {PANEL}.content.widgets.filter(c => c.model.type === 'code')
  .flatMap(c => c.model.outputs.toJSON()).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)"""

BROKEN_IMAGES = f"""() => [...{PANEL}.node.querySelectorAll('.jp-OutputArea-output img')]
  .filter(i => !(i.complete && i.naturalWidth > 0)).length"""

PLOT_CELLS_WITHOUT_PICTURE = f"""() => {PANEL}.content.widgets
  .map((c, i) => [c, i]).filter(([c]) => (c.model.getMetadata('tags') || []).includes('plot'))
  .filter(([c]) => !c.node.querySelector('.jp-OutputArea-output img, .jp-OutputArea-output table, .cnnbook-plotly'))
  .map(([c, i]) => i)"""


@pytest.fixture(scope="module")
def chromium():
    with playwright_api.sync_playwright() as p:
        browser_process = p.chromium.launch(executable_path=browser.CHROMIUM, headless=True,
                                            args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser_process
        browser_process.close()


@pytest.fixture(scope="module")
def lab(browser_workspace):
    server = browser.JupyterServer(os.path.join(browser_workspace, "notebooks"), "jupyterlab", workspaces.SERVER_ENV)
    yield server
    server.stop()


def open_in(chromium, server, path):
    """Opens a notebook alone: '&reset' starts JupyterLab without the tabs an earlier page left open."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url(path) + "&reset")
    page.wait_for_function(KERNEL_READY, arg=os.path.basename(path), timeout=120_000)
    return page


def run_all(page):
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    handle = page.wait_for_function(ALL_RUN, timeout=RUN_TIMEOUT_MS, polling=500)
    return handle.json_value()


@pytest.mark.parametrize("name", workspaces.BROWSER_NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_with_every_picture(chromium, lab, name):
    page = open_in(chromium, lab, f"lab/tree/{name}")
    try:
        if name.startswith("05"):  # the live chart: count the distinct pictures its cell shows while training runs
            page.evaluate(f"""() => {{ window.cnnbookFrames = new Set(); setInterval(() => {{
                const cell = {PANEL}.content.widgets.find(c => (c.model.getMetadata('tags') || []).includes('live-chart'));
                const img = cell && cell.node.querySelector('.jp-OutputArea-output img');
                if (img) window.cnnbookFrames.add(img.src.length + ':' + img.src.slice(-400, -100)); }}, 50); }}""")
        outcome = run_all(page)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-" + name.replace(".ipynb", ".png")), full_page=True)
        assert outcome == "done", page.evaluate(ERRORS)
        assert page.evaluate(ERRORS) == []
        page.wait_for_timeout(1000)
        assert page.evaluate(BROKEN_IMAGES) == 0
        assert page.evaluate(PLOT_CELLS_WITHOUT_PICTURE) == []
        if page.evaluate(f"() => {PANEL}.node.querySelectorAll('.cnnbook-plotly').length"):
            page.wait_for_function(f"() => {PANEL}.node.querySelectorAll('.cnnbook-plotly .main-svg .trace').length > 0",
                                   timeout=30_000)
        if name.startswith("05"):
            assert page.evaluate("() => window.cnnbookFrames.size") >= 2, "the live training chart was never redrawn"
    finally:
        page.close()


def test_notebook_7_runs_a_notebook_with_its_pictures(chromium, browser_workspace):
    server = browser.JupyterServer(os.path.join(browser_workspace, "notebooks"), "notebook", workspaces.SERVER_ENV)
    try:
        page = open_in(chromium, server, "notebooks/01-loading-mnist.ipynb")
        outcome = run_all(page)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "notebook7-01-loading-mnist.png"), full_page=True)
        assert outcome == "done", page.evaluate(ERRORS)
        assert page.evaluate(BROKEN_IMAGES) == 0
        page.wait_for_function(f"() => {PANEL}.node.querySelectorAll('.cnnbook-plotly .main-svg .trace').length > 0",
                               timeout=30_000)
        page.close()
    finally:
        server.stop()
