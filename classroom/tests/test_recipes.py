"""The recipes beside the tested class: the image (built and run for real by test_containers.py) installs the same
pins as make setup and holds nothing of the teacher's; Zero to JupyterHub's config (no Kubernetes here) gives every
pod the same limits and server settings as the class on one machine."""
import os
import re

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

import image
import limits

CLASSROOM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(CLASSROOM)


def dockerfile():
    return open(os.path.join(CLASSROOM, "Dockerfile"), encoding="utf-8").read()


def gib(value):
    number, unit = re.fullmatch(r"([\d.]+)\s*([kmgKMG]?)i?[bB]?", value.strip()).groups()
    return float(number) * {"": 1 / 2**30, "k": 1 / 2**20, "m": 1 / 2**10, "g": 1}[unit.lower()]


def class_config(monkeypatch, state, teacher_password="a teacher's password"):
    """The hub's config for the class in containers as make classroom loads it on a fresh machine (no hub database
    yet, so the teacher's password is required, as classroom/start-hub.sh sets it; None: not set)."""
    monkeypatch.setenv("CNNBOOK_HUB_STATE", str(state))
    if teacher_password is None:
        monkeypatch.delenv("CNNBOOK_TEACHER_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("CNNBOOK_TEACHER_PASSWORD", teacher_password)
    monkeypatch.delenv("CNNBOOK_CLASSROOM_MODE", raising=False)
    return PyFileConfigLoader("jupyterhub_config.py", path=os.path.join(CLASSROOM, "hub")).load_config()


def env_lines():
    return dict(re.findall(r"^\s*(?:ENV\s+)?([A-Z_]+)=(\S+)", dockerfile(), re.M))


def test_the_image_installs_make_setups_pins_and_holds_nothing_of_the_teachers():
    runs = " ".join(line for line in dockerfile().splitlines() if line.startswith(("RUN ", " &&", "      ")))
    assert "--require-hashes -r /tmp/requirements.lock" in runs
    assert image.LOCK == os.path.join(ROOT, "environment", "requirements.lock")
    copied = re.findall(r"^COPY (\S+)", dockerfile(), re.M)
    assert not any("teacher" in name or "solutions" in name or "course" in name for name in copied), copied
    assert not any("teacher" in part for part in os.listdir(os.path.join(ROOT, "notebooks")) if part.endswith(".jsh"))


def test_the_image_points_kernels_at_lib_and_mnist_where_it_puts_them():
    env = env_lines()
    assert env["CNNBOOK_LIB"] == image.IN_IMAGE["lib"] and env["MNIST_DIR"] == image.IN_IMAGE["mnist"]
    assert re.search(rf"^COPY lib {re.escape(image.IN_IMAGE['lib'])}$", dockerfile(), re.M)
    assert re.search(rf"^COPY mnist {re.escape(image.IN_IMAGE['mnist'])}$", dockerfile(), re.M)
    assert f"cachedir={image.IN_IMAGE['javacpp']}" in dockerfile()


def test_the_image_gives_student_servers_the_hubs_kernel_manager_and_nbgrader_settings(monkeypatch, tmp_path):
    hub = class_config(monkeypatch, tmp_path)
    manager = next(arg.split("=", 1)[1] for arg in hub.Spawner.args
                   if arg.startswith("--MappingKernelManager.kernel_manager_class="))
    assert os.path.exists(os.path.join(CLASSROOM, "student_server", manager.split(".")[0] + ".py")), manager
    assert os.path.exists(os.path.join(CLASSROOM, "student_server", "nbgrader_config.py"))
    env = env_lines()
    assert env["PYTHONPATH"] == env["JUPYTER_CONFIG_PATH"] == "/opt/cnnbook/student_server"
    assert re.search(r"^COPY student_server /opt/cnnbook/student_server$", dockerfile(), re.M)


def test_the_z2jh_limits_fit_the_kernels_limits():
    config = yaml.safe_load(open(os.path.join(CLASSROOM, "z2jh", "config.yaml")))
    values = limits.limits(limits.LIMITS_FILE)
    single = config["singleuser"]
    assert gib(single["memory"]["limit"]) >= gib(values["CNNBOOK_PHYSICAL"]) + 0.25, \
        "the pod must hold one kernel at its JavaCPP limit plus the server"
    assert single["extraEnv"]["OMP_NUM_THREADS"] == values["CNNBOOK_THREADS"]
    assert config["cull"]["timeout"] == int(values["CNNBOOK_SERVER_IDLE_SECONDS"])
    assert env_lines()["CNNBOOK_SERIES"] in " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    exchange = single["extraEnv"]["CNNBOOK_EXCHANGE"]
    assert exchange in [mount["mountPath"] for mount in single["storage"]["extraVolumeMounts"]], \
        "the exchange must be a volume every student's pod shares"


def test_the_z2jh_student_servers_get_the_same_settings_as_on_one_machine(monkeypatch, tmp_path):
    for key in limits.limits():  # limits.env as written, not as this shell overrides it
        monkeypatch.delenv(key, raising=False)
    hub = class_config(monkeypatch, tmp_path)
    on_one_machine = hub.Spawner.args  # the class in containers (make classroom)
    config = yaml.safe_load(open(os.path.join(CLASSROOM, "z2jh", "config.yaml")))
    assert config["hub"]["config"]["KubeSpawner"]["args"] == on_one_machine


def test_the_class_refuses_a_first_start_without_the_teachers_password(monkeypatch, tmp_path):
    with pytest.raises(SystemExit) as refusal:
        class_config(monkeypatch, tmp_path, teacher_password=None)
    assert "CNNBOOK_TEACHER_PASSWORD is not set" in str(refusal.value) and "make classroom" in str(refusal.value)
