"""The kernelspec installer, run against a private Jupyter data directory."""
import json
import os
import shutil
import subprocess
import sys

from conftest import KERNEL_JAR

HERE = os.path.dirname(os.path.abspath(__file__))
INSTALLER = os.path.join(HERE, "..", "install_kernel.py")


def install(data_dir, *args):
    """The installer with only `data_dir` as Jupyter's data directory (not the session's kernel under test)."""
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    env["JUPYTER_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, INSTALLER, "--jar", KERNEL_JAR, *args], env=env, capture_output=True,
                          text=True, check=True)


def test_installs_the_java_kernelspec_with_ijava_options(tmp_path):
    run = install(tmp_path, "--timeout", "NO_TIMEOUT", "--classpath", "a/*.jar", "--classpath", "b",
                  "--comp-opts=-parameters", "--jvm-opts=-Xmx2g")  # values starting with - need =
    spec_dir = tmp_path / "kernels" / "java"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["display_name"] == "Java" and spec["language"] == "java" and spec["interrupt_mode"] == "message"
    assert "{connection_file}" in spec["argv"] and any("{resource_dir}" in a for a in spec["argv"])
    assert spec["env"] == {"IJAVA_TIMEOUT": "-1", "IJAVA_CLASSPATH": "a/*.jar" + os.pathsep + "b",
                           "IJAVA_COMPILER_OPTS": "-parameters", "IJAVA_JVM_OPTS": "-Xmx2g"}
    assert (spec_dir / "java-kernel.jar").is_file() and (spec_dir / "java-kernel.sh").is_file()
    assert "Installed kernelspec 'java'" in run.stdout
    again = install(tmp_path)  # idempotent: updates in place
    assert "Updating our Java kernel" in again.stdout


def test_an_upstream_ijava_kernelspec_is_kept_and_the_user_is_told(tmp_path):
    upstream = tmp_path / "kernels" / "java"
    upstream.mkdir(parents=True)
    (upstream / "kernel.json").write_text(json.dumps({
        "argv": ["java", "-jar", str(upstream / "ijava-1.3.0.jar"), "{connection_file}"],
        "display_name": "Java", "language": "java", "interrupt_mode": "message", "env": {}}))
    run = install(tmp_path)
    assert "kept as kernelspec 'java-ijava'" in run.stdout
    kept = json.loads((tmp_path / "kernels" / "java-ijava" / "kernel.json").read_text())
    assert "ijava-1.3.0.jar" in " ".join(kept["argv"])
    assert kept["display_name"] == "Java (upstream IJava)"
    ours = json.loads((tmp_path / "kernels" / "java" / "kernel.json").read_text())
    assert "java-kernel.sh" in " ".join(ours["argv"])


def test_a_reinstall_keeps_what_the_user_added_to_the_env(tmp_path):
    install(tmp_path, "--timeout", "30 SECONDS")
    spec_file = tmp_path / "kernels" / "java" / "kernel.json"
    spec = json.loads(spec_file.read_text())
    spec["env"].update(IJAVA_CLASSPATH="/course/jars/*", OMP_NUM_THREADS="1", IJAVA_TIMEOUT="5 SECONDS")
    spec_file.write_text(json.dumps(spec))
    run = install(tmp_path, "--timeout", "60 SECONDS")  # an option given now wins over the edit
    env = json.loads(spec_file.read_text())["env"]
    assert env == {"IJAVA_CLASSPATH": "/course/jars/*", "OMP_NUM_THREADS": "1", "IJAVA_TIMEOUT": "60 SECONDS"}
    assert "Kept your settings in its kernel.json: IJAVA_CLASSPATH, OMP_NUM_THREADS" in run.stdout


def test_the_installer_records_and_prints_the_jdk(tmp_path):
    home = (os.environ.get("IJAVA_JAVA_HOME") or os.environ.get("JAVA_HOME")
            or os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java")))))
    run = install(tmp_path)
    assert (tmp_path / "kernels" / "java" / "java-home").read_text() == home
    assert "The kernel runs on JDK " in run.stdout and home in run.stdout
