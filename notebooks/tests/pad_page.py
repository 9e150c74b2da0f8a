"""Notebook 8's drawing pad in a page, as a person uses it: digits drawn stroke by stroke with the mouse (Playwright)
on its 280x280 canvas, and what the pad shows after each stroke. The browser tests and the latency benchmark
(bench/pad_latency.py) share it."""
import math
import os
import shutil
import subprocess
import sys
import time

import nbformat

import run_series
import workspaces

SIZE = 280
PAD = ".cnnbook-pad"


def _ellipse(cx, cy, rx, ry, points=36):
    return [(cx + rx * math.cos(-math.pi / 2 + 2 * math.pi * i / points),
             cy + ry * math.sin(-math.pi / 2 + 2 * math.pi * i / points)) for i in range(points + 1)]


# digit -> strokes; each stroke a list of (x, y) on the canvas, y pointing down
DIGITS = {
    1: [[(140, 40), (140, 240)]],  # a vertical bar
    0: [_ellipse(140, 140, 65, 100)],  # a closed loop
    7: [[(60, 50), (215, 50), (120, 245)]],
    4: [[(150, 45), (60, 170), (215, 170)], [(165, 55), (165, 245)]],  # two strokes
    2: [[(70, 95), (85, 60), (125, 40), (170, 45), (200, 75), (200, 115), (170, 155), (75, 240), (220, 238)]],
    3: [[(70, 65), (110, 40), (165, 42), (195, 75), (180, 115), (130, 135), (185, 150), (205, 190), (185, 230),
         (130, 250), (75, 230)]],
}

# what the page shows: the answer, each bar's width in % and the 28x28 picture's total brightness
SHOWN = f"""() => {{ const pad = document.querySelector('{PAD}');
  const seen = pad.querySelector('canvas.pad-seen').getContext('2d').getImageData(0, 0, 28, 28).data;
  let ink = 0; for (let i = 0; i < seen.length; i += 4) ink += seen[i];
  return {{ answer: pad.querySelector('.pad-answer').dataset.answer,
           bars: [...pad.querySelectorAll('.pad-bar')].map(b => parseFloat(b.style.width) || 0),
           ink, status: pad.querySelector('.pad-status').textContent,
           sent: Number(pad.dataset.sent || 0), answered: Number(pad.dataset.answered || 0) }}; }}"""

ANSWERED = f"""() => {{ const pad = document.querySelector('{PAD}');
  return !!pad && Number(pad.dataset.answered || 0) === Number(pad.dataset.sent || 0); }}"""


def shown(page):
    return page.evaluate(SHOWN)


def wait_answered(page, timeout_ms=30_000):
    """Until the kernel has answered the pad's last request."""
    page.wait_for_function(ANSWERED, timeout=timeout_ms, polling=20)
    return shown(page)


def draw_stroke(page, stroke, steps=4):
    """One stroke with the mouse, as a person draws it: press, move, release."""
    box, start = pen_on_the_pad(page, stroke[0])
    scale = box["width"] / SIZE
    page.mouse.move(*start)
    page.mouse.down()
    for x, y in stroke[1:]:
        page.mouse.move(box["x"] + x * scale, box["y"] + y * scale, steps=steps)
    page.mouse.up()


def pen_on_the_pad(page, point, seconds=15):
    """The pad's box and where `point` (in drawing units) is on the screen, once the pad is the element there.
    JupyterLab still moves cells for a moment after it scrolled (cells above are measured as they render, more so
    after a kernel restart): a box measured then would send the stroke to whatever took the pad's place."""
    canvas = page.locator(f"{PAD} canvas.pad-ink")
    deadline = time.monotonic() + seconds
    while True:
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()
        scale = box["width"] / SIZE
        start = [box["x"] + point[0] * scale, box["y"] + point[1] * scale]
        on_top = page.evaluate(f"""([x, y]) => document.elementFromPoint(x, y) ===
            document.querySelector('{PAD} canvas.pad-ink')""", start)
        if on_top and canvas.bounding_box() == box:
            return box, start
        if time.monotonic() > deadline:
            raise AssertionError(f"the pad did not hold still under the pen for {seconds} s (last box {box})")
        page.wait_for_timeout(100)


def draw_digit(page, digit):
    """Clears the pad and draws the digit stroke by stroke; returns what the pad showed after each stroke."""
    clear(page)
    after = []
    for stroke in DIGITS[digit]:
        draw_stroke(page, stroke)
        after.append(wait_answered(page))
    return after


def clear(page):
    page.locator(f"{PAD} .pad-clear").click()
    return wait_answered(page)


def pad_cell(notebook, text):
    """The index of the code cell whose source contains `text`."""
    return next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and text in c.source)


def make_pad_workspace(root, train_images=15000):
    """Notebook 8 (solved) with the prelude, the program-drawn digits and a link to lib/, and the network it loads:
    notebook 6's CNN trained here for one epoch on `train_images` images (a quick run's 2,000 read hand-drawn digits
    too poorly to test the pad with). Returns the notebooks folder."""
    notebooks = os.path.join(root, "notebooks")
    os.makedirs(notebooks)
    os.symlink(os.path.join(workspaces.ROOT, "lib"), os.path.join(root, "lib"))
    shutil.copy(os.path.join(run_series.HERE, "prelude.jsh"), notebooks)
    shutil.copytree(os.path.join(run_series.HERE, "digits"), os.path.join(notebooks, "digits"))
    name = "08-using-the-model.ipynb"
    notebook = run_series.solved(nbformat.read(os.path.join(run_series.HERE, name), as_version=4), name)
    nbformat.write(notebook, os.path.join(notebooks, name))
    workspaces.write_java_notebook(os.path.join(notebooks, "train-for-pad.ipynb"), [
        "%load prelude.jsh",
        f"MnistData data = Mnist.load(RunLimits.of({train_images}, 1));\n"
        "var model = Models.corrected();\n"
        "Trainer.fit(model, Shapes.toNchw(Pixels.normalize(data.trainImages())), OneHot.encode(data.trainLabels(), 10),\n"
        "    Shapes.toNchw(Pixels.normalize(data.testImages())), data.testLabels(), TrainingOptions.defaults().epochs(1).silent());\n"
        "ModelStore.save(model, ModelStore.seriesModel(RunLimits.fromEnvironment()))",
    ])
    env = {**os.environ, **workspaces.SERVER_ENV}
    run = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                          "--ExecutePreprocessor.timeout=900", "train-for-pad.ipynb"],
                         cwd=notebooks, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    return notebooks
