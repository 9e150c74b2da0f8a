"""Figures that survive: the executed notebooks that `make run` writes, reopened in JupyterLab 4 and Notebook 7
(untrusted: no script of theirs runs), show every output; the HTML book draws its plotly figures with one local
plotly.min.js and shows their PNG where no script runs; a viewer that knows only the standard types and runs no
script (as GitHub's notebook view) shows every figure as its PNG. Screenshots: build/browser/reopened-*.png,
static-*.png."""
import os

import pytest
from nbconvert import HTMLExporter

import browser
import run_series
import workspaces
from conftest import executed_dir
from lab_page import PANEL, draw_plotly_figures, open_in

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup puts it into .venv)")
pytestmark = pytest.mark.skipif(not os.path.exists(browser.CHROMIUM), reason=f"{browser.CHROMIUM} is missing (Debian: chromium)")

# outputs that show nothing: no loaded picture, no drawn plotly trace, no text
BLANK_OUTPUTS = f"""() => {{
  const blank = [];
  {PANEL}.content.widgets.forEach((cell, i) => {{
    if (cell.model.type !== 'code') return;
    cell.node.querySelectorAll('.jp-OutputArea-output').forEach(out => {{
      const img = out.querySelector('img');
      const shows = (img && img.complete && img.naturalWidth > 0) || out.querySelector('.main-svg .trace')
          || out.textContent.trim().length > 0;  // not innerText: empty for cells Lab skips drawing off-screen
      if (!shows) blank.push(i);
    }});
  }});
  return blank;
}}"""

# [outputs in the notebook's model, outputs on the page, code cells the page calls trusted]
COUNTS = f"""() => {{
  const cells = {PANEL}.content.widgets.filter(c => c.model.type === 'code');
  return [cells.reduce((n, c) => n + c.model.outputs.length, 0),
          cells.reduce((n, c) => n + c.node.querySelectorAll('.jp-OutputArea-output').length, 0),
          cells.filter(c => c.model.trusted).length];
}}"""


def assert_every_output_visible(page, name):
    try:  # Lab renders a long notebook's outputs a while after it opens (longer on a busy machine)
        page.wait_for_function(f"() => {{ const [model, shown] = ({COUNTS})(); return model > 0 && shown === model; }}",
                               timeout=30_000, polling=500)
    except playwright_api.TimeoutError:
        pass  # the assertion below says how many are missing
    model_outputs, page_outputs, trusted = page.evaluate(COUNTS)
    assert trusted == 0, f"{name}: the test needs the notebook untrusted, as a handed-out copy is"
    assert model_outputs > 0 and page_outputs == model_outputs, f"{name}: {page_outputs} of {model_outputs} outputs on the page"
    try:
        page.wait_for_function(f"() => ({BLANK_OUTPUTS})().length === 0", timeout=30_000, polling=500)
    except playwright_api.TimeoutError:
        pytest.fail(f"{name}: blank outputs in cells {page.evaluate(BLANK_OUTPUTS)}")


@pytest.mark.parametrize("app", ["jupyterlab", "notebook"])
def test_executed_notebooks_reopen_untrusted_with_every_output_visible(chromium, executed, app):
    server = browser.JupyterServer(os.path.join(executed_dir(), "notebooks"), app, workspaces.SERVER_ENV)
    try:
        names = run_series.series() if app == "jupyterlab" else ["01-loading-mnist.ipynb"]
        for name in names:
            page = open_in(chromium, server, ("lab/tree/" if app == "jupyterlab" else "notebooks/") + name)
            try:
                assert_every_output_visible(page, name)
                if any(run_series.PLOTLY_MIME in o.get("data", {}) for c in executed[name].cells for o in c.get("outputs", [])):
                    assert draw_plotly_figures(page) > 0
                    page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, f"reopened-{app}-{name.replace('.ipynb', '.png')}"),
                                    full_page=True)
            finally:
                page.close()
    finally:
        server.stop()


def pages_with_figures(html_dir):
    pages = sorted(p for p in os.listdir(html_dir) if p.endswith(".html") and p != "index.html")
    return [p for p in pages if 'class="jp-OutputArea-output cnnbook-plotly"' in open(os.path.join(html_dir, p), encoding="utf-8").read()]


def test_the_html_book_shows_each_figure_as_its_picture_where_no_script_runs(chromium, executed):
    html_dir = os.path.join(executed_dir(), "html")
    pages = pages_with_figures(html_dir)
    assert pages, "no page of the book has a plotly figure"
    context = chromium.new_context(java_script_enabled=False, offline=True)
    try:
        for name in pages:
            page = context.new_page()
            page.goto("file://" + os.path.join(html_dir, name))
            shown = page.evaluate("() => [...document.querySelectorAll('.cnnbook-plotly')]"
                                  ".map(d => { const i = d.querySelector('img'); return !!i && i.complete && i.naturalWidth > 0; })")
            assert shown and all(shown), f"{name}: figures without their picture: {shown}"
            page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "static-book-" + name.replace(".html", ".png")), full_page=True)
    finally:
        context.close()


def test_a_viewer_without_plotly_or_scripts_shows_each_figure_as_its_png(chromium, executed, tmp_path):
    """What GitHub's notebook view does: the standard MIME types only (nbconvert's stock template stands in for it),
    no script: the PNG of each plotly output is chosen and shows."""
    context = chromium.new_context(java_script_enabled=False, offline=True)
    try:
        for name, notebook in executed.items():
            figures = sum(run_series.PLOTLY_MIME in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", []))
            pngs = sum("image/png" in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", []))
            if not figures:
                continue
            body, _ = HTMLExporter(template_name="classic").from_notebook_node(notebook)
            path = tmp_path / name.replace(".ipynb", ".html")
            path.write_text(body, encoding="utf-8")
            page = context.new_page()
            page.goto(path.as_uri())
            loaded = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
            assert loaded >= pngs, f"{name}: {loaded} pictures shown of {pngs} (of which {figures} plotly figures)"
            page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "static-viewer-" + name.replace(".ipynb", ".png")),
                            full_page=True)
    finally:
        context.close()
