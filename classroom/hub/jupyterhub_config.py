"""JupyterHub for a class on one machine (make classroom; the tests start it the same way), on 127.0.0.1.

CNNBOOK_CLASSROOM_MODE picks one of two setups:
  containers (make classroom, the default): students sign up with a password of their own and the teacher approves
     them (NativeAuthenticator; the teacher's account is made at the first start); each student's server runs in a
     container of its own (DockerSpawner, the image classroom/Dockerfile builds: classroom/image.py), under a uid of
     its own, with the memory, CPU and process limits of classroom/limits.env enforced by the kernel, and sees only
     its home and nbgrader's exchange.
  demo (make classroom-demo, one person's laptop): any name with one shared password, every server a local process
     of the hub's own Unix user. Nothing keeps students apart: not for a class.
For a class on the internet, put the hub behind your HTTPS reverse proxy (or set c.JupyterHub.ssl_cert / ssl_key)
and bind a public address (c.JupyterHub.bind_url) only then; your school's login (oauthenticator, ltiauthenticator,
ldapauthenticator) can replace NativeAuthenticator.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSROOM = os.path.dirname(HERE)
sys.path.insert(0, CLASSROOM)
sys.path.insert(0, HERE)
import limits  # noqa: E402

STATE = os.environ.get("CNNBOOK_HUB_STATE", os.path.join(CLASSROOM, "..", "build", "classroom"))
STATE = os.path.abspath(STATE)
SERIES = os.environ.get("CNNBOOK_SERIES", os.path.join(STATE, "series"))
EXCHANGE = os.environ.get("CNNBOOK_EXCHANGE") or os.path.join(STATE, "exchange")
TEACHER = os.environ.get("CNNBOOK_TEACHER", "teacher")
MODE = os.environ.get("CNNBOOK_CLASSROOM_MODE", "containers")
if MODE not in ("containers", "demo"):
    raise SystemExit(f"CNNBOOK_CLASSROOM_MODE={MODE!r}: use containers (a class) or demo (one person's laptop)")
VENV_BIN = os.path.dirname(sys.executable)
values = limits.limits()

c = get_config()  # noqa: F821 (JupyterHub provides it)

# 127.0.0.1 unless CNNBOOK_HUB_BIND_URL names another address: only behind HTTPS (docs/teaching.md)
c.JupyterHub.bind_url = os.environ.get("CNNBOOK_HUB_BIND_URL") or \
    f"http://127.0.0.1:{os.environ.get('CNNBOOK_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("CNNBOOK_HUB_API_PORT", "8081"))
c.JupyterHub.db_url = "sqlite:///" + os.path.join(STATE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(STATE, "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [os.path.join(CLASSROOM, "proxy", "node_modules", ".bin", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = os.path.join(STATE, "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('CNNBOOK_PROXY_API_PORT', '8001')}"

c.Authenticator.admin_users = {TEACHER}
c.Spawner.default_url = "/lab/tree/README.md"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
passed_on = {key: value for key, value in os.environ.items() if key in ("DATASET_LIMIT", "MAX_EPOCH")}
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
                  "--MappingKernelManager.kernel_manager_class=cnnbook_kernel_manager.ClassKernelManager"]
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 0}  # the REST API answers 202 at once; clients poll "ready"

if MODE == "containers":
    import class_login  # noqa: E402
    import class_spawner  # noqa: E402

    c.JupyterHub.authenticator_class = class_login.ClassAuthenticator
    c.ClassAuthenticator.teacher = TEACHER
    c.ClassAuthenticator.teacher_password = os.environ.get("CNNBOOK_TEACHER_PASSWORD", "")
    if not c.ClassAuthenticator.teacher_password and not os.path.exists(os.path.join(STATE, "jupyterhub.sqlite")):
        # without the teacher's account made now, whoever signs up first as the teacher would be the class's admin
        raise SystemExit("[classroom] CNNBOOK_TEACHER_PASSWORD is not set: the hub's first start makes the teacher's "
                         "account with it (classroom/start-hub.sh sets it: run make classroom)")
    c.ClassAuthenticator.enable_signup = True
    c.ClassAuthenticator.open_signup = False  # the teacher approves each student at /hub/authorize
    c.ClassAuthenticator.minimum_password_length = 8
    c.ClassAuthenticator.check_common_password = True
    c.ClassAuthenticator.allowed_failed_logins = 5  # then a pause of seconds_before_next_try
    c.Authenticator.allow_all = True  # every account NativeAuthenticator lets in: the approved ones and the teacher

    c.JupyterHub.spawner_class = class_spawner.ClassSpawner
    c.ClassSpawner.image = os.environ.get("CNNBOOK_IMAGE", "cnnbook-classroom:latest")
    c.ClassSpawner.pull_policy = "never"  # built here by classroom/image.py
    c.ClassSpawner.network_name = "host"  # no bridge: each server on its own port of 127.0.0.1
    c.ClassSpawner.use_internal_ip = True  # no port publishing (host network)
    c.ClassSpawner.ip = "127.0.0.1"
    c.ClassSpawner.remove = True  # a stopped server's container goes; the home stays
    c.ClassSpawner.name_template = "cnnbook-{prefix}-{username}"
    c.ClassSpawner.prefix = os.environ.get("CNNBOOK_CONTAINER_PREFIX", "class")
    c.ClassSpawner.cmd = ["jupyterhub-singleuser"]
    c.ClassSpawner.notebook_dir = class_spawner.HOME
    c.ClassSpawner.homes = os.path.join(STATE, "homes")
    c.ClassSpawner.series = SERIES
    c.ClassSpawner.exchange = EXCHANGE
    c.ClassSpawner.teacher = TEACHER
    c.ClassSpawner.course = os.environ.get("CNNBOOK_COURSE", os.path.join(CLASSROOM, "..", "build", "course"))
    c.ClassSpawner.mem_limit = values["CNNBOOK_SERVER_MEMORY"]
    c.ClassSpawner.cpu_limit = float(values["CNNBOOK_SERVER_CPUS"])
    c.ClassSpawner.pids_limit = int(values["CNNBOOK_SERVER_PROCESSES"])
    # the kernel, lib, MNIST, the kernel manager and nbgrader's settings are in the image
    c.Spawner.environment = {"CNNBOOK_EXCHANGE": class_spawner.EXCHANGE, "CNNBOOK_TEACHER": TEACHER, **passed_on}
else:
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ.get("CNNBOOK_HUB_PASSWORD", "change-me")
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(STATE, "homes", "{username}")
    c.Spawner.cmd = [os.path.join(VENV_BIN, "jupyterhub-singleuser")]
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
        **passed_on,
    }
    c.Spawner.args.append("--ServerApp.terminals_enabled=False")  # a terminal would be the hub's own user's
    if os.geteuid() == 0:  # the demo spawner runs servers as the hub's user
        c.Spawner.args.append("--allow-root")

    import class_spawner  # noqa: E402 (DockerSpawner is installed by make setup in both modes)

    c.Spawner.pre_spawn_hook = lambda spawner: class_spawner.copy_missing_series(SERIES, spawner.home_dir)

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
