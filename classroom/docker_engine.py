"""The Docker engine the class's containers run on (make classroom and the tests): installs Debian's docker.io and
debootstrap where missing, and starts `dockerd` when none answers, with no bridge and no iptables rules, so that no
container ever gets an address outside loopback (the class's containers use the host's network on 127.0.0.1)."""
import os
import shutil
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
APT_INSTALL = os.path.join(ROOT, "environment", "apt-install.sh")
LOG = os.path.join(ROOT, "build", "classroom", "dockerd.log")
DOCKERD = ["dockerd", "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-forward=false",
           "--ip-masq=false", "--host=unix:///var/run/docker.sock"]


def say(text):
    print(f"[classroom] {text}", flush=True)


class EngineMissing(RuntimeError):
    pass


def answers():
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def install_packages():
    """Debian's docker.io (the engine) and debootstrap (the base image); exit 3 of apt-install.sh: not root/Debian."""
    missing = [package for package, command in (("docker.io", "dockerd"), ("debootstrap", "debootstrap"))
               if not shutil.which(command)]  # never docker.io beside another Docker (docker-ce conflicts with it)
    if not missing:
        return
    run = subprocess.run(["sh", APT_INSTALL, "the class's containers", *missing])
    if run.returncode != 0 or not (shutil.which("dockerd") and shutil.which("debootstrap")):
        raise EngineMissing("the class's containers need a Docker engine and debootstrap: as root on Debian, "
                            "`apt-get install docker.io debootstrap` (make classroom does it when it runs as root); "
                            "elsewhere install Docker and start it, then run make classroom again.")


def ensure_running(seconds=60):
    """Returns once `docker info` answers; starts dockerd (no bridge, no iptables) if it does not yet."""
    if answers():
        return
    install_packages()
    if answers():
        return
    say("starting dockerd with no bridge and no iptables rules (log: "
        f"{os.path.relpath(LOG, ROOT)}); containers share the host's network on 127.0.0.1")
    os.makedirs(os.path.dirname(LOG), exist_ok=True)
    with open(LOG, "a") as log:
        subprocess.Popen(DOCKERD, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answers():
            return
        time.sleep(0.5)
    tail = open(LOG, errors="replace").read()[-2000:]
    raise EngineMissing(f"dockerd did not answer within {seconds} s; its log ends:\n{tail}")
