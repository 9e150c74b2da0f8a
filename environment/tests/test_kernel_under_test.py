"""The kernel these tests talk to is the one just built, not an older one installed for the user."""
import hashlib
import os

from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_JAR, KERNELSPECS


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_the_java_kernelspec_found_first_runs_the_freshly_built_jar():
    spec = KernelSpecManager().get_kernel_spec("java")
    assert spec.resource_dir == os.path.join(KERNELSPECS, "kernels", "java")
    assert sha256(os.path.join(spec.resource_dir, "java-kernel.jar")) == sha256(KERNEL_JAR)
