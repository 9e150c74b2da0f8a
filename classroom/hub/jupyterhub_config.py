"""JupyterHub for a class on one machine (make classroom; the load test starts it the same way).

A demo setup, on 127.0.0.1: every student logs in with any name and the shared password CNNBOOK_HUB_PASSWORD, and
their server runs as the hub's own Unix user in its own home directory. For a real class change, in this order:
  1. the authenticator: your school's (OAuth/LTI/LDAP: oauthenticator, ltiauthenticator, ldapauthenticator) or
     NativeAuthenticator, instead of the shared password;
  2. TLS: put the hub behind your HTTPS reverse proxy, or set c.JupyterHub.ssl_cert / ssl_key, and bind a public
     address (c.JupyterHub.bind_url) only then;
  3. the spawner: SystemdSpawner (one Unix user per student, MemoryMax/CPUQuota enforced) or DockerSpawner /
     KubeSpawner (Zero to JupyterHub: classroom/z2jh/config.yaml), with c.Spawner.mem_limit from docs/teaching.md.
     The kernel's own limits (classroom/limits.env) apply under any spawner.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSROOM = os.path.dirname(HERE)
sys.path.insert(0, CLASSROOM)
import limits  # noqa: E402

STATE = os.environ.get("CNNBOOK_HUB_STATE", os.path.join(CLASSROOM, "..", "build", "classroom"))
STATE = os.path.abspath(STATE)
SERIES = os.environ.get("CNNBOOK_SERIES", os.path.join(STATE, "series"))
EXCHANGE = os.environ.get("CNNBOOK_EXCHANGE") or os.path.join(STATE, "exchange")
TEACHER = os.environ.get("CNNBOOK_TEACHER", "teacher")
VENV_BIN = os.path.dirname(sys.executable)
values = limits.limits()

c = get_config()  # noqa: F821 (JupyterHub provides it)

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ.get('CNNBOOK_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("CNNBOOK_HUB_API_PORT", "8081"))
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(STATE, "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [os.path.join(CLASSROOM, "proxy", "node_modules", ".bin", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('CNNBOOK_PROXY_API_PORT', '8001')}"

# 1. demo login: any name, one shared password; the teacher is an admin
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("CNNBOOK_HUB_PASSWORD", "change-me")
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {TEACHER}

# 3. demo spawner: each student's server is a local process in STATE/homes/<name>, with JupyterLab
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(STATE, "homes", "{username}")
c.Spawner.cmd = [os.path.join(VENV_BIN, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/README.md"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.mem_limit = os.environ.get("CNNBOOK_SERVER_MEM_LIMIT", "4G")  # enforced by Systemd/Docker/Kube spawners
# the class's java kernel (with the limits of limits.env) is found through JUPYTER_PATH by every student's server
c.Spawner.environment = {
    "JUPYTER_PATH": os.path.join(STATE, "share", "jupyter"),
    "CNNBOOK_LIB": os.path.join(STATE, "shared", "lib"),
    "MNIST_DIR": os.path.join(STATE, "shared", "mnist"),
    # what every student's server gets: its kernel manager (Spawner.args) and nbgrader's settings
    "PYTHONPATH": os.path.join(CLASSROOM, "student_server"),
    "JUPYTER_CONFIG_PATH": os.path.join(CLASSROOM, "student_server"),
    "CNNBOOK_EXCHANGE": EXCHANGE,  # where the teacher's nbgrader releases and collects
    "CNNBOOK_TEACHER": TEACHER,  # nbgrader names submissions after the login, except the teacher's
    **{key: value for key, value in os.environ.items() if key in ("DATASET_LIMIT", "MAX_EPOCH")},
}
# a server stops its idle kernels; the culler below stops idle servers
c.Spawner.args = [f"--MappingKernelManager.cull_idle_timeout={values['CNNBOOK_KERNEL_IDLE_SECONDS']}",
                  "--MappingKernelManager.cull_interval=300",
                  # a JVM kernel starting while the whole class starts theirs can take over a minute to answer
                  "--MappingKernelManager.kernel_info_timeout=180",
                  # When the whole class starts kernels at once, another program sometimes takes a port Jupyter chose
                  # before the kernel's JVM binds it; the kernel then exits and Jupyter restarts it. jupyter_client 8
                  # caches a kernel's ports and restarts it on the same ones (five times, then "dead"); without the
                  # cache each restart gets new ports, as long as the kernel counts as starting: 10 s by default,
                  # less than a JVM may need under a class's load (classroom/tests/test_kernel_ports.py)
                  "--KernelManager.cache_ports=False",
                  "--KernelRestarter.stable_start_time=180",
                  # and watches such a kernel's status on its new ports (jupyter_server would keep the old ones)
                  "--MappingKernelManager.kernel_manager_class=cnnbook_kernel_manager.ClassKernelManager",
                  "--ServerApp.terminals_enabled=False"]
if os.geteuid() == 0:  # the demo spawner runs servers as the hub's user; a real spawner never as root
    c.Spawner.args.append("--allow-root")
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 0}  # the REST API answers 202 at once; clients poll "ready"


def give_the_series(spawner):
    """Copies the series into a student's home: all of it the first time, later only what the student deleted
    (their own copies stay as they are)."""
    home = spawner.home_dir if hasattr(spawner, "home_dir") else os.path.join(STATE, "homes", spawner.user.name)
    os.makedirs(home, exist_ok=True)
    for name in sorted(os.listdir(SERIES)):
        target = os.path.join(home, name)
        if not os.path.exists(target):
            shutil.copy(os.path.join(SERIES, name), target)


c.Spawner.pre_spawn_hook = give_the_series

c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={values['CNNBOOK_SERVER_IDLE_SECONDS']}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
if os.environ.get("CNNBOOK_HUB_ADMIN_TOKEN"):  # the load test's (and a teacher's scripts') access to the REST API
    c.JupyterHub.services.append({"name": "classroom-admin", "api_token": os.environ["CNNBOOK_HUB_ADMIN_TOKEN"]})
    c.JupyterHub.load_roles.append({"name": "classroom-admin", "scopes": ["admin:users", "admin:servers", "tokens", "read:hub", "read:services",
                                                                        "access:servers", "list:users"],
                                    "services": ["classroom-admin"]})
