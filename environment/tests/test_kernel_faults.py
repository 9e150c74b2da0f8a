"""The accidents of a deep-learning class, against the real kernel over ZeroMQ: out of memory, a value whose toString
never ends, Run All past an error, an interrupt the code ignores, a dead Jupyter server, a shutdown while busy, output
floods and progress lines, background threads, the ipc transport. In each case a reply comes and the kernel goes on."""
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time

import jupyter_client
import pytest

from kernel_session import KERNEL, KernelSession, drain, kernel_command

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module")
def kernel():
    session = KernelSession(IJAVA_JVM_OPTS="-Xmx384m")
    session.execute("1 + 1")  # the first cell compiles JShell's wrappers: the timings below are of a warm kernel
    yield session
    session.close()


def errors(outputs):
    return [c for t, c in outputs if t == "error"]


def text_of(outputs, name="stdout"):
    return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == name)


def traceback_of(outputs):
    return "\n".join(errors(outputs)[0]["traceback"])


def assert_still_works(kernel):
    reply, outputs = kernel.execute('"still here"', timeout=30)
    assert reply["status"] == "ok" and outputs[-1][1]["data"]["text/plain"] == "still here"


def test_a_cell_that_fills_the_heap_gets_an_error_with_advice_and_gives_the_memory_back(kernel):
    kernel.execute("int[] small = {1, 2, 3};")
    reply, outputs = kernel.execute("var keep = new java.util.ArrayList<byte[]>();\n"
                                    "while (true) keep.add(new byte[1 << 20]);", timeout=120)
    assert reply["status"] == "error"
    traceback = traceback_of(outputs)
    assert "OutOfMemoryError" in traceback and "ran out of memory; it is still running" in traceback
    assert "set to null: keep" in traceback and "IJAVA_JVM_OPTS=-Xmx8g" in traceback
    reply, outputs = kernel.execute("var again = new byte[100_000_000]; small.length + again.length")
    assert reply["status"] == "ok", traceback_of(outputs)  # the heap is free again; earlier variables are kept
    assert outputs[-1][1]["data"]["text/plain"] == "100000003"


def test_a_value_whose_tostring_recurses_forever_is_an_error_and_the_kernel_goes_on(kernel):
    reply, outputs = kernel.execute('new Object() { public String toString() { return toString() + "!"; } }')
    assert reply["status"] == "error"
    traceback = traceback_of(outputs)
    assert "StackOverflowError" in traceback and "more times" in traceback  # 1024 equal frames folded
    assert len(errors(outputs)[0]["traceback"]) < 60
    assert_still_works(kernel)


def test_a_value_whose_tostring_never_returns_can_be_interrupted(kernel):
    msg_id = kernel.client.execute("new Object() { public String toString() { while (true) { } } }")
    threading.Timer(1.5, kernel.manager.interrupt_kernel).start()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert reply["status"] == "error" and reply["ename"] == "EvaluationInterruptedException"
    assert "may still be running" in traceback_of(outputs)  # the loop ignores the interrupt
    assert_still_works(kernel)


def test_an_interrupt_ignored_by_the_code_is_said_and_an_interrupt_obeyed_is_not(kernel):
    msg_id = kernel.client.execute("Thread.sleep(60_000);")
    threading.Timer(1.0, kernel.manager.interrupt_kernel).start()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert reply["status"] == "error" and "may still be running" not in traceback_of(outputs)


def test_code_that_shows_output_while_it_checks_for_interrupts_stops(kernel):
    """A training loop redrawing its chart: the display goes out through JeroMQ on the cell's thread, which must
    neither consume the interrupt nor be broken by it."""
    msg_id = kernel.client.execute(
        'String id = display("frame 0"); int frames = 0;\n'
        'while (!Thread.interrupted()) { updateDisplay(id, "frame " + ++frames); System.out.println(frames);\n'
        '  for (long until = System.nanoTime() + 1_000_000; System.nanoTime() < until; ) Thread.onSpinWait(); }')
    threading.Timer(2.0, kernel.manager.interrupt_kernel).start()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert reply["status"] == "error" and "Evaluation interrupted" in traceback_of(outputs)
    assert "may still be running" not in traceback_of(outputs)
    reply, outputs = kernel.execute('display("the output channel still works")')
    assert reply["status"] == "ok" and any("still works" in str(o) for o in outputs)


def test_system_exit_in_a_cell_stops_the_cell_not_the_kernel(kernel):
    reply, outputs = kernel.execute("System.exit(2);")
    assert reply["status"] == "error" and "would end the kernel" in traceback_of(outputs)
    assert kernel.manager.is_alive()
    reply, outputs = kernel.execute("40 + 2")
    assert reply["status"] == "ok"


def test_run_all_stops_at_the_first_error_like_ipykernel(kernel):
    client = kernel.client
    drain(client)
    ids = [client.execute(code) for code in ('int ranFirst = 1;', 'throw new IllegalStateException("cell 2");',
                                             'int ranThird = 3;', 'int ranFourth = 4;')]
    replies = {}
    while len(replies) < len(ids):
        reply = client.get_shell_msg(timeout=60)
        if reply["parent_header"]["msg_id"] in ids:  # not a late reply to an earlier request (kernel_info)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [replies[i] for i in ids] == ["ok", "error", "aborted", "aborted"]
    reply, outputs = kernel.execute("ranFirst")
    assert reply["status"] == "ok"
    reply, outputs = kernel.execute("ranThird")
    assert reply["status"] == "error"  # never ran: the variable does not exist


def test_a_request_sent_after_the_error_reply_runs_while_those_queued_before_are_aborted(kernel):
    """Only what was queued when the cell failed is aborted: the kernel takes those off the socket before it sends
    the error reply. It used to abort whatever it could read after the reply, so a request the client sent right
    after it saw the error could come back 'aborted' (seen after an OutOfMemoryError delayed the kernel). Here 300
    queued requests keep the kernel busy answering them while the client sends one more: that one must run."""
    client = kernel.client
    drain(client)
    failing = client.execute('throw new IllegalStateException("stop");')
    queued = [client.execute(f"int neverRuns{i} = {i};") for i in range(300)]
    replies = {}
    while failing not in replies:
        reply = client.get_shell_msg(timeout=60)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    after = client.execute("int ranAfterTheReply = 7;")  # the client saw the error: this one is new, it runs
    while len(replies) < len(queued) + 2:
        reply = client.get_shell_msg(timeout=60)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert replies[failing] == "error"
    assert {replies[q] for q in queued} == {"aborted"}, "everything queued before the failure is aborted"
    assert replies[after] == "ok"


def test_a_request_sent_right_after_an_out_of_memory_error_runs(kernel):
    """The case the race was seen in: after an OutOfMemoryError the kernel collects garbage once the reply is out,
    which gave a request sent right after the reply time to arrive and be aborted."""
    client = kernel.client
    drain(client)
    for round_ in range(3):
        failing = client.execute("var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1 << 20]);")
        reply = client.get_shell_msg(timeout=120)
        while reply["parent_header"]["msg_id"] != failing:
            reply = client.get_shell_msg(timeout=120)
        assert reply["content"]["status"] == "error"
        after = client.execute("1 + 1")
        reply = client.get_shell_msg(timeout=120)
        while reply["parent_header"]["msg_id"] != after:
            reply = client.get_shell_msg(timeout=120)
        assert reply["content"]["status"] == "ok", f"round {round_}: {reply['content']}"


def test_without_stop_on_error_the_queued_cells_run(kernel):
    client = kernel.client
    drain(client)
    ids = [client.execute('throw new IllegalStateException("allowed");', stop_on_error=False),
           client.execute('int ranAfterAllowedError = 5;')]
    replies = {}
    while len(replies) < len(ids):
        reply = client.get_shell_msg(timeout=60)
        if reply["parent_header"]["msg_id"] in ids:  # not a late reply to an earlier request (kernel_info)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [replies[i] for i in ids] == ["error", "ok"]


def test_a_progress_line_ending_in_carriage_return_is_seen_while_the_cell_runs(kernel):
    msg_id = kernel.client.execute('System.out.print("step 1 of 2\\r"); Thread.sleep(2000); System.out.println("done");')
    started = time.monotonic()
    while True:
        msg = kernel.client.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            assert msg["content"]["text"] == "step 1 of 2\r"
            assert time.monotonic() - started < 1.5, "the progress line waited for the end of the cell"
            break
    kernel.collect(msg_id, timeout=30)


def test_a_flood_of_output_arrives_in_few_messages_and_complete(kernel):
    reply, outputs = kernel.execute("for (int i = 0; i < 1_000_000; i++) System.out.println(i);", timeout=300)
    assert reply["status"] == "ok"
    streams = [c for t, c in outputs if t == "stream"]
    text = "".join(c["text"] for c in streams)
    lines = text.splitlines()
    print(f"1,000,000 lines arrived in {len(streams)} stream messages")
    assert len(streams) < 2000
    assert len(lines) == 1_000_000 and lines[0] == "0" and lines[-1] == "999999"


def test_output_of_a_background_thread_reaches_the_notebook_not_the_terminal(kernel):
    reply, _ = kernel.execute('new Thread(() -> { try { Thread.sleep(1500); } catch (InterruptedException e) { }\n'
                              '  System.out.println("from the background"); }).start();')
    assert reply["status"] == "ok"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        msg = kernel.client.get_iopub_msg(timeout=15)
        if msg["msg_type"] == "stream" and "from the background" in msg["content"]["text"]:
            return
    pytest.fail("the background thread's output never reached the notebook")


def test_the_kernel_exits_when_the_process_that_started_it_dies(tmp_path):
    pid_file = tmp_path / "kernel.pid"
    starter = tmp_path / "starter.py"
    starter.write_text(textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {HERE!r})
        import jupyter_client
        manager = jupyter_client.KernelManager(kernel_name={KERNEL!r})
        manager.start_kernel()
        client = manager.client(); client.start_channels(); client.wait_for_ready(timeout=60)
        open({str(pid_file)!r}, "w").write(str(manager.provisioner.pid))
        time.sleep(600)
        """))
    parent = subprocess.Popen([sys.executable, str(starter)], env=os.environ.copy())
    try:
        deadline = time.monotonic() + 90
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline and parent.poll() is None, "the starter did not start a kernel"
            time.sleep(0.2)
        kernel_pid = int(pid_file.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        killed = time.monotonic()
        while alive(kernel_pid):
            assert time.monotonic() - killed < 15, "the kernel outlived the process that started it"
            time.sleep(0.2)
        print(f"kernel gone {time.monotonic() - killed:.1f} s after its parent was killed")
    finally:
        if parent.poll() is None:
            parent.kill()


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_shutdown_request_ends_a_busy_kernel_with_exit_code_0():
    session = KernelSession()
    session.client.execute("while (true) { }")  # ignores interrupts
    time.sleep(1.0)
    process = session.manager.provisioner.process
    session.client.shutdown()
    try:
        code = process.wait(timeout=15)
    finally:
        session.client.stop_channels()
        session.manager.cleanup_resources()
    assert code == 0


def test_the_ipc_transport_is_refused_at_once_with_the_reason(tmp_path):
    """JeroMQ emulates ipc with loopback TCP that jupyter_client cannot reach: the kernel says so instead of waiting."""
    manager = jupyter_client.KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(tmp_path / "kernel-ipc"))
    log = tmp_path / "stderr.log"
    with open(log, "w") as stderr:
        manager.start_kernel(stderr=stderr)
        try:
            assert manager.provisioner.process.wait(timeout=30) == 2
        finally:
            manager.cleanup_resources()
    assert "supports only the tcp transport, not 'ipc'" in log.read_text()


def test_a_port_taken_before_the_kernel_binds_it_ends_the_kernel_with_the_reason(tmp_path):
    """The port race of many kernels starting at once: Jupyter chose a port, another program took it before the
    JVM bound it. The kernel must exit (Jupyter then restarts it on new ports), not live on half-connected."""
    manager = jupyter_client.KernelManager(kernel_name=KERNEL, connection_file=str(tmp_path / "kernel.json"))
    manager.write_connection_file()
    command, env = kernel_command(manager.connection_file)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", manager.iopub_port))
        taken.listen(1)
        kernel = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = kernel.communicate(timeout=60)
        finally:
            kernel.kill()
    assert kernel.returncode == 1, output
    assert "could not open the ports Jupyter gave it" in output
