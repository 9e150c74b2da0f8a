"""A real kernel process started through jupyter_client, with helpers to run cells and collect IOPub output."""
import contextlib
import os
import queue
import time

import jupyter_client
from jupyter_client.kernelspec import KernelSpecManager

# The kernelspec the kernel tests talk to: ours, or another one they are compared with
# (environment/compare_kernels.py runs the same tests on JJava with CNNBOOK_KERNEL=jjava)
KERNEL = os.environ.get("CNNBOOK_KERNEL", "java")


def kernel_command(connection_file):
    """The command Jupyter would run for the kernel under test, with this connection file."""
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    return [arg.replace("{connection_file}", str(connection_file)).replace("{resource_dir}", spec.resource_dir)
            for arg in spec.argv], spec.env


class KernelSession:
    def __init__(self, kernel_name=None, startup_timeout=60, stderr=None, **env):
        """`stderr`: a file for the kernel's own error stream (what the server's terminal would show)."""
        self.manager = jupyter_client.KernelManager(kernel_name=kernel_name or KERNEL)
        kwargs = {"env": {**os.environ, **env}} if env else {}
        if stderr is not None:
            kwargs["stderr"] = stderr
        started = time.monotonic()
        self.manager.start_kernel(**kwargs)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=startup_timeout)
        self.startup_seconds = time.monotonic() - started

    def execute(self, code, timeout=120, **kwargs):
        """Runs a cell; returns (reply content, list of (msg_type, content)) of its IOPub messages."""
        msg_id = self.client.execute(code, **kwargs)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=120):
        outputs = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no idle status for {msg_id} within {timeout}s")
            msg = self.client.get_iopub_msg(timeout=remaining)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            outputs.append((msg["msg_type"], msg["content"]))
        reply = self.client.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.client.get_shell_msg(timeout=timeout)
        return reply["content"], outputs

    def close(self):
        try:
            self.client.stop_channels()
        finally:
            self.manager.shutdown_kernel(now=True)


@contextlib.contextmanager
def logged_session(directory, **env):
    """A KernelSession whose own error stream goes to directory/kernel-stderr.log (`session.log`), closed after."""
    log = directory / "kernel-stderr.log"
    with open(log, "w") as stderr:
        session = KernelSession(stderr=stderr, **env)
        session.log = log
        try:
            yield session
        finally:
            session.close()


def drain(client, timeout=0.2):
    try:
        while True:
            client.get_iopub_msg(timeout=timeout)
    except queue.Empty:
        pass
