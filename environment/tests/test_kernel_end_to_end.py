"""The installed kernel, started by jupyter_client as Jupyter starts it, driven over ZeroMQ."""
import json
import os
import subprocess
import textwrap
import threading
import time

import pytest

from kernel_session import KernelSession, drain, kernel_command


@pytest.fixture(scope="module")
def kernel():
    session = KernelSession()
    yield session
    session.close()


def errors(outputs):
    return [c for t, c in outputs if t == "error"]


def results(outputs):
    return [c["data"] for t, c in outputs if t == "execute_result"]


def test_maven_magic_resolves_transitively_and_magic_values_stay_hidden(kernel):
    reply, outputs = kernel.execute("%maven junit:junit:4.13.2", timeout=300)
    assert reply["status"] == "ok", outputs
    assert results(outputs) == []
    reply, outputs = kernel.execute("org.hamcrest.CoreMatchers.class.getSimpleName()")
    assert results(outputs)[0]["text/plain"] == "CoreMatchers"  # hamcrest-core came transitively


def test_jars_magic_adds_a_jar_and_returns_paths_when_assigned(kernel, tmp_path):
    src = tmp_path / "src" / "e2e" / "Hello.java"
    src.parent.mkdir(parents=True)
    src.write_text("package e2e; public class Hello { public static String hi() { return \"hi from jar\"; } }")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True)
    jar = tmp_path / "jars" / "hello.jar"
    jar.parent.mkdir()
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)

    reply, outputs = kernel.execute(f"List<String> added = %jars {tmp_path.as_posix()}/jars/*.jar\nadded.size()")
    assert reply["status"] == "ok", outputs
    assert results(outputs)[0]["text/plain"] == "1"
    _, outputs = kernel.execute("e2e.Hello.hi()")
    assert results(outputs)[0]["text/plain"] == "hi from jar"


def test_display_and_update_display_of_an_image(kernel):
    code = textwrap.dedent("""
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        String id = display(image);
        image.setRGB(0, 0, 0xFFFFFF);
        updateDisplay(id, image);
    """)
    reply, outputs = kernel.execute(code)
    assert reply["status"] == "ok", outputs
    displays = [c for t, c in outputs if t == "display_data"]
    updates = [c for t, c in outputs if t == "update_display_data"]
    assert len(displays) == 1 and len(updates) == 1, outputs
    display_id = displays[0]["transient"]["display_id"]
    assert updates[0]["transient"]["display_id"] == display_id
    assert displays[0]["data"]["image/png"] != updates[0]["data"]["image/png"]


@pytest.mark.parametrize("loop", [
    "while (true) { Thread.sleep(50); }",                      # interruptible
    "long end = System.nanoTime() + 3_000_000_000L; while (System.nanoTime() < end) { }",  # ignores interrupts
])
def test_interrupt_ends_a_long_cell_and_the_next_cell_runs(kernel, loop):
    msg_id = kernel.client.execute(loop)
    threading.Timer(1.5, kernel.manager.interrupt_kernel).start()
    reply, outputs = kernel.collect(msg_id, timeout=60)
    assert reply["status"] == "error"
    assert reply["ename"] == "EvaluationInterruptedException"
    assert "Evaluation interrupted." in "\n".join(errors(outputs)[0]["traceback"])
    reply, outputs = kernel.execute('"after interrupt"')
    assert results(outputs)[0]["text/plain"] == "after interrupt"


def test_errors_have_ijava_names_and_readable_tracebacks(kernel):
    reply, outputs = kernel.execute('int x = "not an int";')
    assert reply["status"] == "error" and reply["ename"] == "CompilationException"
    traceback = "\n".join(errors(outputs)[0]["traceback"])
    assert "incompatible types" in traceback
    assert "\x1b[30m" not in traceback  # no black text on dark themes
    reply, outputs = kernel.execute('throw new RuntimeException("boom");')
    assert reply["ename"] == "EvalException" and reply["evalue"] == "boom"
    reply, outputs = kernel.execute("%nosuchmagic")
    assert reply["evalue"] == "Undefined line magic 'nosuchmagic'"
    reply, outputs = kernel.execute("%maven org.example.nonexistent:nothing:0.0.1", timeout=300)
    assert "Could not resolve org.example.nonexistent:nothing:0.0.1" in reply["evalue"]
    reply, _ = kernel.execute("1 + 1")
    assert reply["status"] == "ok"


def test_kernel_info_and_history_replies_carry_status(kernel):
    info = kernel.client.kernel_info(reply=True)["content"]
    assert info["status"] == "ok"
    assert info["language_info"]["name"] == "Java"
    assert info["language_info"]["file_extension"] == ".jshell"
    history = kernel.client.history(reply=True, hist_access_type="tail", n=5)["content"]
    assert history == {"status": "ok", "history": []}


def test_a_message_with_a_bad_signature_is_ignored_and_the_kernel_keeps_working(kernel):
    forged = kernel.client.session.clone()
    forged.key = b"not-the-key"
    forged.auth = None
    forged.key = b"not-the-key"
    msg = forged.msg("execute_request", {"code": "System.exit(3);", "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    forged.send(kernel.client.shell_channel.socket, msg)
    time.sleep(1.0)
    drain(kernel.client)
    reply, outputs = kernel.execute('"still here"')
    assert results(outputs)[0]["text/plain"] == "still here"


def start_alone(connection_file, **env):
    """Runs the kernel as Jupyter would, on a connection file it may refuse; returns the finished process."""
    command, spec_env = kernel_command(connection_file)
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env={**os.environ, **spec_env, **env})


def test_a_malformed_connection_file_exits_with_a_clear_message(tmp_path):
    bad = tmp_path / "connection.json"
    bad.write_text("{ this is not json")
    run = start_alone(bad)
    assert run.returncode == 2
    assert "is not a valid Jupyter connection file" in run.stderr
    missing = start_alone(tmp_path / "absent.json")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_jvm_options_come_from_ijava_jvm_opts():
    session = KernelSession(IJAVA_JVM_OPTS="-Xmx321m -Dcnnbook.probe=yes")
    try:
        _, outputs = session.execute('Runtime.getRuntime().maxMemory() / (1024 * 1024) + " " + System.getProperty("cnnbook.probe")')
        max_mb, probe = results(outputs)[0]["text/plain"].split()
        assert 300 <= int(max_mb) <= 330 and probe == "yes"
    finally:
        session.close()


def test_a_bad_timeout_setting_stops_the_kernel_with_an_explanation(tmp_path):
    connection = tmp_path / "c.json"
    connection.write_text(json.dumps({"transport": "tcp", "ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2,
                                      "stdin_port": 3, "control_port": 4, "hb_port": 5,
                                      "signature_scheme": "hmac-sha256", "key": "k"}))
    run = start_alone(connection, IJAVA_TIMEOUT="soon")
    assert run.returncode == 2 and "IJAVA_TIMEOUT='soon'" in run.stderr
