"""Grades the class's submissions in a container of the students' image, not on the host: autograding runs each
student's code, and the teacher's nbgrader runs as root on a class's machine.

    python3 classroom/autograde.py 01-loading-mnist [--course build/course]    (make autograde ASSIGNMENT=...)

after `nbgrader collect`. The container has no network at all (its kernels talk over its own loopback), no
capabilities, no new privileges, a read-only root and the class's memory and process limits; it sees the course
directory only. Its root owns the course's files (they are the teacher's, root's), so a submission could still
change what is in the course directory, gradebook included, as it can under nbgrader anywhere: check surprising
grades against the submitted notebooks.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import docker_engine  # noqa: E402
import image  # noqa: E402
import limits  # noqa: E402

PASSED_ON = ("DATASET_LIMIT", "MAX_EPOCH", "CNNBOOK_GRADING_CELL_TIMEOUT")


def command(course, assignment, extra_args=()):
    values = limits.limits()
    run = ["docker", "run", "--rm", "--network", "none", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
           "--read-only", "--tmpfs", "/tmp:size=512m", "--user", "0:0", "--memory", values["CNNBOOK_SERVER_MEMORY"],
           "--memory-swap", values["CNNBOOK_SERVER_MEMORY"], "--pids-limit", values["CNNBOOK_SERVER_PROCESSES"],
           "-e", "HOME=/tmp", "-v", f"{os.path.abspath(course)}:/course", "-w", "/course"]
    for name in PASSED_ON:
        if os.environ.get(name):
            run += ["-e", f"{name}={os.environ[name]}"]
    return run + [image.TAG, "python", "-m", "nbgrader", "autograde", assignment, *extra_args]


def autograde(course, assignment, extra_args=(), capture=False):
    if not os.path.exists(os.path.join(course, "nbgrader_config.py")):
        raise SystemExit(f"[autograde] {course} is not an nbgrader course (no nbgrader_config.py): make assignments "
                         "makes build/course")
    docker_engine.ensure_running()
    if image.image_labels(image.TAG) is None:
        image.build()
    return subprocess.run(command(course, assignment, extra_args), capture_output=capture, text=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment")
    parser.add_argument("--course", default=os.path.join(ROOT, "build", "course"))
    args, rest = parser.parse_known_args(argv)
    print(f"[autograde] {args.assignment} in a container of {image.TAG} (no network, no capabilities)", flush=True)
    return autograde(args.course, args.assignment, rest).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
