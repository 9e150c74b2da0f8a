"""Prepares the classroom's shared state for JupyterHub (make classroom and the load test call it; safe to re-run):

  STATE/series/         what each new student's home gets: the notebooks (exercises unsolved), prelude.jsh, README
  STATE/shared/lib      lib's jars, STATE/shared/mnist the MNIST files: links to the one copy in this repository,
                        read by every student's kernel (no per-student download)
  STATE/share/jupyter/kernels/java   the class's java kernel, with the limits of classroom/limits.env, found by every
                        student's server through JUPYTER_PATH
  classroom/proxy/node_modules       configurable-http-proxy, exactly as package-lock.json pins it (npm ci)
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import limits  # noqa: E402

KERNEL_JAR = os.path.join(ROOT, "environment", "kernel", "target", "java-kernel.jar")
LIB = os.path.join(ROOT, "lib", "target")
MNIST = os.path.join(ROOT, "data", "mnist")
NOTEBOOKS = os.path.join(ROOT, "notebooks")
PROXY = os.path.join(HERE, "proxy")


def say(text):
    print(f"[classroom] {text}", flush=True)


def require(path, what):
    if not os.path.exists(path):
        sys.exit(f"[classroom] {what} is missing ({os.path.relpath(path, ROOT)}): run make setup first.")


def install_proxy():
    lock = os.path.join(PROXY, "package-lock.json")
    stamp = os.path.join(PROXY, "node_modules", ".lock.sha256")
    want = hashlib.sha256(open(lock, "rb").read()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    say("installing configurable-http-proxy (npm ci, pinned by classroom/proxy/package-lock.json)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PROXY, check=True)
    with open(stamp, "w") as f:
        f.write(want)


def link(target, name):
    if os.path.islink(name) and os.readlink(name) == target:
        return
    if os.path.lexists(name):
        os.remove(name)
    os.symlink(target, name)


def copy_series(series):
    os.makedirs(series, exist_ok=True)
    names = [n for n in os.listdir(NOTEBOOKS) if n.endswith(".ipynb") and n[:2].isdigit()]
    for name in names + ["prelude.jsh", "README.md"]:
        shutil.copy(os.path.join(NOTEBOOKS, name), os.path.join(series, name))
    return len(names)


def install_kernel(state, values):
    env = limits.kernel_environment(values, os.path.join(state, "shared", "lib"), os.path.join(state, "shared", "mnist"))
    command = [sys.executable, os.path.join(ROOT, "environment", "install_kernel.py"), "--jar", KERNEL_JAR,
               "--prefix", state, f"--jvm-opts={env.pop('IJAVA_JVM_OPTS')}"]
    command += [f"--env={name}={value}" for name, value in env.items()]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


COURSE_ID = "cnnbook"


def make_exchange(path):
    """nbgrader's exchange for the class, as nbgrader's own /srv/nbgrader/exchange (sticky, writable), with the
    course's folders made here, the hub's (root's), with the modes nbgrader's release gives them: otherwise a student
    (a uid of their own in their container) could make them first, own them, and stop every release."""
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o1777)
    for folder, mode in (("", 0o755), ("outbound", 0o755), ("inbound", 0o2733), ("feedback", 0o711)):
        made = os.path.join(path, COURSE_ID, folder)
        os.makedirs(made, exist_ok=True)
        if os.geteuid() == 0:
            os.chown(made, 0, 0)
        os.chmod(made, mode)


def prepare(state):
    for path, what in ((KERNEL_JAR, "the Java kernel"), (os.path.join(LIB, "cnnbook-lib.jar"), "lib"),
                       (os.path.join(MNIST, "train-images-idx3-ubyte"), "MNIST")):
        require(path, what)
    os.makedirs(os.path.join(state, "shared"), exist_ok=True)
    os.makedirs(os.path.join(state, "homes"), exist_ok=True)
    make_exchange(os.environ.get("CNNBOOK_EXCHANGE") or os.path.join(state, "exchange"))
    link(LIB, os.path.join(state, "shared", "lib"))
    link(MNIST, os.path.join(state, "shared", "mnist"))
    count = copy_series(os.path.join(state, "series"))
    values = limits.limits()
    install_kernel(state, values)
    install_proxy()
    say(f"{count} notebooks for each new student; shared lib and MNIST in {os.path.relpath(state, ROOT)}/shared; "
        f"kernel limits: heap {values['CNNBOOK_HEAP']}, native {values['CNNBOOK_OFFHEAP']}, "
        f"process {values['CNNBOOK_PHYSICAL']}, {values['CNNBOOK_THREADS']} thread(s) (classroom/limits.env)")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--state", default=os.environ.get("CNNBOOK_HUB_STATE", os.path.join(ROOT, "build", "classroom")))
    args = parser.parse_args(argv)
    prepare(os.path.abspath(args.state))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
