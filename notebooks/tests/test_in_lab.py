"""The series as students open it today: JupyterLab 4 and Notebook 7 from the project's venv, in Debian's Chromium
driven by Playwright (by its executable path: no browser download). Notebooks 00, 01, 05 and 06 run with Run All
in JupyterLab, notebook 01 in Notebook 7: no error output, every picture loaded, the plotly figure drawn, the live
training chart redrawn; training interrupted and restarted from JupyterLab's toolbar buttons; an error that stays
readable in the dark theme. Screenshots go to build/browser/lab-*.png and notebook7-*.png."""
import os

import pytest

import browser
import workspaces
from lab_page import PANEL, draw_plotly_figures, open_in

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup puts it into .venv)")
pytestmark = pytest.mark.skipif(not os.path.exists(browser.CHROMIUM), reason=f"{browser.CHROMIUM} is missing (Debian: chromium)")

RUN_TIMEOUT_MS = 600_000
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
  .filter(([c]) => !c.node.querySelector('.jp-OutputArea-output img, .jp-OutputArea-output table, .jp-RenderedPlotly'))
  .map(([c, i]) => i)"""


@pytest.fixture(scope="module")
def lab(browser_workspace):
    server = browser.JupyterServer(os.path.join(browser_workspace, "notebooks"), "jupyterlab", workspaces.SERVER_ENV)
    yield server
    server.stop()


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
        draw_plotly_figures(page)
        if name.startswith("05"):
            assert page.evaluate("() => window.cnnbookFrames.size") >= 2, "the live training chart was never redrawn"
            page.evaluate(f"""async () => {{ const notebook = {PANEL}.content;  // cells above change height as
                const cell = notebook.widgets.find(c => (c.model.getMetadata('tags') || []).includes('live-chart'));
                const scroller = notebook.node.querySelector('.jp-WindowedPanel-outer') || notebook.node;
                for (let step = 0; step < 10; step++) {{  // they render: aim again until the cell stays on top
                  scroller.scrollTop += cell.node.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 10;
                  await new Promise(done => setTimeout(done, 200)); }} }}""")
            page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-05-live-chart.png"))  # the README's picture
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
        assert draw_plotly_figures(page) == 1
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


def edit_cell_end(page, index):
    """Puts the cursor at the end of code cell `index`, in edit mode."""
    editor = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").nth(index).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+End")


def test_the_kernel_helps_while_typing_in_jupyterlab(chromium, lab):
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # the launcher's card for the kernel shows its logo, not a blank letter
        page.goto(lab.url("lab") + "&reset")
        card = page.locator(".jp-LauncherCard", has_text="Java").first
        card.wait_for(timeout=60_000)
        page.wait_for_function("""() => [...document.querySelectorAll('.jp-LauncherCard')]
            .filter(c => c.innerText.includes('Java'))
            .some(c => [...c.querySelectorAll('img')].some(i => i.complete && i.naturalWidth > 0))""", timeout=30_000)
        page.close()

        page = open_in(chromium, lab, "lab/tree/assist.ipynb")
        run_cell(page, 0)
        # Tab: String's members, each with its signature
        edit_cell_end(page, 1)
        page.keyboard.press("Tab")
        item = page.locator(".jp-Completer-item", has_text="isEmpty()").first  # isBlank() too: a list, not inserted
        item.wait_for(timeout=30_000)
        assert "boolean" in item.text_content()  # the member's type beside it
        # the documentation panel (on in the venv's JupyterLab settings) shows the chosen member's signature
        page.wait_for_function("() => [...document.querySelectorAll('.jp-Completer-docpanel')]"
                               ".some(p => p.textContent.includes('String.is'))", timeout=30_000)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-completion.png"))
        page.keyboard.press("Escape")
        # Shift+Tab: the signature of what is under the cursor
        edit_cell_end(page, 2)
        page.keyboard.press("Shift+Tab")
        tooltip = page.locator(".jp-Tooltip")
        tooltip.wait_for(timeout=30_000)
        assert "max(" in tooltip.inner_text()
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-inspect.png"))
        page.keyboard.press("Escape")

        # the console in JupyterLab's 'terminal' mode: Enter on an unfinished statement continues it (is_complete
        # says so), on a finished one runs it; Shift+Enter always runs
        page.evaluate("() => window.jupyterapp.commands.execute('console:create', {kernelPreference: {name: 'java'}})")
        prompt = page.locator(".jp-CodeConsole-promptCell .cm-content")
        prompt.wait_for(timeout=60_000)
        page.wait_for_function(f"() => {PANEL}.sessionContext && {PANEL}.sessionContext.session "
                               f"&& {PANEL}.sessionContext.session.kernel.status === 'idle'", timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('console:interaction-mode', {interactionMode: 'terminal'})")
        ran = ".jp-CodeConsole-content .jp-CodeCell"
        before = page.locator(ran).count()
        prompt.click()
        page.keyboard.type("if (true) {")
        page.keyboard.press("Enter")
        page.wait_for_timeout(2000)
        assert page.locator(ran).count() == before, "an unfinished statement was run"
        page.keyboard.type("System.out.println(6 * 7); }")
        page.keyboard.press("Enter")
        page.wait_for_function("() => [...document.querySelectorAll('.jp-CodeConsole-content .jp-OutputArea-output')]"
                               ".some(o => o.innerText.includes('42'))", timeout=60_000)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-console.png"))
    finally:
        page.close()

