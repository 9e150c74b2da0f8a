#!/usr/bin/env python3
"""Installs the Java kernel's kernelspec ("java") for Jupyter.

Usage: python3 install_kernel.py --jar path/to/java-kernel.jar [--user | --sys-prefix | --prefix DIR]
       [--project-path DIR] [--classpath GLOBS] [--comp-opts OPTS] [--startup-scripts-path GLOBS]
       [--startup-script CODE] [--timeout N|NO_TIMEOUT] [--jvm-opts OPTS]

The options that set IJAVA_* variables have IJava's install.py names and meaning. Other kernels named "java" are
named for what they are (upstream IJava, JJava) and where, and never overwritten: one in the directory ours goes into
is kept under another name ("java-ijava", "jjava"); one elsewhere stays where its installer put it (pip owns JJava's).
Where such a kernel is found before ours (JJava in a virtualenv is), ours is also installed as "java-cnnbook", so
that `jupyter kernelspec list` shows both. --project-path DIR puts ours into DIR/kernels/java as well, with the
others beside it under their honest names: the project's commands put DIR first on JUPYTER_PATH, so they run ours
whatever else is installed. On a reinstall of ours, the variables a user added to its "env" by hand are kept
(options given now win).

The kernel runs on the JDK named by IJAVA_JAVA_HOME, else JAVA_HOME, else the `java` on PATH; it is recorded in the
kernelspec (file java-home), checked (17 or newer, with jdk.jshell) and printed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

import jdks

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "kernel", "src", "main", "kernelspec", "java-kernel.sh")
LOGOS = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]
NAME = "java"
ALIAS = "java-cnnbook"
# what else provides a kernel named "java": kind -> (the name it is kept or listed under, what to call it)
OTHERS = {"ijava": ("java-ijava", "upstream IJava"), "jjava": ("jjava", "JJava"), "other": ("java-other", "another kernel")}


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Install the Java kernel for Jupyter.")
    parser.add_argument("--jar", required=True, help="the shaded kernel jar (built by make kernel)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", default=True, help="install for this user (default)")
    where.add_argument("--sys-prefix", action="store_true", help="install into sys.prefix (a virtualenv/conda env)")
    where.add_argument("--prefix", help="install under this prefix")
    parser.add_argument("--project-path", help="also install into DIR/kernels (a directory the project puts first on "
                        "JUPYTER_PATH), with the other java kernels found listed beside it under their own names")
    parser.add_argument("--replace", action="store_true", help="accepted for IJava compatibility; always replaces")
    parser.add_argument("--classpath", action="append", default=[], help="IJAVA_CLASSPATH entries")
    parser.add_argument("--comp-opts", action="append", default=[], help="IJAVA_COMPILER_OPTS (write --comp-opts=-Xlint: a value starting with - needs =)")
    parser.add_argument("--startup-scripts-path", action="append", default=[], help="IJAVA_STARTUP_SCRIPTS_PATH")
    parser.add_argument("--startup-script", help="IJAVA_STARTUP_SCRIPT")
    parser.add_argument("--timeout", help="IJAVA_TIMEOUT, e.g. '30 SECONDS'; NO_TIMEOUT means none")
    parser.add_argument("--jvm-opts", help="IJAVA_JVM_OPTS baked into the kernelspec, e.g. --jvm-opts=-Xmx8g (else set it in the environment)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="another variable for the kernel's environment, e.g. --env OMP_NUM_THREADS=1")
    return parser.parse_args(argv)


def kernel_env(args):
    env = {}
    if args.classpath:
        env["IJAVA_CLASSPATH"] = os.pathsep.join(args.classpath)
    if args.comp_opts:
        env["IJAVA_COMPILER_OPTS"] = " ".join(args.comp_opts)
    if args.startup_scripts_path:
        env["IJAVA_STARTUP_SCRIPTS_PATH"] = os.pathsep.join(args.startup_scripts_path)
    if args.startup_script:
        env["IJAVA_STARTUP_SCRIPT"] = args.startup_script
    if args.timeout:
        env["IJAVA_TIMEOUT"] = "-1" if args.timeout == "NO_TIMEOUT" else args.timeout
    if args.jvm_opts:
        env["IJAVA_JVM_OPTS"] = args.jvm_opts
    for assignment in args.env:
        name, equals, value = assignment.partition("=")
        if not equals or not name:
            sys.exit(f"--env needs NAME=VALUE, got '{assignment}'")
        env[name] = value
    return env


def kernel_json(env):
    if os.name == "nt":  # no POSIX shell: options are fixed here; JDK_JAVA_OPTIONS still works
        argv = ["java", "-XX:MaxRAMPercentage=40", "-Djava.awt.headless=true",
                "-jar", "{resource_dir}/java-kernel.jar", "{connection_file}"]
    else:
        argv = ["/bin/sh", "{resource_dir}/java-kernel.sh", "{connection_file}"]
    return {"argv": argv, "display_name": "Java", "language": "java",
            "interrupt_mode": "message", "env": env}


def stage(args, directory, kept_env):
    shutil.copy(args.jar, os.path.join(directory, "java-kernel.jar"))
    shutil.copy(LAUNCHER, os.path.join(directory, "java-kernel.sh"))
    for logo in LOGOS:  # the launcher card and the notebook's kernel indicator show these
        shutil.copy(os.path.join(os.path.dirname(LAUNCHER), logo), os.path.join(directory, logo))
    java_home = os.environ.get("IJAVA_JAVA_HOME") or os.environ.get("JAVA_HOME") or jdks.java_home_on_path()
    if java_home:
        with open(os.path.join(directory, "java-home"), "w") as f:
            f.write(java_home)
    with open(os.path.join(directory, "kernel.json"), "w") as f:
        json.dump(kernel_json({**kept_env, **kernel_env(args)}), f, indent=4, sort_keys=True)


def check_jdk(directory):
    """The launcher's own check of the recorded JDK: its description, or exit with what to install."""
    if os.name == "nt":
        return "the java on PATH"
    env = {k: v for k, v in os.environ.items() if k != "IJAVA_JAVA_HOME"}  # the recorded one is what counts
    run = subprocess.run(["/bin/sh", os.path.join(directory, "java-kernel.sh"), "--check"], env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr.strip() or run.stdout.strip())
    return run.stdout.strip()


def kind_of(argv):
    """Which kernel a kernelspec's command starts: ours, upstream IJava, JJava or another."""
    command = " ".join(argv).lower()
    if "java-kernel" in command:
        return "ours"
    if "jjava" in command:
        return "jjava"
    return "ijava" if "ijava" in command else "other"


def java_kernelspecs(manager):
    """Every kernelspec directory named "java" on Jupyter's path, in the order Jupyter searches: (dir, kind, argv)."""
    found = []
    for kernels in manager.kernel_dirs:
        spec_file = os.path.join(kernels, NAME, "kernel.json")
        if os.path.isfile(spec_file):
            with open(spec_file) as f:
                argv = json.load(f).get("argv", [])
            found.append((os.path.join(kernels, NAME), kind_of(argv), argv))
    return found


def describe(kind, directory):
    name = OTHERS[kind][1]
    if kind == "jjava":
        try:
            import importlib.metadata
            name += " " + importlib.metadata.version("jjava")
        except Exception:  # installed by other means than pip into this environment
            pass
    return f"{name} ({directory})"


def move_aside(directory, kind, target_dir):
    """A kernel of another kind in the directory ours goes into: kept under its honest name, in that directory."""
    alias, what = OTHERS[kind]
    kept = install_into(directory, target_dir, alias)
    relabel(kept, f"Java ({what})")
    print(f"Found {describe(kind, directory)}, also named '{NAME}', where ours goes.\n"
          f"  It is kept as kernelspec '{alias}' ({kept}); ours takes the name '{NAME}', which the notebooks use.\n"
          f"  Remove it with: jupyter kernelspec remove {alias}")


def relabel(spec_dir, display_name, resources=None):
    """Sets a kernelspec's display name; with `resources`, its {resource_dir} becomes that directory."""
    spec_file = os.path.join(spec_dir, "kernel.json")
    with open(spec_file) as f:
        spec = json.load(f)
    spec["display_name"] = display_name
    if resources:
        spec["argv"] = [a.replace("{resource_dir}", resources) for a in spec["argv"]]
    with open(spec_file, "w") as f:
        json.dump(spec, f, indent=4, sort_keys=True)


def previous_env(target_dir):
    """The env of ours already in `target_dir` (a user may have edited it), else nothing."""
    spec_file = os.path.join(target_dir, NAME, "kernel.json")
    if not os.path.isfile(spec_file):
        return {}
    with open(spec_file) as f:
        spec = json.load(f)
    if kind_of(spec.get("argv", [])) != "ours":
        return {}
    print(f"Updating our Java kernel in {os.path.join(target_dir, NAME)}")
    return dict(spec.get("env") or {})


def install_into(spec_dir, kernels_dir, name):
    """Copies the staged kernelspec to kernels_dir/name (replacing what was there)."""
    dest = os.path.join(kernels_dir, name)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(kernels_dir, exist_ok=True)
    shutil.copytree(spec_dir, dest)
    return dest


def list_the_others(project_kernels, others):
    """Into the project's kernels directory: an entry for every other java kernel, under its honest name."""
    for alias, _ in OTHERS.values():  # a kernel uninstalled since is no longer listed
        if os.path.isdir(os.path.join(project_kernels, alias)):
            shutil.rmtree(os.path.join(project_kernels, alias))
    for directory, kind, _ in others:
        alias, what = OTHERS[kind]
        listed = install_into(directory, project_kernels, alias)
        for item in os.listdir(listed):  # the kernel's files stay where its installer put them
            if item != "kernel.json":
                path = os.path.join(listed, item)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        relabel(listed, f"Java ({describe(kind, directory).split(' (')[0]})", resources=directory)


def main(argv):
    args = parse_args(argv)
    if not os.path.isfile(args.jar):
        sys.exit(f"No kernel jar at {args.jar}: build it first (make kernel).")
    manager = KernelSpecManager()
    user = not (args.sys_prefix or args.prefix)
    prefix = sys.prefix if args.sys_prefix else args.prefix
    target = manager.user_kernel_dir if user else os.path.join(prefix, "share", "jupyter", "kernels")
    project = os.path.join(os.path.abspath(args.project_path), "kernels") if args.project_path else None
    found = [f for f in java_kernelspecs(manager) if not (project and f[0].startswith(project + os.sep))]
    for directory, kind, _ in found:
        if kind != "ours" and os.path.dirname(directory) == target:
            move_aside(directory, kind, target)
    others = [f for f in found if f[1] != "ours" and os.path.dirname(f[0]) != target]
    kept_env = previous_env(target)
    with tempfile.TemporaryDirectory() as tmp:
        spec_dir = os.path.join(tmp, NAME)
        os.mkdir(spec_dir)
        stage(args, spec_dir, kept_env)
        jdk = check_jdk(spec_dir)
        dest = install_into(spec_dir, target, NAME)
        print(f"Installed kernelspec '{NAME}' in {dest}")
        order = manager.kernel_dirs
        shadowing = [f for f in others
                     if target not in order or order.index(os.path.dirname(f[0])) < order.index(target)]
        alias = os.path.join(target, ALIAS)
        if shadowing:
            install_into(spec_dir, target, ALIAS)
            relabel(alias, "Java (this project's kernel)")
        elif os.path.exists(alias):
            shutil.rmtree(alias)  # nothing hides ours any more
        if project:
            install_into(spec_dir, project, NAME)
            list_the_others(project, others)
    print(f"  The kernel runs on {jdk} (another JDK: IJAVA_JAVA_HOME=/path/to/jdk make setup)")
    for other in others:
        directory, kind, _ = other
        hides = other in shadowing
        print(f"  Also found: {describe(kind, directory)}, a kernel named '{NAME}' too"
              + (f"; Jupyter finds it before ours here, so ours is also listed as '{ALIAS}'" if hides else "")
              + (f". The project's commands use ours (JUPYTER_PATH={os.path.dirname(project)}), with this one "
                 f"listed as '{OTHERS[kind][0]}'" if project else "") + ".")
    kept = sorted(set(kept_env) - set(kernel_env(args)))
    if kept:
        print(f"  Kept your settings in its kernel.json: {', '.join(kept)}")


if __name__ == "__main__":
    main(sys.argv[1:])
