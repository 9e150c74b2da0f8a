"""The series as students open it today: JupyterLab 4 and Notebook 7 from the project's venv, in Debian's Chromium
driven by Playwright (by its executable path: no browser download). Notebooks 00, 01, 05 and 06 run with Run All
in JupyterLab, notebook 01 in Notebook 7: no error output, every picture loaded, the plotly figure drawn, the live
training chart redrawn; training interrupted and restarted from JupyterLab's toolbar buttons; an error that stays
readable in the dark theme. Screenshots go to build/browser/lab-*.png and notebook7-*.png."""
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


def run_cell(page, index, timeout_ms=300_000, wait=True):
    """Runs code cell `index` of the current notebook, as selecting it and pressing Shift+Enter would."""
    page.evaluate(f"""() => {{ const panel = {PANEL};
        panel.content.activeCellIndex = {index};
        window.jupyterapp.commands.execute('notebook:run-cell'); }}""")  # not awaited: the cell may run for long
    if wait:
        wait_until_cell_ended(page, index, timeout_ms)


def wait_until_cell_ended(page, index, timeout_ms):
    """Until cell `index` has its execution count (its reply has come) and the kernel is idle."""
    page.wait_for_function(f"""() => {{ const panel = {PANEL}; const cell = panel.content.widgets[{index}];
        return cell.model.executionCount !== null && panel.sessionContext.session.kernel.status === 'idle'; }}""",
                           timeout=timeout_ms, polling=250)


def output_text(page, index):
    return page.evaluate(f"() => {PANEL}.content.widgets[{index}].outputArea.node.innerText")


def click_toolbar(page, command):
    page.locator(f'.jp-NotebookPanel-toolbar [data-command="{command}"]').first.click()


# the lowest WCAG contrast ratio between the error's text and what it is drawn on (semi-transparent backgrounds,
# like JupyterLab's red-tinted error area, composited over what lies beneath them)
ERROR_CONTRAST = f"""index => {{
  const rgba = c => {{ const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; }};
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const backdrop = el => {{
    const layers = [];
    for (; el; el = el.parentElement) {{
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) {{ layers.push(c); if (c[3] >= 1) break; }}
    }}
    return layers.reverse().reduce((under, [r, g, b, a]) => [r, g, b].map((v, i) => v * a + under[i] * (1 - a)),
                                   [255, 255, 255]);
  }};
  const output = {PANEL}.content.widgets[index].outputArea.node.querySelector('.jp-OutputArea-output pre');
  const spans = [...output.querySelectorAll('span')].filter(s => s.textContent.trim());
  return Math.min(...(spans.length ? spans : [output]).map(s => {{
    const a = lum(rgba(getComputedStyle(s).color)), b = lum(backdrop(s));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }}));
}}"""


def test_interrupt_and_restart_from_the_lab_toolbar_and_a_readable_error_in_the_dark_theme(chromium, lab):
    page = open_in(chromium, lab, "lab/tree/faults.ipynb")
    try:
        for index in range(4):
            run_cell(page, index)
        # the toolbar's interrupt while the model trains: the cell ends, the kernel keeps the model
        run_cell(page, 4, wait=False)
        page.wait_for_function(f"() => {PANEL}.content.widgets[4].outputArea.node.querySelector('img')", timeout=120_000)
        page.wait_for_timeout(2000)
        click_toolbar(page, "notebook:interrupt-kernel")
        page.wait_for_function(f"() => {PANEL}.content.widgets[4].outputArea.node.innerText.includes('Evaluation interrupted')",
                               timeout=60_000)
        # a person runs the next cell once the interrupted one has ended: a request that reaches the kernel before
        # the failed cell's reply is answered 'aborted' without running (stop_on_error, as ipykernel does)
        wait_until_cell_ended(page, 4, timeout_ms=60_000)
        run_cell(page, 5, timeout_ms=60_000)
        assert "true" in output_text(page, 5)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-fault-interrupt.png"))

        # a compile error in the dark theme stays readable (WCAG AA: contrast of at least 4.5)
        page.evaluate("() => { window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'}); }")
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
        run_cell(page, 6, timeout_ms=60_000)
        assert "incompatible types" in output_text(page, 6)
        contrast = page.evaluate(ERROR_CONTRAST, 6)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-dark-compile-error.png"))
        assert contrast >= 4.5, f"error text contrast {contrast:.2f} on the dark theme"
        page.evaluate("() => { window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Light'}); }")

        # the toolbar's restart mid-training: a fresh kernel, in which the model is untrained again
        run_cell(page, 4, wait=False)
        page.wait_for_function(f"() => {PANEL}.sessionContext.session.kernel.status === 'busy'", timeout=30_000)
        page.wait_for_timeout(2000)
        click_toolbar(page, "notebook:restart-kernel")
        page.locator(".jp-Dialog .jp-mod-accept").click()
        page.wait_for_function(f"() => {PANEL}.sessionContext.session.kernel.status === 'idle'", timeout=120_000)
        for index in (0, 1, 2, 3, 5):
            run_cell(page, index)
        assert "false" in output_text(page, 5)
    except Exception:
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-fault-FAILED.png"))
        raise
    finally:
        page.close()
