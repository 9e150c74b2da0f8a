"""Our kernel beside JJava: with JJava's wheel installed into the project's .venv (where Jupyter looks before the
user's kernels, so its kernelspec 'java' hides ours there), the project's commands still start ours, both kernels are
listed under honest names, and the installer says what it found and where."""
import hashlib
import json
import os
import subprocess
import sys

import jupyter_client
import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import ENVIRONMENT, KERNEL_JAR

ROOT = os.path.dirname(ENVIRONMENT)
LOCK = os.path.join(ENVIRONMENT, "jjava.lock")


def pip(*args):
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def jjava_in_the_venv():
    """JJava 1.0a8 installed into this Python environment for the module (removed after, unless it was there)."""
    was_there = pip("show", "jjava").returncode == 0
    if not was_there:
        run = pip("install", "-q", "--no-deps", "--require-hashes", "-r", LOCK)
        assert run.returncode == 0, run.stderr
    spec = os.path.join(sys.prefix, "share", "jupyter", "kernels", "java", "kernel.json")
    assert os.path.isfile(spec) and "jjava" in open(spec).read(), "JJava's wheel puts its kernelspec 'java' here"
    yield spec
    if not was_there:
        assert pip("uninstall", "-y", "-q", "jjava").returncode == 0
        assert not os.path.exists(spec), "pip uninstall removes JJava's kernelspec"


def environment_without_the_session_kernel(**extra):
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    env.update(extra)
    return env


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def kernelspecs(env):
    run = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)["kernelspecs"]


def test_the_installer_names_jjava_and_both_kernels_are_listed_honestly(jjava_in_the_venv, tmp_path):
    user, project = tmp_path / "user", tmp_path / "project"
    env = environment_without_the_session_kernel(JUPYTER_DATA_DIR=str(user))
    run = subprocess.run([sys.executable, os.path.join(ENVIRONMENT, "install_kernel.py"), "--jar", KERNEL_JAR,
                          "--project-path", str(project)], env=env, capture_output=True, text=True, check=True)
    assert "JJava 1.0a8 (" + os.path.dirname(jjava_in_the_venv) + ")" in run.stdout, run.stdout
    assert "upstream IJava" not in run.stdout, "JJava is not filed as IJava"
    assert "listed as 'java-cnnbook'" in run.stdout and "listed as 'jjava'" in run.stdout, run.stdout

    plain = kernelspecs(env)  # this environment as a user's own `jupyter lab` sees it
    assert "jjava" in plain["java"]["spec"]["argv"][2], "in the venv, JJava's spec holds the name 'java'"
    assert plain["java-cnnbook"]["spec"]["display_name"] == "Java (this project's kernel)"

    ours_first = kernelspecs({**env, "JUPYTER_PATH": str(project)})  # as the project's commands see it
    assert "java-kernel" in " ".join(ours_first["java"]["spec"]["argv"])
    assert ours_first["jjava"]["spec"]["display_name"] == "Java (JJava 1.0a8)"
    assert os.path.dirname(jjava_in_the_venv) in " ".join(ours_first["jjava"]["spec"]["argv"]), \
        "the listing points at JJava's own jars, which pip owns"


def test_the_project_commands_start_our_kernel_with_jjava_in_the_venv(jjava_in_the_venv):
    make = subprocess.run(["make", "-s", "--no-print-directory", "kernel", "which-kernel"], cwd=ROOT,
                          env=environment_without_the_session_kernel(), capture_output=True, text=True, check=True)
    resource_dir = make.stdout.strip().splitlines()[-1]
    assert resource_dir == os.path.join(ROOT, "build", "jupyter", "kernels", "java"), make.stdout
    assert sha256(os.path.join(resource_dir, "java-kernel.jar")) == sha256(KERNEL_JAR)
    specs = KernelSpecManager(kernel_dirs=[os.path.dirname(resource_dir)])
    manager = jupyter_client.KernelManager(kernel_name="java", kernel_spec_manager=specs)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.kernel_info(reply=True, timeout=30)["content"]
        assert reply["status"] == "ok", "ours answers with a status; JJava 1.0a8's kernel_info_reply has none"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
