"""A JupyterHub for tests: classroom/hub/jupyterhub_config.py on free loopback ports, its state in a temporary
directory, an admin token for the REST API."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSROOM = os.path.dirname(HERE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process, seconds):
    """Asks `process` to stop (SIGTERM) and kills it if it has not after `seconds`."""
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Hub:
    def __init__(self, state, extra_env=None):
        self.state = state
        self.token = uuid.uuid4().hex
        self.port = free_port()
        self.env = {**os.environ, **(extra_env or {}), "CNNBOOK_HUB_STATE": state, "CNNBOOK_HUB_PORT": str(self.port),
                    "CNNBOOK_HUB_API_PORT": str(free_port()), "CNNBOOK_PROXY_API_PORT": str(free_port()),
                    "CNNBOOK_HUB_ADMIN_TOKEN": self.token, "CNNBOOK_HUB_PASSWORD": uuid.uuid4().hex}
        subprocess.run([sys.executable, os.path.join(CLASSROOM, "prepare.py"), "--state", state], env=self.env,
                       check=True)
        self.log_path = os.path.join(state, "hub.log")
        self.log = open(self.log_path, "w")
        bin_dir = os.path.dirname(sys.executable)
        self.process = subprocess.Popen([os.path.join(bin_dir, "jupyterhub"), "-f",
                                         os.path.join(CLASSROOM, "hub", "jupyterhub_config.py")],
                                        cwd=state, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_up()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def api(self, method, path, body=None):
        request = urllib.request.Request(f"{self.url}/hub/api{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else None

    def wait_until_up(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the hub exited:\n" + open(self.log_path).read()[-3000:])
            try:
                self.api("GET", "/info")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        raise RuntimeError("the hub did not answer:\n" + open(self.log_path).read()[-3000:])

    def stop(self):
        stop(self.process, 60)
        self.log.close()
