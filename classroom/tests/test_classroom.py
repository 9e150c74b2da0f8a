"""The classroom on one machine: JupyterHub (from the venv) with configurable-http-proxy (npm, pinned) on
127.0.0.1, JupyterLab for every student, the class's java kernel with its limits visible to every student's
server, the series in each new home (and a deleted notebook back on the next start), the idle culler running;
in the demo mode (make classroom-demo: local processes); the class in containers, with its load test, is
test_containers.py."""
import os
import subprocess
import sys
import urllib.request

import pytest
from traitlets.config.loader import PyFileConfigLoader

import course
import hub as hubs
import loadtest
from hub import start_server, stop_server, user_api

pytest.importorskip("jupyterhub", reason="JupyterHub is not installed (make setup puts it into .venv)")

ASSIGNMENT = "01-loading-mnist"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    running = hubs.Hub(str(tmp_path_factory.mktemp("classroom")), {"DATASET_LIMIT": "2000", "MAX_EPOCH": "1"})
    yield running
    running.stop()


def test_a_student_gets_the_series_jupyterlab_and_the_class_kernel_with_its_limits(hub):
    token = start_server(hub, "ann")
    home = os.path.join(hub.state, "homes", "ann")
    assert sorted(n for n in os.listdir(home) if n.endswith(".ipynb"))[:2] == ["00-java-in-jupyter.ipynb",
                                                                             "01-loading-mnist.ipynb"]
    specs = user_api(hub, "ann", token, "api/kernelspecs")["kernelspecs"]
    assert "java" in specs, specs.keys()
    env = specs["java"]["spec"]["env"]
    assert env["OMP_NUM_THREADS"] == "1" and "-Dorg.bytedeco.javacpp.maxbytes=" in env["IJAVA_JVM_OPTS"], env
    assert "-Xmx" in env["IJAVA_JVM_OPTS"] and "G1PeriodicGCInterval" in env["IJAVA_JVM_OPTS"]
    assert env["CNNBOOK_LIB"].startswith(hub.state) and env["MNIST_DIR"].startswith(hub.state)
    status = user_api(hub, "ann", token, "api/status")
    assert status is not None
    with urllib.request.urlopen(urllib.request.Request(f"{hub.url}/user/ann/lab",
                                                       headers={"Authorization": f"token {token}"}), timeout=60) as page:
        assert b"JupyterLab" in page.read()


def test_a_deleted_notebook_comes_back_and_a_students_own_work_stays(hub):
    home = os.path.join(hub.state, "homes", "ann")
    os.remove(os.path.join(home, "02-normalizing.ipynb"))
    with open(os.path.join(home, "01-loading-mnist.ipynb"), "a") as f:
        f.write("\n")  # the student's own changes
    mine = open(os.path.join(home, "01-loading-mnist.ipynb")).read()
    stop_server(hub, "ann")
    start_server(hub, "ann")
    assert os.path.exists(os.path.join(home, "02-normalizing.ipynb"))
    assert open(os.path.join(home, "01-loading-mnist.ipynb")).read() == mine
    stop_server(hub, "ann")


def test_the_idle_culler_runs_beside_the_hub(hub):
    culler = hub.api("GET", "/services/idle-culler")
    assert culler.get("pid"), culler
    assert os.path.exists(f"/proc/{culler['pid']}")


def test_students_fetch_and_submit_in_jupyterlab_and_the_teacher_collects_each_ones_work(hub, tmp_path):
    """nbgrader's round through the hub: the teacher releases, two students fetch and submit through their servers'
    Assignments API (what JupyterLab's Assignments tab calls), the teacher collects a submission per student."""
    out = str(tmp_path / "course")
    assert course.build(out, only=["01"]) == [ASSIGNMENT]
    teacher = course.nbgrader_env({"CNNBOOK_EXCHANGE": os.path.join(hub.state, "exchange")})

    def nbgrader(*args):
        run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=out, env=teacher, capture_output=True,
                             text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr

    nbgrader("release_assignment", ASSIGNMENT)
    for student in ("bea", "cal"):
        token = start_server(hub, student)
        listed = user_api(hub, student, token, "assignments?course_id=cnnbook")
        assert [a["assignment_id"] for a in listed["value"] if a["status"] == "released"] == [ASSIGNMENT], listed
        user_api(hub, student, token, "assignments/fetch", {"course_id": "cnnbook", "assignment_id": ASSIGNMENT})
        fetched = os.path.join(hub.state, "homes", student, ASSIGNMENT, ASSIGNMENT + ".ipynb")
        assert "// YOUR CODE HERE" in open(fetched).read()
        answer = user_api(hub, student, token, "assignments/submit", {"course_id": "cnnbook",
                                                                      "assignment_id": ASSIGNMENT})
        assert answer.get("success", True), answer
        stop_server(hub, student)
    nbgrader("collect", ASSIGNMENT)
    for student in ("bea", "cal"):
        assert os.path.exists(os.path.join(out, "submitted", student, ASSIGNMENT, ASSIGNMENT + ".ipynb")), \
            os.listdir(os.path.join(out, "submitted"))


def test_the_teachers_server_collects_everyones_work_and_a_students_submits_under_their_login(monkeypatch):
    config_dir = os.path.join(loadtest.HERE, "student_server")
    for login, expected in (("bea", "bea"), ("teacher", None)):
        monkeypatch.setenv("JUPYTERHUB_USER", login)
        monkeypatch.setenv("CNNBOOK_TEACHER", "teacher")
        config = PyFileConfigLoader("nbgrader_config.py", path=config_dir).load_config()
        assert config.CourseDirectory.get("student_id") == expected, (login, config.CourseDirectory)
