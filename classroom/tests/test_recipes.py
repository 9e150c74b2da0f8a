"""The recipes for classes beyond one machine cannot be built here (no container engine, no Kubernetes); these
checks keep them honest: the image installs with the same scripts as a laptop, the files it names exist, and the
z2jh limits fit the kernel's limits in classroom/limits.env."""
import os
import re

import yaml
from traitlets.config.loader import PyFileConfigLoader

import limits

CLASSROOM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(CLASSROOM)


def dockerfile():
    return open(os.path.join(CLASSROOM, "Dockerfile"), encoding="utf-8").read()


def gib(value):
    number, unit = re.fullmatch(r"([\d.]+)\s*([kmgKMG]?)i?[bB]?", value.strip()).groups()
    return float(number) * {"": 1 / 2**30, "k": 1 / 2**20, "m": 1 / 2**10, "g": 1}[unit.lower()]


def test_the_image_installs_with_make_setup_and_the_classrooms_own_preparation():
    runs = [line[4:] for line in dockerfile().splitlines() if line.startswith("RUN ")]
    assert "make setup" in runs
    assert any("classroom/prepare.py" in run for run in runs)
    for path in ("environment/setup-python.sh", "classroom/prepare.py", "Makefile"):
        assert os.path.exists(os.path.join(ROOT, path))
    makefile = open(os.path.join(ROOT, "Makefile")).read()
    assert re.search(r"^setup: jupyter kernel lib data$", makefile, re.M), "make setup still does everything"


def test_the_image_points_kernels_at_what_prepare_makes():
    text = dockerfile()
    state = re.search(r"prepare\.py --state (\S+)", text).group(1)
    for variable, inside in (("JUPYTER_PATH", "share/jupyter"), ("CNNBOOK_LIB", "shared/lib"),
                             ("MNIST_DIR", "shared/mnist")):
        assert re.search(rf"{variable}={re.escape(state)}/{inside}\b", text), variable


def test_the_image_gives_student_servers_the_hubs_kernel_manager_and_nbgrader_settings():
    hub = PyFileConfigLoader("jupyterhub_config.py", path=os.path.join(CLASSROOM, "hub")).load_config()
    module_dir = os.path.relpath(hub.Spawner.environment["PYTHONPATH"], ROOT)
    manager = next(arg.split("=", 1)[1] for arg in hub.Spawner.args
                   if arg.startswith("--MappingKernelManager.kernel_manager_class="))
    assert os.path.exists(os.path.join(ROOT, module_dir, manager.split(".")[0] + ".py")), manager
    assert re.search(rf"PYTHONPATH=/srv/cnnbook/{re.escape(module_dir)}\b", dockerfile())
    config_dir = os.path.relpath(hub.Spawner.environment["JUPYTER_CONFIG_PATH"], ROOT)
    assert os.path.exists(os.path.join(ROOT, config_dir, "nbgrader_config.py"))
    assert re.search(rf"JUPYTER_CONFIG_PATH=/srv/cnnbook/{re.escape(config_dir)}\b", dockerfile())


def test_the_z2jh_limits_fit_the_kernels_limits():
    config = yaml.safe_load(open(os.path.join(CLASSROOM, "z2jh", "config.yaml")))
    values = limits.limits(limits.LIMITS_FILE)
    single = config["singleuser"]
    assert gib(single["memory"]["limit"]) >= gib(values["CNNBOOK_PHYSICAL"]) + 0.25, \
        "the pod must hold one kernel at its JavaCPP limit plus the server"
    assert single["extraEnv"]["OMP_NUM_THREADS"] == values["CNNBOOK_THREADS"]
    assert config["cull"]["timeout"] == int(values["CNNBOOK_SERVER_IDLE_SECONDS"])
    assert "series" in " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    exchange = single["extraEnv"]["CNNBOOK_EXCHANGE"]
    assert exchange in [mount["mountPath"] for mount in single["storage"]["extraVolumeMounts"]], \
        "the exchange must be a volume every student's pod shares"


def test_the_z2jh_student_servers_get_the_same_settings_as_on_one_machine(monkeypatch):
    for key in limits.limits():  # limits.env as written, not as this shell overrides it
        monkeypatch.delenv(key, raising=False)
    hub = PyFileConfigLoader("jupyterhub_config.py", path=os.path.join(CLASSROOM, "hub")).load_config()
    on_one_machine = [arg for arg in hub.Spawner.args if arg != "--allow-root"]
    config = yaml.safe_load(open(os.path.join(CLASSROOM, "z2jh", "config.yaml")))
    assert config["hub"]["config"]["KubeSpawner"]["args"] == on_one_machine
