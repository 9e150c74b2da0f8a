"""A real kernel process started through jupyter_client, with helpers to run cells and collect IOPub output."""
import queue
import time

import jupyter_client


class KernelSession:
    def __init__(self, kernel_name="java", startup_timeout=60, stderr=None, **env):
        """`stderr`: a file for the kernel's own error stream (what the server's terminal would show)."""
        self.manager = jupyter_client.KernelManager(kernel_name=kernel_name)
        kwargs = {"env": {**__import__("os").environ, **env}} if env else {}
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


def drain(client, timeout=0.2):
    try:
        while True:
            client.get_iopub_msg(timeout=timeout)
    except queue.Empty:
        pass
