"""Builds the students' image, classroom/Dockerfile, the one image every student's container runs (make classroom,
the classroom tests, Zero to JupyterHub's recipe, a student's own `docker run`):

    python3 classroom/image.py [--base IMAGE]

Without --base, the base is Debian made here from Debian's packages (debootstrap + docker import, no image registry
needed), cached as BASE_TAG until its package list changes. With a registry, `--base debian:bookworm` works as well.
The build context is staged in build/classroom/image/context: Python wheels for environment/requirements.lock (the
same pins as make setup, installed offline in the image), the kernel jar, lib's jars, MNIST and the series. Docker's
layer cache makes a second build take seconds.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import docker_engine  # noqa: E402
import limits  # noqa: E402
import prepare  # noqa: E402

TAG = "cnnbook-classroom:latest"
BASE_TAG = "cnnbook-debian:bookworm"
WORK = os.path.join(ROOT, "build", "classroom", "image")
CONTEXT = os.path.join(WORK, "context")
LOCK = os.path.join(ROOT, "environment", "requirements.lock")
# what the image's Python, kernel and notebooks need from Debian (the Dockerfile installs the same on another base)
PACKAGES = ["openjdk-17-jdk-headless", "python3", "python3-venv", "ca-certificates", "procps", "tini", "fontconfig",
            "fonts-dejavu-core"]
# where the image keeps lib, MNIST and the kernel; students' containers cannot write there
IN_IMAGE = {"lib": "/opt/cnnbook/lib", "mnist": "/opt/cnnbook/mnist", "javacpp": "/opt/cnnbook/javacpp-cache"}
STUDENT_HOME = "/home/jovyan"


def say(text):
    print(f"[image] {text}", flush=True)


def docker(*args, **kwargs):
    return subprocess.run(["docker", *args], check=True, **kwargs)


def image_labels(tag):
    run = subprocess.run(["docker", "image", "inspect", tag, "--format", "{{json .Config.Labels}}"],
                         capture_output=True, text=True)
    return json.loads(run.stdout or "null") or {} if run.returncode == 0 else None


def debian_suite():
    """Debian 12: PACKAGES are its names (Debian 13 has no OpenJDK 17), whatever the host runs."""
    return "bookworm"


def apt_mirror(suite):
    """The Debian mirror this machine's apt uses (so the base comes from where the machine's packages come from);
    None leaves debootstrap's default."""
    for path in ("/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list"):
        if not os.path.exists(path):
            continue
        text = open(path).read()
        for stanza in text.split("\n\n"):
            fields = dict(line.split(":", 1) for line in stanza.splitlines() if ":" in line and
                          not line.startswith(("#", "deb")))
            if suite in fields.get("Suites", "").split() and "security" not in fields.get("URIs", ""):
                return fields["URIs"].split()[0]
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "deb" and parts[2] == suite:
                return parts[1]
    return None


def base_image():
    """BASE_TAG, made by debootstrap from Debian's packages unless the image with this package list exists."""
    suite = debian_suite()
    want = hashlib.sha256(" ".join([suite, *PACKAGES]).encode()).hexdigest()[:16]
    if (image_labels(BASE_TAG) or {}).get("cnnbook.packages") == want:
        say(f"base {BASE_TAG} (Debian {suite}) is up to date")
        return BASE_TAG
    if not shutil.which("debootstrap"):
        docker_engine.install_packages()
    rootfs = os.path.join(WORK, "rootfs")
    shutil.rmtree(rootfs, ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    mirror = apt_mirror(suite)
    say(f"making the base from Debian {suite}'s packages with debootstrap (a few minutes, once): "
        f"{' '.join(PACKAGES)}")
    started = time.monotonic()
    command = ["debootstrap", "--variant=minbase", "--include=" + ",".join(PACKAGES), suite, rootfs]
    subprocess.run(command + ([mirror] if mirror else []), check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(os.path.join(rootfs, "var", "cache", "apt", "archives"), ignore_errors=True)
    tar = subprocess.Popen(["tar", "-C", rootfs, "-c", "."], stdout=subprocess.PIPE)
    docker("import", "--change", f"LABEL cnnbook.packages={want}", "--change", "ENV LANG=C.UTF-8",
           "--change", 'CMD ["bash"]', "-", BASE_TAG, stdin=tar.stdout, stdout=subprocess.DEVNULL)
    tar.wait()
    shutil.rmtree(rootfs, ignore_errors=True)
    say(f"base {BASE_TAG} made in {time.monotonic() - started:.0f} s")
    return BASE_TAG


def copy_if_changed(source, target):
    """Copies when size or time differ; the copy is readable by everyone (the image's students run under uids of
    their own, and a file made by mkstemp, as MNIST's download makes them, is its owner's alone)."""
    if not (os.path.exists(target) and os.path.getsize(target) == os.path.getsize(source) and
            os.path.getmtime(target) == os.path.getmtime(source)):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)
    os.chmod(target, 0o755 if os.access(source, os.X_OK) else 0o644)


def mirror_dir(source, target, keep=lambda name: True):
    """`target` holds exactly `source`'s files that `keep` accepts (copied only when changed)."""
    os.makedirs(target, exist_ok=True)
    names = {n for n in os.listdir(source) if os.path.isfile(os.path.join(source, n)) and keep(n)}
    for name in os.listdir(target):
        if name not in names and os.path.isfile(os.path.join(target, name)):
            os.remove(os.path.join(target, name))
    for name in names:
        copy_if_changed(os.path.join(source, name), os.path.join(target, name))


def wheels(target):
    """The files of every pin of the lock, exactly those its hashes name (from pip's cache after make setup), so the
    image installs offline."""
    stamp = os.path.join(target, ".lock.sha256")
    want = "pip download " + hashlib.sha256(open(LOCK, "rb").read()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    say("collecting the packages of environment/requirements.lock (pip download; from pip's cache after make setup)")
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--require-hashes", "-r", LOCK, "-d", target],
                   check=True)
    with open(stamp, "w") as f:
        f.write(want)


def kernel_options():
    """The class's kernel in the image: limits.env's limits, and the student's home (the container's uid has no
    passwd entry) and the natives JavaCPP unpacked at build time, read-only, for every student."""
    values = limits.limits()
    env = limits.kernel_environment(values, IN_IMAGE["lib"], IN_IMAGE["mnist"])
    jvm = env.pop("IJAVA_JVM_OPTS") + f" -Duser.home={STUDENT_HOME} -Dorg.bytedeco.javacpp.cachedir={IN_IMAGE['javacpp']}"
    return [f"--jvm-opts={jvm}"] + [f"--env={name}={value}" for name, value in env.items()]


def stage():
    for path, what in ((prepare.KERNEL_JAR, "the Java kernel"), (os.path.join(prepare.LIB, "cnnbook-lib.jar"), "lib"),
                       (os.path.join(prepare.MNIST, "train-images-idx3-ubyte"), "MNIST")):
        prepare.require(path, what)
    wheels(os.path.join(CONTEXT, "wheels"))
    copy_if_changed(LOCK, os.path.join(CONTEXT, "requirements.lock"))
    copy_if_changed(prepare.KERNEL_JAR, os.path.join(CONTEXT, "kernel", "java-kernel.jar"))
    for name in ("install_kernel.py", "jdks.py"):
        copy_if_changed(os.path.join(ROOT, "environment", name), os.path.join(CONTEXT, "environment", name))
    kernelspec = os.path.join("environment", "kernel", "src", "main", "kernelspec")
    mirror_dir(os.path.join(ROOT, kernelspec), os.path.join(CONTEXT, kernelspec))
    copy_if_changed(os.path.join(prepare.LIB, "cnnbook-lib.jar"), os.path.join(CONTEXT, "lib", "cnnbook-lib.jar"))
    mirror_dir(os.path.join(prepare.LIB, "lib"), os.path.join(CONTEXT, "lib", "lib"), lambda n: n.endswith(".jar"))
    mirror_dir(prepare.MNIST, os.path.join(CONTEXT, "mnist"), lambda n: n.endswith("-ubyte"))
    shutil.rmtree(os.path.join(CONTEXT, "series"), ignore_errors=True)
    prepare.copy_series(os.path.join(CONTEXT, "series"))
    mirror_dir(os.path.join(HERE, "student_server"), os.path.join(CONTEXT, "student_server"),
               lambda n: n.endswith(".py"))
    copy_if_changed(os.path.join(HERE, "image_warm_natives.java"), os.path.join(CONTEXT, "WarmNatives.java"))
    with open(os.path.join(CONTEXT, "kernel-options"), "w") as f:
        f.write("\n".join(kernel_options()) + "\n")


def run_build(command):
    """docker build, printing each step as it starts (its full output only when it fails)."""
    lines = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as build:
        for line in build.stdout:
            lines.append(line)
            if line.startswith("Step "):
                say("  " + line.strip()[:150])
    if build.returncode != 0:
        sys.stdout.write("".join(lines[-60:]))
        raise SystemExit(f"[image] docker build failed (exit {build.returncode}); its output ends above")


def build(base=None):
    docker_engine.ensure_running()
    started = time.monotonic()
    base = base or base_image()
    stage()
    say(f"building {TAG} from {base} (classroom/Dockerfile; cached layers take seconds)")
    run_build(["docker", "build", "--network", "host", "--build-arg", f"BASE={base}", "-t", TAG,
               "-f", os.path.join(HERE, "Dockerfile"), CONTEXT])
    size = int(subprocess.run(["docker", "image", "inspect", TAG, "--format", "{{.Size}}"], capture_output=True,
                              text=True, check=True).stdout)
    say(f"{TAG}: {size / 1e9:.2f} GB, ready in {time.monotonic() - started:.0f} s")
    return TAG


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="a Debian bookworm image from your registry (default: made here)")
    args = parser.parse_args(argv)
    try:
        build(args.base)
    except docker_engine.EngineMissing as error:
        sys.exit(f"[image] {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
