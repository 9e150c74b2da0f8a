"""The kernel's launcher (java-kernel.sh) and entry point on the Javas a student may have: the JVM options each
JDK version needs, and a clear message for a Java that cannot run the kernel (too old, or a JRE without JShell)."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import KERNEL_JAR

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "..", "kernel", "src", "main", "kernelspec", "java-kernel.sh")
INSTALLER = os.path.join(HERE, "..", "install_kernel.py")
ECHOING_JAVA = """#!/bin/sh
# Stands in for java: refuses options listed in $REFUSE, otherwise prints its arguments.
for a in "$@"; do case " $REFUSE " in *" $a "*) echo "Unrecognized option: $a" >&2; exit 1 ;; esac; done
echo "ARGS $*"
echo "GOMP_SPINCOUNT=$GOMP_SPINCOUNT"
"""


def fake_jdk(root, version, modules="java.base java.se jdk.compiler jdk.jshell"):
    home = root / f"jdk-{version}"
    (home / "bin").mkdir(parents=True)
    (home / "release").write_text(f'JAVA_VERSION="{version}"\nMODULES="{modules}"\n')
    java = home / "bin" / "java"
    java.write_text(ECHOING_JAVA)
    java.chmod(0o755)
    return home


def launch(java_home, *args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in (
        "IJAVA_JVM_OPTS", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "GOMP_SPINCOUNT", "OMP_WAIT_POLICY")}
    return subprocess.run(["/bin/sh", LAUNCHER, *args], env={**clean, "IJAVA_JAVA_HOME": str(java_home), **env},
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("version, expected, unexpected", [
    ("17.0.15", ["--enable-native-access=ALL-UNNAMED"], ["--sun-misc-unsafe-memory-access=allow"]),
    ("21.0.5", ["--enable-native-access=ALL-UNNAMED"], ["--sun-misc-unsafe-memory-access=allow"]),
    ("25.0.3", ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"], []),
])
def test_the_launcher_passes_the_options_each_jdk_needs(tmp_path, version, expected, unexpected):
    run = launch(fake_jdk(tmp_path, version), "connection.json")
    assert run.returncode == 0, run.stderr
    args = run.stdout.splitlines()[0].split()
    for option in expected:
        assert option in args
    for option in unexpected:
        assert option not in args
    assert args[-3] == "-jar" and args[-2].endswith("java-kernel.jar") and args[-1] == "connection.json"
    assert "-XX:MaxRAMPercentage=40" in args and "-Xms64m" in args and "-XX:+UseSerialGC" in args


@pytest.mark.parametrize("variable", ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"])
def test_a_heap_size_in_the_jvms_own_variables_replaces_the_default_heap(tmp_path, variable):
    # a -Xmx below the default's -Xms64m would stop the JVM before the kernel starts
    run = launch(fake_jdk(tmp_path, "17.0.15"), "connection.json", **{variable: "-Xmx32m"})
    assert run.returncode == 0, run.stderr
    args = run.stdout.splitlines()[0].split()
    assert "-Xms64m" not in args and "-XX:MaxRAMPercentage=40" not in args and "-XX:+UseSerialGC" in args


def test_nd4j_threads_spin_briefly_unless_the_user_says_otherwise(tmp_path):
    home = fake_jdk(tmp_path, "17.0.15")
    assert "GOMP_SPINCOUNT=1000" in launch(home, "connection.json").stdout.splitlines()
    assert "GOMP_SPINCOUNT=50000" in launch(home, "connection.json", GOMP_SPINCOUNT="50000").stdout.splitlines()
    assert "GOMP_SPINCOUNT=" in launch(home, "connection.json", OMP_WAIT_POLICY="passive").stdout.splitlines()


@pytest.mark.parametrize("variable, options", [("IJAVA_JVM_OPTS", "-Xmx2g -XX:+UseG1GC"),
                                               ("JAVA_TOOL_OPTIONS", "-XX:+UseZGC"),
                                               ("JDK_JAVA_OPTIONS", "-XX:+UseParallelGC")])
def test_a_collector_the_user_chose_replaces_the_serial_default(tmp_path, variable, options):
    run = launch(fake_jdk(tmp_path, "17.0.15"), "connection.json", **{variable: options})
    assert run.returncode == 0, run.stderr
    assert "-XX:+UseSerialGC" not in run.stdout.splitlines()[0].split()


def test_the_bench_runs_dl4j_with_the_kernels_own_jvm_options_and_spin_count(tmp_path, monkeypatch):
    sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
    import run_bench
    run = launch(fake_jdk(tmp_path, "17.0.15"), "connection.json").stdout.splitlines()
    kernel_args = run[0].split()
    options = run_bench.kernel_jvm_options()
    assert "-XX:+UseSerialGC" in options and all(option in kernel_args for option in options), (options, kernel_args)
    monkeypatch.delenv("GOMP_SPINCOUNT", raising=False)
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    assert f"GOMP_SPINCOUNT={run_bench.openmp_spin()['GOMP_SPINCOUNT']}" in run


def test_a_newer_jdk_that_refuses_an_option_still_starts(tmp_path):
    home = fake_jdk(tmp_path, "27.0.1")
    run = launch(home, "connection.json", REFUSE="--sun-misc-unsafe-memory-access=allow")
    assert run.returncode == 0, run.stderr
    assert "--sun-misc-unsafe-memory-access=allow" not in run.stdout


def test_a_java_older_than_17_is_named_with_what_to_install(tmp_path):
    run = launch(fake_jdk(tmp_path, "11.0.2"), "connection.json")
    assert run.returncode == 3
    assert "version 11.0.2" in run.stderr and "needs 17 or newer" in run.stderr and "IJAVA_JAVA_HOME" in run.stderr
    assert "ARGS" not in run.stdout  # the JVM was never started


def test_a_missing_java_is_named(tmp_path):
    run = launch(tmp_path / "nowhere", "connection.json")
    assert run.returncode == 3 and "found no Java" in run.stderr and "Install a JDK 17" in run.stderr


@pytest.fixture(scope="module")
def jre(tmp_path_factory):
    """A real Java runtime without JShell: the JDK's own jlink makes one with only Java SE's modules."""
    jlink = shutil.which("jlink") or os.path.join(os.environ.get("JAVA_HOME", "/nonexistent"), "bin", "jlink")
    out = tmp_path_factory.mktemp("jre") / "runtime"
    subprocess.run([jlink, "--add-modules", "java.se", "--strip-debug", "--no-man-pages", "--no-header-files",
                    "--output", str(out)], check=True, capture_output=True, timeout=300)
    return out


def test_a_jre_without_jshell_is_told_what_to_install_by_the_launcher(jre):
    run = launch(jre, "connection.json")
    assert run.returncode == 3
    assert "no jdk.jshell module" in run.stderr and "Install a JDK 17" in run.stderr


def test_a_jre_without_jshell_is_told_what_to_install_by_the_kernel_itself(jre, tmp_path):
    """Started without the launcher (e.g. a hand-written kernel.json), the kernel says the same instead of a
    NoClassDefFoundError."""
    run = subprocess.run([str(jre / "bin" / "java"), "-jar", KERNEL_JAR, str(tmp_path / "connection.json")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "has no jdk.jshell module" in run.stderr and "Install a JDK 17" in run.stderr
    assert "Exception" not in run.stderr


def test_the_installer_refuses_a_jre_and_installs_nothing(jre, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    env.update(JUPYTER_DATA_DIR=str(tmp_path), IJAVA_JAVA_HOME=str(jre))
    run = subprocess.run([sys.executable, INSTALLER, "--jar", KERNEL_JAR], env=env, capture_output=True, text=True)
    assert run.returncode != 0 and "no jdk.jshell module" in run.stderr
    assert not (tmp_path / "kernels" / "java").exists()


def test_the_check_names_the_jdk_it_would_use():
    home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    run = launch(home, "--check")
    assert run.returncode == 0 and run.stdout.startswith("JDK ") and home in run.stdout
