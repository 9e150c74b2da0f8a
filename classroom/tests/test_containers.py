"""The class as make classroom starts it: a real hub, one real container per student from the image classroom/image.py
builds, NativeAuthenticator. Students sign up and only an approved one logs in; each server runs under a uid of its
own with no capabilities, on 127.0.0.1, with the kernel's cgroup limits. Then student A attacks, from a Java cell
and from a terminal: B's home, the hub's database and cookie secret, the solutions and the course, B's processes,
B's server without B's token, loopback traffic (a raw socket), memory beyond the limit, a fork bomb. All refused or
contained, while B's kernel goes on computing. Last, nbgrader across containers: release, fetch, submit, collect,
feedback, and A cannot list or read B's submission."""
import asyncio
import base64
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

import autograde
import course
import docker_engine
import hub as hubs
import image
import limits
import loadtest
import nbformat
import run_series  # noqa: E402 (on the path through loadtest)
from hub import start_server, stop_server, user_api
from student_session import run_in_terminal, run_java, server_url

pytest.importorskip("dockerspawner", reason="DockerSpawner is not installed (make setup puts it into .venv)")

ROOT = course.ROOT
ASSIGNMENT = "01-loading-mnist"
STUDENTS = int(os.environ.get("CNNBOOK_LOAD_STUDENTS", "0"))
REPORT = os.path.join(ROOT, "build", "classroom", "load-report.json")
SOLUTIONS = os.path.join(ROOT, "notebooks", "teacher", "solutions.json")


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    docker_engine.ensure_running()
    image.build()
    state = str(tmp_path_factory.mktemp("class"))
    prefix = "test" + os.urandom(3).hex()
    running = hubs.Hub(state, {"DATASET_LIMIT": "2000", "MAX_EPOCH": "1", "CNNBOOK_CONTAINER_PREFIX": prefix,
                               "CNNBOOK_COURSE": os.path.join(state, "course")}, mode="containers")
    running.prefix = prefix
    yield running
    running.stop()
    leftover = subprocess.run(["docker", "ps", "-aq", "--filter", f"name=cnnbook-{prefix}-"], capture_output=True,
                              text=True).stdout.split()
    if leftover:
        subprocess.run(["docker", "rm", "-f", *leftover], capture_output=True)


@pytest.fixture(scope="module")
def students(hub):
    return {name: start_server(hub, name) for name in ("ann", "ben")}


def container(hub, name):
    found = json.loads(subprocess.run(["docker", "inspect", f"cnnbook-{hub.prefix}-{name}"], capture_output=True,
                                      text=True, check=True).stdout)
    return found[0]


class Browser:
    """A person at the hub's pages: cookies, and the _xsrf field JupyterHub's forms require."""

    def __init__(self, hub):
        self.hub = hub
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.hub.url + path, timeout=60) as page:
            return page.geturl(), page.read().decode()

    def post(self, path, fields):
        self.get(path)  # the form's page sets the _xsrf cookie
        xsrf = next((c.value for c in self.jar if c.name == "_xsrf"), "")
        body = urllib.parse.urlencode({**fields, "_xsrf": xsrf}).encode()
        try:
            with self.opener.open(urllib.request.Request(self.hub.url + path, data=body), timeout=120) as page:
                return page.geturl(), page.read().decode()
        except urllib.error.HTTPError as error:
            return error.url, f"HTTP {error.code} " + error.read().decode()


def test_students_sign_up_and_log_in_only_once_the_teacher_approved_them(hub):
    dana = Browser(hub)
    password = "dana-" + os.urandom(6).hex()
    url, page = dana.post("/hub/signup", {"username": "dana", "signup_password": password,
                                           "signup_password_confirmation": password})
    assert "sent to the admin" in page, page[-3000:]
    url, page = dana.post("/hub/login", {"username": "dana", "password": password})
    assert "/hub/login" in url and "not been authorized" in page, (url, page[:2000])

    impostor = Browser(hub)
    url, page = impostor.post("/hub/signup", {"username": "teacher", "signup_password": password,
                                               "signup_password_confirmation": password})
    assert "already in use" in page, page[-3000:]
    url, page = impostor.post("/hub/login", {"username": "teacher", "password": password})
    assert "/hub/login" in url, "the teacher's account is the teacher's: a sign-up under that name must not log in"
    url, page = impostor.post("/hub/login", {"username": "someone", "password": hub.env["CNNBOOK_HUB_PASSWORD"]})
    assert "/hub/login" in url, "the demo mode's shared password must not work in a class"

    teacher = Browser(hub)
    url, page = teacher.post("/hub/login", {"username": "teacher", "password": hub.teacher_password})
    assert "/hub/login" not in url, page[:2000]
    url, page = teacher.get("/hub/authorize/dana")
    url, page = dana.post("/hub/login", {"username": "dana", "password": password})
    assert "/hub/login" not in url, (url, page[:2000])
    url, page = dana.post("/hub/login", {"username": "dana", "password": "wrong-" + password})
    assert "/hub/login" in url
    for name in ("dana", "teacher"):  # a login starts the user's server
        stop_if_running(hub, name)


def stop_if_running(hub, name):
    deadline = time.monotonic() + 180
    while hub.api("GET", f"/users/{name}")["servers"].get("", {}).get("pending") == "spawn":
        assert time.monotonic() < deadline
        time.sleep(1)
    if hub.api("GET", f"/users/{name}")["servers"]:
        stop_server(hub, name)


def test_each_server_is_a_container_of_its_own_without_privileges_and_with_the_class_limits(hub, students):
    values = limits.limits()
    uids = set()
    for name in students:
        box = container(hub, name)
        config, host = box["Config"], box["HostConfig"]
        uid = config["User"].split(":")[0]
        assert uid.isdigit() and int(uid) >= 20000, config["User"]
        uids.add(uid)
        assert host["CapDrop"] == ["ALL"] and not host.get("CapAdd"), host
        assert "no-new-privileges" in host["SecurityOpt"]
        assert host["NetworkMode"] == "host" and host["ReadonlyRootfs"] is True
        assert host["Memory"] == int(values["CNNBOOK_SERVER_MEMORY"][:-1]) * 2**20 == host["MemorySwap"]
        assert host["PidsLimit"] == int(values["CNNBOOK_SERVER_PROCESSES"])
        assert host["NanoCpus"] or host["CpuQuota"], host
        sources = sorted(m["Source"] for m in box["Mounts"])
        assert sources == sorted([os.path.join(hub.state, "homes", name), os.path.join(hub.state, "exchange")]), \
            "a student's container sees their home and nbgrader's exchange, nothing else of the host"
        assert config["Image"] == image.TAG
        port = _port_of(hub, name)
        assert listening_addresses(port) == {"127.0.0.1"}, (name, port, listening_addresses(port))
    assert len(uids) == 2, "each student runs under a uid of their own"


def listening_addresses(port):
    """The addresses sockets listen on at `port` (the host's network, which the containers share)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in open(table).readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add("127.0.0.1" if address == "0100007F" else address)
    return found


def test_a_java_cell_cannot_read_another_students_home_the_hubs_secrets_or_the_answers(hub, students):
    targets = [os.path.join(hub.state, "homes", "ben", "01-loading-mnist.ipynb"),
               os.path.join(hub.state, "jupyterhub.sqlite"), os.path.join(hub.state, "jupyterhub_cookie_secret"),
               SOLUTIONS, os.path.join(ROOT, "classroom", "hub", "jupyterhub_config.py"), "/home/ben"]
    for path in targets:
        assert os.path.exists(path) or path == "/home/ben", path  # each is there on the host
    code = "for (String p : new String[] {%s}) {\n" \
           "  try { System.out.println(\"READ \" + p + \" \" + java.nio.file.Files.readAllBytes(java.nio.file.Path.of(p)).length); }\n" \
           "  catch (Exception e) { System.out.println(\"REFUSED \" + p + \" \" + e.getClass().getSimpleName()); }\n" \
           "}" % ", ".join(json.dumps(p) for p in targets)
    home = "System.out.println(\"OWN \" + java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty(\"user.home\"))).count());"
    own, attack = run_java(server_url(hub.url, "ann"), students["ann"], home, code)
    assert own.error is None and re.search(r"OWN [1-9]", own.stdout), own.text
    assert attack.error is None, attack.text
    assert attack.stdout.count("REFUSED") == len(targets) and "READ" not in attack.stdout, attack.stdout


def test_a_terminal_cannot_signal_other_processes_sniff_loopback_or_reach_another_server(hub, students):
    ben_jupyter = [pid for pid in os.listdir("/proc") if pid.isdigit() and _is_server_of(pid, container(hub, "ben"))]
    assert ben_jupyter, "ben's server process is visible on the host"
    out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"],
                                  f"kill -0 {ben_jupyter[0]} 2>&1; ps -e --no-headers | wc -l; id -u")
    assert "No such process" in out, out
    ben_port = _port_of(hub, "ben")
    script = ("import socket, urllib.request, urllib.error\n"
              "try:\n  socket.socket(socket.AF_PACKET, socket.SOCK_RAW); print('RAW OPEN')\n"
              "except PermissionError as e: print('RAW REFUSED', e)\n"
              "try:\n  socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP); print('RAW OPEN')\n"
              "except PermissionError as e: print('RAW REFUSED', e)\n"
              f"r = urllib.request.Request('http://127.0.0.1:{ben_port}/user/ben/api/contents')\n"
              "try:\n  urllib.request.urlopen(r, timeout=20); print('BEN OPEN')\n"
              "except urllib.error.HTTPError as e: print('BEN REFUSED', e.code)\n")
    out, status = python_in_terminal(hub, "ann", students["ann"], script)
    assert out.count("RAW REFUSED") == 2 and "RAW OPEN" not in out, out
    assert re.search(r"BEN REFUSED 40[13]", out) and "BEN OPEN" not in out, out
    out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"], "ls /srv/nbgrader/exchange/ /home; getpcaps $$ 2>&1 "
                                  "| tail -1; grep CapEff /proc/self/status")
    assert re.search(r"CapEff:\s+0+\b", out), out
    with pytest.raises(urllib.error.HTTPError) as refused:
        user_api(hub, "ben", students["ann"], "api/contents")  # ann's token on ben's server
    assert refused.value.code in (403, 404), refused.value


def test_a_link_left_in_place_of_a_notebook_does_not_make_the_hub_write_on_the_host(hub, students):
    bait = os.path.join(hub.state, "written-by-the-hub")
    out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"],
                                  f"rm 02-normalizing.ipynb && ln -s {bait} 02-normalizing.ipynb && ls -l 02-normalizing.ipynb")
    assert status == 0 and bait in out, out
    stop_server(hub, "ann")
    students["ann"] = start_server(hub, "ann")  # the hub gives back missing notebooks at each start, as root
    assert not os.path.lexists(bait), "the hub followed the student's link and wrote on the host"
    assert os.path.islink(os.path.join(hub.state, "homes", "ann", "02-normalizing.ipynb"))


def test_a_runaway_allocation_and_a_fork_bomb_stop_at_the_students_limits_while_others_work_on(hub, students):
    ben_result = {}

    def ben_trains():
        ben_result["cells"] = run_java(server_url(hub.url, "ben"), students["ben"], "%load prelude.jsh",
                                       "long s = 0; for (int i = 0; i < 40; i++) {"
                                       " var a = org.nd4j.linalg.factory.Nd4j.rand(400, 400); s += a.mmul(a).length();"
                                       " Thread.sleep(200); } System.out.println(\"BEN DONE \" + s);", timeout=600)

    ben = threading.Thread(target=ben_trains)
    ben.start()
    oom = run_java(server_url(hub.url, "ann"), students["ann"], "var hog = new java.util.ArrayList<long[]>();"
                   " while (true) hog.add(new long[16 * 1024 * 1024]);")[0]
    assert oom.error and "Java heap space" in oom.error[1], oom.text  # the JVM's own limit, told to the student
    out, status = python_in_terminal(hub, "ann", students["ann"], "b = bytearray(6 * 2**30)\nprint('ALLOC' + 'ATED')",
                                     timeout=300)
    assert "ALLOCATED" not in out and status == 137, (out, status)  # killed by the container's memory limit
    bomb = ("import os, time\nn = 0\ntry:\n  while True:\n    if os.fork() == 0:\n      time.sleep(20); os._exit(0)\n"
            "    n += 1\nexcept OSError as e:\n  print('FORKS STOPPED AT', n, e.strerror)\n")
    out, status = python_in_terminal(hub, "ann", students["ann"], bomb, timeout=300)
    forks = re.search(r"FORKS STOPPED AT (\d+)", out)
    assert forks and int(forks.group(1)) < int(limits.limits()["CNNBOOK_SERVER_PROCESSES"]), out
    ben.join(600)
    assert "BEN DONE" in ben_result["cells"][-1].stdout, [cell.text for cell in ben_result["cells"]]
    assert hub.api("GET", "/info")["version"]
    assert hub.api("GET", "/users/ann")["servers"][""]["ready"], "ann's server itself survives her own runaways"


def test_nbgrader_across_containers_keeps_each_submission_and_feedback_to_its_student(hub, students):
    course_dir = os.path.join(hub.state, "course")
    assert course.build(course_dir, only=["01"]) == [ASSIGNMENT]
    teacher_env = course.nbgrader_env({"CNNBOOK_EXCHANGE": os.path.join(hub.state, "exchange"),
                                       "CNNBOOK_LIB": os.path.join(ROOT, "lib", "target"), "DATASET_LIMIT": "2000",
                                       "MAX_EPOCH": "1"})

    def nbgrader(*args):
        run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=teacher_env,
                             capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stdout + run.stderr

    nbgrader("release_assignment", ASSIGNMENT)
    for name in students:
        user_api(hub, name, students[name], "assignments/fetch", {"course_id": "cnnbook", "assignment_id": ASSIGNMENT})
        answer = user_api(hub, name, students[name], "assignments/submit",
                          {"course_id": "cnnbook", "assignment_id": ASSIGNMENT})
        assert answer.get("success", True), answer
    inbound = os.path.join(hub.state, "exchange", "cnnbook", "inbound")
    bens = [n for n in os.listdir(inbound) if n.startswith("ben+")]
    assert bens, os.listdir(inbound)
    out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"],
                                  f"ls /srv/nbgrader/exchange/cnnbook/inbound 2>&1; "
                                  f"cat /srv/nbgrader/exchange/cnnbook/inbound/ben+{ASSIGNMENT}+*/*.ipynb 2>&1 | head -c 300")
    assert "Permission denied" in out and '"cells"' not in out, out  # not listed: the name has a random suffix
    assert re.fullmatch(rf"ben\+{ASSIGNMENT}\+[^+]+\+[A-Za-z0-9_-]{{12}}", bens[0]), bens[0]
    nbgrader("collect", ASSIGNMENT)
    graded = autograde.autograde(course_dir, ASSIGNMENT, capture=True)  # students' code runs in a container
    assert graded.returncode == 0, graded.stdout + graded.stderr
    for name in students:
        assert os.path.exists(os.path.join(course_dir, "autograded", name, ASSIGNMENT, ASSIGNMENT + ".ipynb"))
    assert "--network" in autograde.command(course_dir, ASSIGNMENT) and "none" in autograde.command(course_dir, ASSIGNMENT)
    nbgrader("generate_feedback", ASSIGNMENT)
    nbgrader("release_feedback", ASSIGNMENT)
    for name in students:
        user_api(hub, name, students[name], "assignments/fetch_feedback",
                 {"course_id": "cnnbook", "assignment_id": ASSIGNMENT})
    out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"],
                                  f"ls {ASSIGNMENT}/feedback/*/ 2>&1; ls /srv/nbgrader/exchange/cnnbook/feedback 2>&1")
    assert f"{ASSIGNMENT}.html" in out, out
    assert "Permission denied" in out, "ann finds her own feedback but cannot list everyone's: " + out


def test_the_teachers_server_alone_sees_the_course(hub, students):
    os.makedirs(os.path.join(hub.state, "course", "source"), exist_ok=True)
    with open(os.path.join(hub.state, "course", "source", "answers.txt"), "w") as f:
        f.write("the teacher's\n")
    stop_if_running(hub, "teacher")
    token = start_server(hub, "teacher")
    try:
        out, status = run_in_terminal(server_url(hub.url, "teacher"), token, "cat course/source/answers.txt")
        assert "the teacher's" in out and status == 0, out
        box = container(hub, "teacher")
        assert sorted(box["HostConfig"]["CapAdd"]) == ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER"] or \
            sorted(box["HostConfig"]["CapAdd"]) == ["CHOWN", "DAC_OVERRIDE", "FOWNER"], box["HostConfig"]["CapAdd"]
        on_host = os.path.join(hub.state, "course", "source", "answers.txt")
        out, status = run_in_terminal(server_url(hub.url, "ann"), students["ann"],
                                      f"ls course/source 2>&1; ls /home/jovyan/course 2>&1; cat {on_host} 2>&1")
        assert "the teacher's" not in out and out.count("No such file") == 3, out
    finally:
        stop_server(hub, "teacher")


def _is_server_of(pid, box):
    try:
        with open(f"/proc/{pid}/cgroup") as f:
            return box["Id"] in f.read() and "jupyterhub-singleuser" in open(f"/proc/{pid}/cmdline").read()
    except OSError:
        return False


def _port_of(hub, name):
    box = container(hub, name)
    env = dict(item.split("=", 1) for item in box["Config"]["Env"])
    return urllib.parse.urlparse(env["JUPYTERHUB_SERVICE_URL"]).port


def python_in_terminal(hub, student, token, script, timeout=120):
    """Runs a Python script from the student's terminal; sent base64-encoded, so that the terminal's echo of the
    command line does not contain what the script prints."""
    encoded = base64.b64encode(script.encode()).decode()
    return run_in_terminal(server_url(hub.url, student), token, f"echo {encoded} | base64 -d | python3", timeout=timeout)


def container_peaks(hub, names):
    """Each container's peak memory as its cgroup counted it (all its processes and page cache): what the sizing
    must hold per student, container overhead included."""
    peaks = []
    for name in names:
        try:
            box = container(hub, name)
        except subprocess.CalledProcessError:
            continue
        for path in (f"/sys/fs/cgroup/memory/docker/{box['Id']}/memory.max_usage_in_bytes",
                     f"/sys/fs/cgroup/system.slice/docker-{box['Id']}.scope/memory.peak"):
            if os.path.exists(path):
                peaks.append(int(open(path).read()) / 2**20)
                break
    return {"container_peak_mib": {"max": round(max(peaks, default=0)),
                                   "median": round(statistics.median(peaks)) if peaks else 0,
                                   "measured": len(peaks)}}


@pytest.mark.skipif(STUDENTS == 0, reason="CNNBOOK_LOAD_STUDENTS=0 leaves the load test out")
def test_a_class_in_containers_runs_notebooks_01_to_04_at_once(hub):
    result = asyncio.run(loadtest.load_test(hub.url, hub.token, STUDENTS,
                                            measure_servers=lambda names: container_peaks(hub, names)))
    result["cpu"] = loadtest.cpu_model()
    result["setup"] = "one container per student"
    log = open(hub.log_path, encoding="utf-8", errors="replace").read()
    result["kernels_restarted_on_new_ports"] = log.count("restarted on new ports")
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    with open(REPORT, "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result, indent=1))
    assert result["finished"] == STUDENTS, result["errors"][:10]
    assert result["errors"] == [] and result["http_errors"] == 0 and result["kernels_died"] == 0, result
    assert result["kernels"] >= STUDENTS
    assert result["container_peak_mib"]["measured"] == STUDENTS, result["container_peak_mib"]


def test_the_same_image_is_a_students_own_jupyterlab_and_notebook_01_runs_in_it(hub):
    """The documented `docker run` for a laptop (here on the host's network and 127.0.0.1: this machine's dockerd has
    no bridge for -p): JupyterLab answers, the series is in the new volume, notebook 01 (solved) runs without error."""
    port, token, volume = hubs.free_port(), os.urandom(16).hex(), f"cnnbook-laptop-{hub.prefix}"
    name = f"cnnbook-{hub.prefix}-laptop"
    subprocess.run(["docker", "run", "-d", "--rm", "--name", name, "--network", "host", "-e", "JUPYTER_IP=127.0.0.1",
                    "-e", f"JUPYTER_PORT={port}", "-e", f"JUPYTER_TOKEN={token}", "-e", "DATASET_LIMIT=2000",
                    "-v", f"{volume}:/home/jovyan", image.TAG], check=True, capture_output=True)
    try:
        lab = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{lab}/lab?token={token}", timeout=10) as page:
                    assert b"JupyterLab" in page.read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, subprocess.run(["docker", "logs", name], capture_output=True,
                                                                   text=True).stderr[-3000:]
                time.sleep(1)
        listed = json.load(urllib.request.urlopen(urllib.request.Request(
            f"{lab}/api/contents", headers={"Authorization": f"token {token}"}), timeout=30))
        assert ASSIGNMENT + ".ipynb" in [item["name"] for item in listed["content"]]
        notebook = run_series.solved(nbformat.read(os.path.join(run_series.HERE, ASSIGNMENT + ".ipynb"), as_version=4),
                                     ASSIGNMENT + ".ipynb")
        cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        results = run_java(lab, token, *cells, timeout=600)
        assert len(results) == len(cells) and all(r.error is None and not r.kernel_died for r in results), \
            [r.text for r in results if r.error or r.kernel_died]
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True)
        subprocess.run(["docker", "volume", "rm", "-f", volume], capture_output=True)
