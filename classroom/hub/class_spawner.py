"""One container per student (make classroom): DockerSpawner, from the image classroom/Dockerfile builds, on the
host's network. Each student's server listens on 127.0.0.1 on a port of its own and runs under a uid of its own with
every capability dropped and no new privileges; memory, CPU and processes are limited by the kernel's cgroups; the
home is the student's own directory on the host, and nbgrader's exchange the only directory students share."""
import os
import shutil

from dockerspawner import DockerSpawner
from jupyterhub.utils import random_port
from traitlets import Integer, Unicode

HOME = "/home/jovyan"
EXCHANGE = "/srv/nbgrader/exchange"


def copy_missing_series(series, home, owner=None):
    """The series into a student's home: all of it the first time, later only what the student deleted (their own
    copies stay as they are). Never follows a link the student left in its place: the hub runs as root, and a link
    named like a notebook could point anywhere on the host. `owner` gets what was copied."""
    os.makedirs(home, exist_ok=True)
    for name in sorted(os.listdir(series)):
        target = os.path.join(home, name)
        if os.path.lexists(target):
            continue
        try:
            made = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        except FileExistsError:  # made meanwhile
            continue
        with open(os.path.join(series, name), "rb") as source, os.fdopen(made, "wb") as copy:
            shutil.copyfileobj(source, copy)
            if owner is not None:
                os.fchown(copy.fileno(), owner, owner)


class ClassSpawner(DockerSpawner):
    homes = Unicode(config=True, help="the host directory with one home per student (homes/<name>)")
    series = Unicode(config=True, help="the host directory whose notebooks every new home gets")
    exchange = Unicode(config=True, help="nbgrader's exchange on the host, mounted at " + EXCHANGE)
    teacher = Unicode("teacher", config=True)
    course = Unicode("", config=True, help="the nbgrader course on the host: mounted in the teacher's server only")
    first_uid = Integer(20000, config=True, help="a student's uid is this plus their id in the hub's database")
    pids_limit = Integer(1024, config=True, help="processes and threads per server (a JVM kernel uses ~100)")

    @property
    def uid(self):
        return self.first_uid + self.user.id

    @property
    def home_on_host(self):
        return os.path.join(self.homes, self.escaped_name)

    def give_the_series(self):
        """The home (the student's alone) with the series in it, owned by the student (the teacher's by root)."""
        owner = 0 if self.is_teacher else self.uid
        os.makedirs(self.home_on_host, exist_ok=True)
        if os.lstat(self.home_on_host).st_uid != owner:
            os.lchown(self.home_on_host, owner, owner)
        os.chmod(self.home_on_host, 0o700)
        copy_missing_series(self.series, self.home_on_host, owner)

    @property
    def is_teacher(self):
        return self.user.name == self.teacher

    async def start(self):
        self.give_the_series()
        self.port = random_port()
        self.volumes = {self.home_on_host: HOME, self.exchange: EXCHANGE}
        host = {"cap_drop": ["ALL"], "security_opt": ["no-new-privileges"], "pids_limit": self.pids_limit,
                "read_only": True, "tmpfs": {"/tmp": "size=512m"},
                "memswap_limit": self.mem_limit}  # no swap beyond the memory limit
        if self.is_teacher:
            # nbgrader's release and collect set and read other users' files in the exchange; nothing else
            self.extra_create_kwargs = {"user": "0:0"}
            host["cap_add"] = ["CHOWN", "DAC_OVERRIDE", "FOWNER"]
            if "--allow-root" not in self.args:
                self.args = [*self.args, "--allow-root"]
            if self.course and os.path.isdir(self.course):
                self.volumes[self.course] = os.path.join(HOME, "course")
        else:
            self.extra_create_kwargs = {"user": f"{self.uid}:{self.uid}"}
        self.extra_host_config = host
        return await super().start()

    async def get_ip_and_port(self):
        return "127.0.0.1", self.port
