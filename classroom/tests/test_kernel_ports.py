"""A class starting its kernels at once: when another program takes a port Jupyter chose for a kernel before the
kernel's JVM binds it, the kernel exits and Jupyter restarts it. Under the settings the hub gives every student's
server, the restart gets new ports and the kernel comes up, even when the JVM needed longer than jupyter_client's
default 10 s of "starting" to get there; with jupyter_client's defaults it would be restarted on the same taken
port until Jupyter declared it dead."""
import asyncio
import os
import signal
import time
import uuid

import pytest
from traitlets.config.loader import KVArgParseConfigLoader

pytest.importorskip("jupyterhub", reason="JupyterHub is not installed (make setup puts it into .venv)")
from jupyter_client.ioloop import AsyncIOLoopKernelManager  # noqa: E402

from loadtest import CONNECTION_ERRORS, kernel_channel  # noqa: E402
from single_server import StudentServer, hub_config  # noqa: E402
from taken_port_kernels import with_a_taken_port  # noqa: E402

SLOW_START_S = 20  # a JVM starting beside a whole class's: longer than the restarter's default 10 s (+ its first poll)


def student_server_config():
    """The traitlets config a student's server gets from the hub's Spawner.args."""
    return KVArgParseConfigLoader(argv=[arg for arg in hub_config().Spawner.args if arg != "--allow-root"]).load_config()


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
        manager.release_the_port()


def test_a_slow_kernel_whose_port_was_taken_comes_back_on_new_ports_under_the_class_settings():
    manager = with_a_taken_port(AsyncIOLoopKernelManager, SLOW_START_S)(kernel_name="java",
                                                                        config=student_server_config())
    assert manager.cache_ports is False
    restarts, answered_on = asyncio.run(start_until_ready(manager))
    assert answered_on is not None, f"the kernel did not come up after {restarts} restarts (port {manager.taken_port} taken)"
    assert restarts >= 1 and answered_on != manager.taken_port, (restarts, answered_on, manager.taken_port)


async def open_page(server, kernel_id, session, seconds):
    """What a student's page does: open the kernel's websocket and ask for kernel_info, again after every failed
    or closed attempt; returns the open connection once the kernel answered, or None after `seconds`."""
    url = server.url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={session}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return await kernel_channel(url, server.token, session, deadline - time.monotonic())
        except CONNECTION_ERRORS:
            await asyncio.sleep(1)
    return None


async def reaches(server, kernel_id, seconds):
    """True if a page reaches the kernel within `seconds`."""
    page = await open_page(server, kernel_id, uuid.uuid4().hex, seconds)
    if page is None:
        return False
    page.close()
    return True


async def closed_within(connection, seconds):
    """True if the server closes `connection` within `seconds` (messages before that are read and dropped)."""
    deadline = time.monotonic() + seconds
    try:
        while await asyncio.wait_for(connection.read_message(), max(0.1, deadline - time.monotonic())) is not None:
            pass
        return True
    except asyncio.TimeoutError:
        return False


def kernel_pid(kernel_id):
    """The pid of the kernel process started with kernel_id's connection file."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if f"kernel-{kernel_id}.json".encode() in f.read() and "java" in os.readlink(f"/proc/{pid}/exe"):
                    return int(pid)
        except OSError:
            continue
    raise AssertionError(f"no kernel process for {kernel_id}")


def test_a_students_server_reaches_a_kernel_that_came_back_on_new_ports(tmp_path):
    """jupyter_server watches a kernel's status on its first ports; after the restarter brought the kernel back on
    new ones, the status stayed "starting" and no websocket got through (the load test's hang). The hub's kernel
    manager class watches the new ports."""
    server = StudentServer(str(tmp_path), take_a_port=True)
    try:
        kernel = server.api("POST", "/api/kernels", {"name": "java"})
        reached = asyncio.run(reaches(server, kernel["id"], seconds=150))
        log = server.log()
        assert "restarting kernel (1/5), new random ports" in log, "the kernel's port was not taken:\n" + log[-3000:]
        assert reached, "no kernel_info through the websocket in 150 s:\n" + log[-3000:]
        assert server.api("GET", f"/api/kernels/{kernel['id']}")["execution_state"] == "idle"
    finally:
        server.stop()


def test_a_page_connected_when_its_kernel_died_reconnects_to_it_on_its_new_ports(tmp_path):
    """A kernel killed in its first minutes (e.g. by the machine) comes back on new ports; the page that was
    connected had its channels on the old ones. The server closes its websocket, and the page's reconnection (same
    session, as JupyterLab's) reaches the kernel."""
    server = StudentServer(str(tmp_path), take_a_port=False)
    try:
        kernel = server.api("POST", "/api/kernels", {"name": "java"})
        session = uuid.uuid4().hex

        async def page_through_a_kernel_death():
            page = await open_page(server, kernel["id"], session, seconds=120)
            assert page is not None, "the kernel never answered:\n" + server.log()[-3000:]
            os.kill(kernel_pid(kernel["id"]), signal.SIGKILL)
            assert await closed_within(page, 60), "the connected page was left on the old ports:\n" + server.log()[-3000:]
            again = await open_page(server, kernel["id"], session, seconds=120)
            assert again is not None, "no kernel_info after reconnecting:\n" + server.log()[-3000:]
            again.close()

        asyncio.run(page_through_a_kernel_death())
        assert "new random ports" in server.log()
    finally:
        server.stop()
