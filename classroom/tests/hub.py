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
    """mode "demo" (local processes, one shared password) or "containers" (a container per student, NativeAuthenticator
    with the teacher's account made at the start: teacher_password)."""

    def __init__(self, state, extra_env=None, mode="demo"):
        self.state = state
        self.token = uuid.uuid4().hex
        self.port = free_port()
        self.teacher_password = uuid.uuid4().hex
        self.env = {**os.environ, **(extra_env or {}), "CNNBOOK_HUB_STATE": state, "CNNBOOK_HUB_PORT": str(self.port),
                    "CNNBOOK_CLASSROOM_MODE": mode, "CNNBOOK_TEACHER_PASSWORD": self.teacher_password,
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


def start_server(hub, name):
    """Starts `name`'s server through the REST API (making the user if need be); returns a token of theirs."""
    try:
        hub.api("POST", "/users", {"usernames": [name]})
    except urllib.error.HTTPError as error:
        assert error.code == 409, error  # the student exists already
    hub.api("POST", f"/users/{name}/server", {})
    deadline = time.monotonic() + 180
    while not hub.api("GET", f"/users/{name}")["servers"].get("", {}).get("ready"):
        assert time.monotonic() < deadline, open(hub.log_path).read()[-3000:]
        time.sleep(1)
    return hub.api("POST", f"/users/{name}/tokens", {"note": "test"})["token"]


def stop_server(hub, name):
    hub.api("DELETE", f"/users/{name}/server")
    deadline = time.monotonic() + 60
    while hub.api("GET", f"/users/{name}")["servers"]:
        assert time.monotonic() < deadline
        time.sleep(0.5)


def user_api(hub, name, token, path, body=None):
    """GET (or POST `body`) /user/<name>/<path> on the student's server, through the hub's proxy."""
    request = urllib.request.Request(f"{hub.url}/user/{name}/{path}", headers={"Authorization": f"token {token}"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)
