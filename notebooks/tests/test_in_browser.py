"""What a person sees: the series opened in the Jupyter UI in a real (headless) Chromium, and the HTML book.

The classic Notebook UI (nbclassic) through Selenium; screenshots go to build/browser/. Needs Debian's chromium and
chromium-driver (make test installs them as root on Debian); elsewhere the tests are skipped with the reason.
"""
import json
import os
import time

import pytest

import browser
import workspaces
from conftest import executed_dir

pytestmark = pytest.mark.skipif(browser.missing_tools() is not None, reason=str(browser.missing_tools()))

IN_BROWSER = ["00-java-in-jupyter.ipynb", "01-loading-mnist.ipynb", "06-training-the-cnn.ipynb"]
SCREENSHOTS = workspaces.SCREENSHOTS
SERVER_ENV = workspaces.SERVER_ENV
NOTEBOOK_TIMEOUT = 600


@pytest.fixture(scope="module")
def workspace(browser_workspace):
    return browser_workspace


@pytest.fixture(scope="module")
def classic(workspace):
    server = browser.JupyterServer(os.path.join(workspace, "notebooks"), browser.classic_app(), SERVER_ENV)
    driver = browser.chromium()
    yield server, driver
    driver.quit()
    server.stop()


def open_notebook(driver, server, name):
    driver.get(server.url(f"{server.classic_prefix}notebooks/{name}"))
    browser.wait_for(driver, "window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && "
                             "Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name === 'java'",
                     90, f"the java kernel of {name}")


ALL_DONE = """(function () {
  var cells = Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; });
  if (document.querySelector('.output_error')) return 'error';
  var done = cells.every(function (c) { return typeof c.input_prompt_number === 'number'; });
  return done && !Jupyter.notebook.kernel_busy ? 'done' : false;
})()"""

COUNT_LIVE_CHART_PICTURES = """(function () {
  window.cnnbookLiveChartPictures = 0;
  var cells = Jupyter.notebook.get_cells();
  for (var i = 0; i < cells.length; i++) {
    if ((cells[i].metadata.tags || []).indexOf('live-chart') >= 0) {
      new MutationObserver(function (mutations) {
        mutations.forEach(function (m) { m.addedNodes.forEach(function (n) {
          if (n.nodeType === 1 && (n.tagName === 'IMG' || n.querySelector('img'))) window.cnnbookLiveChartPictures++;
        }); });
      }).observe(cells[i].output_area.element[0], {childList: true, subtree: true});
      return true;
    }
  }
  return false;
})()"""


PLOT_CELLS_WITHOUT_PICTURE = """return Jupyter.notebook.get_cells().map(function (c, i) {
  var tags = c.metadata.tags || [];
  if (tags.indexOf('plot') < 0) return -1;  // the classic Notebook has no plotly renderer: figures show their PNG
  return c.output_area.element[0].querySelector('img') ? -1 : i;
}).filter(function (i) { return i >= 0; })"""


def broken_images(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.output_png img, .jp-RenderedImage img'))"
        ".filter(function (i) { return !(i.complete && i.naturalWidth > 0); }).length")


@pytest.mark.parametrize("name", IN_BROWSER)
def test_notebook_runs_in_the_classic_notebook_and_shows_its_pictures(classic, name):
    server, driver = classic
    open_notebook(driver, server, name)
    has_live_chart = driver.execute_script("return " + COUNT_LIVE_CHART_PICTURES)
    started = time.monotonic()
    driver.execute_script("Jupyter.notebook.execute_all_cells()")
    outcome = browser.wait_for(driver, ALL_DONE, NOTEBOOK_TIMEOUT, f"all cells of {name} to run")
    driver.save_screenshot(os.path.join(SCREENSHOTS, name.replace(".ipynb", ".png")))
    errors = driver.execute_script("return Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText)")
    assert outcome == "done" and not errors, f"{name}: {errors}"

    without_picture = driver.execute_script(PLOT_CELLS_WITHOUT_PICTURE)
    assert not without_picture, f"{name}: plot cells without a picture: {without_picture}"
    browser.wait_for(driver, "Array.from(document.querySelectorAll('.output_png img')).every(i => i.complete)", 30, "images")
    assert broken_images(driver) == 0
    if has_live_chart:
        assert driver.execute_script("return window.cnnbookLiveChartPictures") >= 2, "the live chart never updated"
    print(f"{name}: {time.monotonic() - started:.0f} s in the browser")


def run_cells(driver, indices):
    driver.execute_script(f"Jupyter.notebook.execute_cells({json.dumps(indices)})")


def cell_text(driver, index):
    return driver.execute_script(
        f"return Jupyter.notebook.get_cell({index}).output_area.element[0].innerText")


def wait_idle(driver, index, timeout=300):
    browser.wait_for(driver, f"typeof Jupyter.notebook.get_cell({index}).input_prompt_number === 'number' "
                             "&& !Jupyter.notebook.kernel_busy", timeout, f"cell {index} to finish")


def test_interrupt_restart_and_compile_errors_behave_in_the_ui(classic):
    server, driver = classic
    open_notebook(driver, server, "faults.ipynb")
    run_cells(driver, [0, 1, 2, 3])
    wait_idle(driver, 3, 180)

    # The interrupt button during training: training stops, the kernel stays usable and keeps the model.
    run_cells(driver, [4])
    browser.wait_for(driver, "Jupyter.notebook.get_cell(4).output_area.element[0].querySelector('img')", 120,
                     "the live training chart")
    time.sleep(2)
    driver.find_element("css selector", "[data-jupyter-action='jupyter-notebook:interrupt-kernel']").click()
    wait_idle(driver, 4, 120)
    assert "Evaluation interrupted" in cell_text(driver, 4)
    run_cells(driver, [5])
    wait_idle(driver, 5, 60)
    assert "true" in cell_text(driver, 5)
    driver.execute_script("Jupyter.notebook.get_cell(4).element[0].scrollIntoView()")
    driver.save_screenshot(os.path.join(SCREENSHOTS, "fault-interrupt.png"))

    # A compile error reads as an error in the page, without black-on-dark text.
    run_cells(driver, [6])
    wait_idle(driver, 6, 60)
    error = driver.execute_script("return Jupyter.notebook.get_cell(6).output_area.element[0].querySelector('.output_error')")
    assert error is not None
    assert "incompatible types" in error.text and "int broken" in error.text
    assert not driver.execute_script("return Jupyter.notebook.get_cell(6).output_area.element[0].querySelector('.ansi-black-fg')")
    driver.execute_script("Jupyter.notebook.get_cell(6).element[0].scrollIntoView()")
    driver.save_screenshot(os.path.join(SCREENSHOTS, "fault-compile-error.png"))

    # Restarting the kernel from the UI mid-training: the server survives and the next run works.
    run_cells(driver, [4])
    browser.wait_for(driver, "Jupyter.notebook.kernel_busy", 30, "training to start")
    time.sleep(3)
    driver.execute_script("Jupyter.notebook.restart_kernel({confirm: false})")
    browser.wait_for(driver, "Jupyter.notebook.kernel.is_connected() && !Jupyter.notebook.kernel_busy", 120, "the restart")
    assert server.api("status")["kernels"] >= 1
    driver.execute_script("Jupyter.notebook.clear_all_output()")
    run_cells(driver, [0, 1, 2, 3, 5])
    wait_idle(driver, 5, 300)
    assert "false" in cell_text(driver, 5)  # a fresh, untrained model in the restarted kernel


def test_the_html_book_shows_every_picture_and_plotly_figure_offline(executed):
    driver = browser.chromium()
    try:
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        html_dir = os.path.join(executed_dir(), "html")
        for page in sorted(p for p in os.listdir(html_dir) if p.endswith(".html")):
            driver.get("file://" + os.path.join(html_dir, page))
            browser.wait_for(driver, "document.readyState === 'complete'", 60, page)
            broken = driver.execute_script(
                "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 60))")
            assert not broken, f"{page}: images that did not load: {broken}"
            figures = driver.execute_script("return document.querySelectorAll('.cnnbook-plotly').length")
            if figures:
                drawn = browser.wait_for(driver, "document.querySelectorAll('.cnnbook-plotly .main-svg .trace').length", 30,
                                         f"the Plotly figures of {page}")
                assert drawn >= figures
                driver.save_screenshot(os.path.join(SCREENSHOTS, "book-" + page.replace(".html", ".png")))
    finally:
        driver.quit()
