"""JupyterLab 4 and Notebook 7 pages in Debian's Chromium, driven by Playwright (by the browser's executable path: no
browser download): open a notebook alone and wait for its java kernel."""
import os

import browser

PANEL = "window.jupyterapp.shell.currentWidget"

# the page's current notebook is `name` and its java kernel is idle
KERNEL_READY = f"""name => {{
  const panel = window.jupyterapp && {PANEL};
  if (!panel || !panel.context || !panel.context.path.endsWith(name)) return false;
  const kernel = panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.name === 'java' && kernel.status === 'idle';
}}"""


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=browser.CHROMIUM, headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


def open_in(chromium, server, path):
    """Opens a notebook alone: '&reset' starts JupyterLab without the tabs an earlier page left open."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url(path) + "&reset")
    page.wait_for_function(KERNEL_READY, arg=os.path.basename(path), timeout=120_000)
    return page


def draw_plotly_figures(page, timeout_ms=30_000):
    """Brings every plotly figure of the current notebook to life as a person does: plotly's renderer shows the
    figure's PNG and draws the interactive figure when the pointer enters it. Returns how many were drawn."""
    figures = page.locator(".jp-RenderedPlotly")
    for index in range(figures.count()):
        figures.nth(index).hover()
    page.wait_for_function(f"""n => {PANEL}.node.querySelectorAll('.jp-RenderedPlotly .main-svg .trace').length >= n""",
                           arg=figures.count(), timeout=timeout_ms)
    return figures.count()
