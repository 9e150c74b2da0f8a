"""The kernel tests run the freshly built kernel (environment/kernel/target/java-kernel.jar), whatever kernelspec the
user has installed: a private kernelspec 'java' for it comes first on JUPYTER_PATH for the whole test session."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

ENVIRONMENT = os.path.dirname(HERE)
sys.path.insert(0, ENVIRONMENT)  # jdks.py
KERNEL_JAR = os.path.join(ENVIRONMENT, "kernel", "target", "java-kernel.jar")


def _install_fresh_kernelspec():
    if not os.path.exists(KERNEL_JAR):
        raise RuntimeError(f"{KERNEL_JAR} is missing: run make kernel first")
    prefix = tempfile.mkdtemp(prefix="kernel-under-test-")
    atexit.register(shutil.rmtree, prefix, True)
    subprocess.run([sys.executable, os.path.join(ENVIRONMENT, "install_kernel.py"), "--jar", KERNEL_JAR,
                    "--prefix", prefix], check=True, capture_output=True, text=True)
    data = os.path.join(prefix, "share", "jupyter")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (data, os.environ.get("JUPYTER_PATH")) if p)
    return data


KERNELSPECS = _install_fresh_kernelspec()

# Another kernel to compare with (kernel_session.KERNEL): JJava, installed by environment/setup-jjava.sh into build/jjava
if os.environ.get("CNNBOOK_KERNEL", "java") != "java":
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [os.path.join(os.path.dirname(ENVIRONMENT), "build", "jjava", "jupyter"), os.environ["JUPYTER_PATH"]])
