"""A real Jupyter server on 127.0.0.1 and Debian's Chromium driven headless through chromedriver (Selenium)."""
import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def missing_tools():
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "Selenium is not installed (make setup puts it into .venv)"
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(tool):
            return f"{tool} is missing (Debian: chromium chromium-driver)"
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notebook_major():
    try:
        import notebook
        return int(notebook.__version__.split(".")[0])
    except ImportError:
        return 0


def classic_app():
    """The classic Notebook UI: nbclassic on today's Jupyter server (the project's venv), else Debian's Notebook 6."""
    try:
        import nbclassic  # noqa: F401
        return "nbclassic"
    except ImportError:
        return "notebook"


class JupyterServer:
    """A Jupyter server (`jupyterlab`, `notebook` 7, `nbclassic`, or Debian's `notebook` 6) with its own config and
    runtime directories, on 127.0.0.1 with a token."""

    def __init__(self, root, app="nbclassic", env=None):
        self.root = root
        self.app = app
        self.port = free_port()
        self.token = uuid.uuid4().hex
        self.home = tempfile.mkdtemp(prefix="jupyter-test-")
        self.log = open(os.path.join(self.home, "server.log"), "w")
        legacy = app == "notebook" and notebook_major() < 7
        settings = "NotebookApp" if legacy else "ServerApp"
        root_setting = "notebook_dir" if legacy else "root_dir"
        # nbclassic beside Notebook 7 serves its pages under /nbclassic/
        self.classic_prefix = "nbclassic/" if app == "nbclassic" else ""
        command = [sys.executable, "-m", app, "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                   f"--{settings}.token={self.token}", f"--{settings}.{root_setting}={root}",
                   f"--{settings}.port_retries=0"]
        if app == "jupyterlab":
            command.append("--LabApp.expose_app_in_browser=True")
        elif app == "notebook" and not legacy:
            command.append("--JupyterNotebookApp.expose_app_in_browser=True")
        if os.geteuid() == 0:  # CI runs as root; Jupyter refuses that without this flag
            command.append("--allow-root")
        server_env = {**os.environ, **(env or {}),
                      "JUPYTER_CONFIG_DIR": os.path.join(self.home, "config"),
                      "JUPYTER_RUNTIME_DIR": os.path.join(self.home, "runtime")}
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=server_env)
        self.wait_until_up()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return f"{self.base}/{path}?token={self.token}"

    def api(self, path):
        with urllib.request.urlopen(f"{self.base}/api/{path}?token={self.token}", timeout=10) as response:
            return json.load(response)

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.app} server exited: {open(self.log.name).read()[-3000:]}")
            try:
                self.api("status")
                return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"{self.app} server did not answer on port {self.port}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.home, ignore_errors=True)


def throwaway_directory(prefix):
    """A new temporary directory, removed when the test run ends."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, True)
    return path


def chromium(width=1400, height=1100):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--window-size={width},{height}",
                 f"--user-data-dir={throwaway_directory('chromium-test-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    return driver


def wait_for(driver, script, timeout, what, poll=0.5):
    """Polls a JavaScript expression until it is truthy; returns its value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script("return " + script)
        if value:
            return value
        time.sleep(poll)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
