#!/usr/bin/env python3
"""Installs the Java kernel's kernelspec ("java") for Jupyter.

Usage: python3 install_kernel.py --jar path/to/java-kernel.jar [--user | --sys-prefix | --prefix DIR]
       [--classpath GLOBS] [--comp-opts OPTS] [--startup-scripts-path GLOBS] [--startup-script CODE]
       [--timeout N|NO_TIMEOUT] [--jvm-opts OPTS]

The options that set IJAVA_* variables have IJava's install.py names and meaning. An existing kernelspec
"java" from upstream IJava is kept under the name "java-ijava" (and said so), never silently overwritten; on a
reinstall of ours, the variables a user added to its "env" by hand are kept (options given now win).

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


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Install the Java kernel for Jupyter.")
    parser.add_argument("--jar", required=True, help="the shaded kernel jar (built by make kernel)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", default=True, help="install for this user (default)")
    where.add_argument("--sys-prefix", action="store_true", help="install into sys.prefix (a virtualenv/conda env)")
    where.add_argument("--prefix", help="install under this prefix")
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


def keep_upstream_ijava(manager):
    """Moves an upstream IJava kernelspec aside; for our own, returns the env it has now (a user may have edited it)."""
    try:
        existing = manager.get_kernel_spec(NAME)
    except NoSuchKernel:
        return {}
    argv = " ".join(existing.argv)
    if "java-kernel" in argv:
        print(f"Updating our Java kernel in {existing.resource_dir}")
        return dict(existing.env or {})
    backup = manager.install_kernel_spec(existing.resource_dir, "java-ijava", user=True)
    with open(os.path.join(backup, "kernel.json")) as f:
        spec = json.load(f)
    spec["display_name"] = spec.get("display_name", "Java") + " (upstream IJava)"
    with open(os.path.join(backup, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=4, sort_keys=True)
    print(f"Found another kernel named '{NAME}' at {existing.resource_dir} ({argv}).\n"
          f"  It is kept as kernelspec 'java-ijava' ({backup}); ours takes the name '{NAME}',\n"
          f"  which the notebooks use. Remove it with: jupyter kernelspec remove java-ijava")
    return {}


def main(argv):
    args = parse_args(argv)
    if not os.path.isfile(args.jar):
        sys.exit(f"No kernel jar at {args.jar}: build it first (make kernel).")
    manager = KernelSpecManager()
    kept_env = keep_upstream_ijava(manager)
    with tempfile.TemporaryDirectory() as tmp:
        spec_dir = os.path.join(tmp, NAME)
        os.mkdir(spec_dir)
        stage(args, spec_dir, kept_env)
        jdk = check_jdk(spec_dir)
        user = not (args.sys_prefix or args.prefix)
        prefix = sys.prefix if args.sys_prefix else args.prefix
        dest = manager.install_kernel_spec(spec_dir, NAME, user=user, prefix=prefix)
    print(f"Installed kernelspec '{NAME}' in {dest}")
    print(f"  The kernel runs on {jdk} (another JDK: IJAVA_JAVA_HOME=/path/to/jdk make setup)")
    kept = sorted(set(kept_env) - set(kernel_env(args)))
    if kept:
        print(f"  Kept your settings in its kernel.json: {', '.join(kept)}")


if __name__ == "__main__":
    main(sys.argv[1:])
