"""The kernel on the JDK this run selected (the installed one, or IJAVA_JAVA_HOME: make test repeats these tests on
the newest JDK present): it really runs there, and loading lib (ND4J's native code) leaves the server's log clean."""
import os
import subprocess

import jdks
from kernel_session import KernelSession

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIB_JARS = f"{ROOT}/lib/target/cnnbook-lib.jar {ROOT}/lib/target/lib/*.jar"


def expected_java_version():
    home = os.environ.get("IJAVA_JAVA_HOME")
    return jdks.version_of(home) if home else None


def test_the_kernel_runs_on_the_selected_jdk_and_loading_lib_writes_no_warnings(tmp_path):
    assert os.path.isfile(f"{ROOT}/lib/target/cnnbook-lib.jar"), "build lib first (make lib)"
    log = tmp_path / "kernel-stderr.log"
    with open(log, "w") as stderr:
        session = KernelSession(stderr=stderr)
        try:
            _, out = session.execute('System.getProperty("java.version")')
            version = next(c["data"]["text/plain"] for t, c in out if t == "execute_result")
            print(f"kernel on Java {version}: ready after {session.startup_seconds:.2f} s "
                  f"({subprocess.run(['lscpu'], capture_output=True, text=True).stdout.split('Model name:')[-1].splitlines()[0].strip()})")
            if expected_java_version():
                assert version == expected_java_version()
            reply, out = session.execute(f"%jars {LIB_JARS}\n"
                                         "org.nd4j.linalg.factory.Nd4j.create(new float[]{1, 2}).addi(1)",
                                         timeout=300)
            assert reply["status"] == "ok", out
        finally:
            session.close()
    warnings = [line for line in log.read_text().splitlines() if "WARNING" in line]
    assert not warnings, "the kernel wrote warnings to the server's log:\n" + "\n".join(warnings)
