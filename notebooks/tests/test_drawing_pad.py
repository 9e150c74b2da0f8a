"""Notebook 8's drawing pad in a real page: JupyterLab 4 and Notebook 7 from the project's venv, Debian's Chromium
driven by Playwright, this project's kernel. Digits drawn with the mouse stroke by stroke must be read as the
digits they are, the bars, the answer and the 28x28 picture change after every stroke, Clear empties the pad,
Keep saves a PNG the next cell reads, and after a kernel restart the pad says to run its cell again. The screenshot
build/browser/lab-08-drawing-pad.png is the README's picture."""
import glob
import os

import nbformat
import pytest

import browser
import pad_page
import workspaces
from lab_page import KERNEL_READY, PANEL, open_in
from test_in_lab import ERRORS, output_text, run_all, run_cell

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make setup puts it into .venv)")
pytestmark = pytest.mark.skipif(not os.path.exists(browser.CHROMIUM), reason=f"{browser.CHROMIUM} is missing (Debian: chromium)")

NOTEBOOK = "08-using-the-model.ipynb"
# digits drawn in the tests: a vertical bar, a closed loop, and three more replayed from stroke data
DRAWN = [1, 0, 7, 4, 3]


@pytest.fixture(scope="module")
def pad_notebooks(tmp_path_factory):
    return pad_page.make_pad_workspace(str(tmp_path_factory.mktemp("pad")))


@pytest.fixture(scope="module")
def cells(pad_notebooks):
    notebook = nbformat.read(os.path.join(pad_notebooks, NOTEBOOK), as_version=4)
    return {"pad": pad_page.pad_cell(notebook, "pad.show()"), "yours": pad_page.pad_cell(notebook, "pad.kept().all()")}


@pytest.fixture(scope="module")
def lab(pad_notebooks):
    server = browser.JupyterServer(pad_notebooks, "jupyterlab", workspaces.SERVER_ENV)
    yield server
    server.stop()


def open_pad(chromium, server, path):
    page = open_in(chromium, server, path)
    assert run_all(page) == "done", page.evaluate(ERRORS)
    page.locator(f"{pad_page.PAD} canvas.pad-ink").wait_for(timeout=30_000)
    pad_page.wait_answered(page)
    return page


def assert_reads(page, digit):
    after = pad_page.draw_digit(page, digit)
    last = after[-1]
    assert last["answer"] == str(digit), f"drew {digit}, the pad says {last}"
    for stroke, state in enumerate(after):  # every stroke got its answer, with bars and a picture
        assert state["answered"] == state["sent"]
        assert abs(sum(state["bars"]) - 100) < 1.5, f"stroke {stroke + 1}: the bars sum to {sum(state['bars'])} %"
        assert state["ink"] > 0 and state["answer"] != ""
        assert state["bars"][int(state["answer"])] == max(state["bars"])
    return after


def test_digits_drawn_with_the_mouse_are_read_and_kept_in_jupyterlab(chromium, lab, pad_notebooks, cells):
    page = open_pad(chromium, lab, f"lab/tree/{NOTEBOOK}")
    try:
        assert "To draw, open" not in output_text(page, cells["pad"]), "the live pad, not its still picture"
        previous = pad_page.clear(page)
        for digit in DRAWN:
            after = assert_reads(page, digit)
            assert after[-1]["bars"] != previous["bars"], "the bars did not change from the last digit"
            previous = after[-1]
        four = pad_page.draw_digit(page, 4)
        assert four[0]["bars"] != four[1]["bars"], "the second stroke of the 4 did not change the bars"
        page.locator(f"{pad_page.PAD} .pad-label").select_option("4")
        page.locator(f"{pad_page.PAD} .pad-keep").click()
        page.wait_for_function(f"() => document.querySelector('{pad_page.PAD} .pad-status').textContent.startsWith('Kept as')")
        page.locator(pad_page.PAD).screenshot(path=os.path.join(workspaces.SCREENSHOTS, "lab-08-drawing-pad.png"))
        kept = glob.glob(os.path.join(pad_notebooks, "my-digits", "digit-4-*.png"))
        assert len(kept) == 1, kept
        emptied = pad_page.clear(page)
        assert emptied["answer"] == "" and emptied["ink"] == 0 and sum(emptied["bars"]) == 0, emptied
        run_cell(page, cells["yours"])
        assert "1 of 1 read correctly (100 %)" in output_text(page, cells["yours"])
    finally:
        page.close()


def test_after_a_kernel_restart_the_pad_says_to_run_its_cell_again(chromium, lab, cells):
    page = open_pad(chromium, lab, f"lab/tree/{NOTEBOOK}")
    try:
        before = page.evaluate(f"() => {PANEL}.sessionContext.session.kernel.id")
        statuses = page.evaluate(f"""async () => {{ const kernel = {PANEL}.sessionContext.session.kernel;
            const seen = []; kernel.statusChanged.connect((_, status) => seen.push(status));
            await kernel.restart(); return seen; }}""")
        assert "restarting" in statuses, statuses
        page.wait_for_function(KERNEL_READY, arg=NOTEBOOK, timeout=120_000)
        assert page.evaluate(f"() => {PANEL}.sessionContext.session.kernel.id") == before, "restarted, not replaced"
        assert page.locator(pad_page.PAD).count() == 1, "the old pad stays on the page"
        for attempt in range(3):  # as a person draws again when nothing happened: the cells may still be moving
            pad_page.draw_stroke(page, pad_page.DIGITS[1][0])
            try:
                page.wait_for_function(f"() => document.querySelector('{pad_page.PAD}').dataset.sent", timeout=3_000)
                break
            except Exception:
                continue
        try:
            page.wait_for_function(f"""() => document.querySelector('{pad_page.PAD} .pad-status').textContent
                .includes('run this cell again')""", timeout=15_000)
        except Exception as timeout:  # say what the pad showed, for the next person to read
            state = page.evaluate(f"""() => {{ const pad = document.querySelector('{pad_page.PAD}');
                return {{ strokesSent: pad.dataset.sent, status: pad.querySelector('.pad-status').textContent,
                          classes: pad.className, onThePage: pad.isConnected,
                          kernel: {PANEL}.sessionContext.session.kernel.status }}; }}""")
            raise AssertionError(f"no 'run this cell again' 15 s after a stroke; the pad: {state}") from timeout
        for index in range(cells["pad"] + 1):  # what the pad needs, then the pad: a new one, live again
            run_cell(page, index)
        assert page.locator(pad_page.PAD).count() == 1, "the old pad is replaced by the new cell's output"
        pad_page.wait_answered(page)
        assert_reads(page, 1)
    finally:
        page.close()


def test_digits_drawn_with_the_mouse_are_read_in_notebook_7(chromium, pad_notebooks):
    server = browser.JupyterServer(pad_notebooks, "notebook", workspaces.SERVER_ENV)
    try:
        page = open_pad(chromium, server, f"notebooks/{NOTEBOOK}")
        for digit in (1, 0):
            assert_reads(page, digit)
        page.screenshot(path=os.path.join(workspaces.SCREENSHOTS, "notebook7-08-drawing-pad.png"))
        page.close()
    finally:
        server.stop()
