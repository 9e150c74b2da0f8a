"""One student's Jupyter server for a test, started as the hub starts it (classroom/hub/jupyterhub_config.py's
Spawner.args and PYTHONPATH), without the hub: on a free loopback port, with a token."""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

from traitlets.config.loader import PyFileConfigLoader

from hub import free_port, stop

TESTS = os.path.dirname(os.path.abspath(__file__))
HUB_CONFIG = os.path.join(os.path.dirname(TESTS), "hub")
MANAGER_ARG = "--MappingKernelManager.kernel_manager_class="


def hub_config():
    """The hub's config as the demo mode reads it: its servers are local processes, like the one started here (the
    container mode's servers get the same Spawner.args, and PYTHONPATH from the image)."""
    before = os.environ.get("CNNBOOK_CLASSROOM_MODE")
    os.environ["CNNBOOK_CLASSROOM_MODE"] = "demo"
    try:
        return PyFileConfigLoader("jupyterhub_config.py", path=HUB_CONFIG).load_config()
    finally:
        if before is None:
            del os.environ["CNNBOOK_CLASSROOM_MODE"]
        else:
            os.environ["CNNBOOK_CLASSROOM_MODE"] = before


class StudentServer:
    """A real Jupyter server started as the hub starts a student's (its Spawner.args and PYTHONPATH); with
    `take_a_port`, its kernel manager class is `taken_port_kernels.TakenPortKernelManager` on top of the hub's."""

    def __init__(self, root, take_a_port=False, log_dir=None):
        hub = hub_config()
        args = list(hub.Spawner.args)
        base = next(arg[len(MANAGER_ARG):] for arg in args if arg.startswith(MANAGER_ARG))
        if take_a_port:
            args = [MANAGER_ARG + "taken_port_kernels.TakenPortKernelManager" if arg.startswith(MANAGER_ARG) else arg
                    for arg in args]
        if os.geteuid() == 0 and "--allow-root" not in args:
            args.append("--allow-root")
        self.token = uuid.uuid4().hex
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log_path = os.path.join(log_dir or root, "server.log")
        env = {**os.environ, "CNNBOOK_TEST_BASE_KERNEL_MANAGER": base,
               "PYTHONPATH": os.pathsep.join([TESTS, hub.Spawner.environment["PYTHONPATH"]])}
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [os.path.join(os.path.dirname(sys.executable), "jupyter-server"), "--ServerApp.ip=127.0.0.1",
                 f"--ServerApp.port={self.url.rsplit(':', 1)[1]}", "--ServerApp.port_retries=0",
                 "--ServerApp.open_browser=False", f"--IdentityProvider.token={self.token}",
                 f"--ServerApp.root_dir={root}", *args], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()  # a server that never answered is not left running
            raise

    def api(self, method, path, body=None):
        request = urllib.request.Request(self.url + path, method=method, headers={"Authorization": f"token {self.token}"},
                                         data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")

    def wait_until_up(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the server exited:\n" + self.log()[-3000:]
            try:
                return self.api("GET", "/api/status")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        raise AssertionError("the server did not come up:\n" + self.log()[-3000:])

    def log(self):
        return open(self.log_path, encoding="utf-8", errors="replace").read()

    def stop(self):
        stop(self.process, 30)
