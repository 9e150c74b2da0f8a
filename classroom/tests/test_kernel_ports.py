"""A class starting its kernels at once: when another program takes a port Jupyter chose for a kernel before the
kernel's JVM binds it, the kernel exits and Jupyter restarts it. Under the settings the hub gives every student's
server, the restart gets new ports and the kernel comes up, even when the JVM needed longer than jupyter_client's
default 10 s of "starting" to get there; with jupyter_client's defaults it would be restarted on the same taken
port until Jupyter declared it dead."""
import asyncio
import os
import socket

import pytest
from traitlets.config.loader import KVArgParseConfigLoader, PyFileConfigLoader

pytest.importorskip("jupyterhub", reason="JupyterHub is not installed (make setup puts it into .venv)")
from jupyter_client.ioloop import AsyncIOLoopKernelManager  # noqa: E402

HUB_CONFIG = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hub")
SLOW_START_S = 20  # a JVM starting beside a whole class's: longer than the restarter's default 10 s (+ its first poll)


def student_server_config():
    """The traitlets config a student's server gets from the hub's Spawner.args."""
    hub = PyFileConfigLoader("jupyterhub_config.py", path=HUB_CONFIG).load_config()
    return KVArgParseConfigLoader(argv=[arg for arg in hub.Spawner.args if arg != "--allow-root"]).load_config()


class SlowKernelWithATakenPort(AsyncIOLoopKernelManager):
    """The kernel starts SLOW_START_S late, and another program listens on its first shell port from the moment
    Jupyter writes that port down."""

    taken_port = None
    thief = None

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        return ["/bin/sh", "-c", f'sleep {SLOW_START_S}; exec "$@"', "slow-start"] + command

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if self.thief is None:
            self.taken_port = self.shell_port
            self.thief = socket.socket()
            self.thief.bind(("127.0.0.1", self.taken_port))
            self.thief.listen()


async def start_until_ready(manager, seconds=240):
    """Starts the kernel as a server does (restarter on) and waits for kernel_info, with a new client after each
    restart (a client keeps the ports it was made with); returns how often the kernel was restarted and the shell
    port it answered on (None if it never did)."""
    restarts = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    await manager.start_kernel()
    manager.add_restart_callback(lambda: restarts.append(loop.time()), "restart")
    manager.start_restarter()
    try:
        while loop.time() < deadline:
            while not await manager.is_alive():  # between a restart's announcement and the new process
                if loop.time() > deadline:
                    return len(restarts), None
                await asyncio.sleep(0.5)
            seen = len(restarts)
            client = manager.client()
            client.start_channels()
            try:
                while len(restarts) == seen and loop.time() < deadline:
                    try:
                        await client.wait_for_ready(timeout=5)
                        return len(restarts), manager.shell_port
                    except RuntimeError:  # no answer yet, or the kernel died (the restarter starts it again)
                        await asyncio.sleep(0.5)
            finally:
                client.stop_channels()
        return len(restarts), None
    finally:
        manager.stop_restarter()
        await manager.shutdown_kernel(now=True)
        if manager.thief is not None:
            manager.thief.close()


def test_a_slow_kernel_whose_port_was_taken_comes_back_on_new_ports_under_the_class_settings():
    manager = SlowKernelWithATakenPort(kernel_name="java", config=student_server_config())
    assert manager.cache_ports is False
    restarts, answered_on = asyncio.run(start_until_ready(manager))
    assert answered_on is not None, f"the kernel did not come up after {restarts} restarts (port {manager.taken_port} taken)"
    assert restarts >= 1 and answered_on != manager.taken_port, (restarts, answered_on, manager.taken_port)
