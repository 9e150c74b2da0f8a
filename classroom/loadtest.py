"""A class at work, simulated through a running hub's REST API (loopback only): N students log in (a token each),
start their servers, and each runs notebooks 01-04 (exercises solved, quick mode) cell by cell on a java kernel
of their own, all at the same time. Measured: every kernel's peak RSS, the total RSS of kernels and servers, wall
time, and every error (a failed cell, an HTTP error from hub or proxy, a kernel that died).

    python3 classroom/loadtest.py --hub http://127.0.0.1:8000 --token ADMIN_TOKEN [--students 20]

(the token of the hub's classroom-admin service: CNNBOOK_HUB_ADMIN_TOKEN when the hub started).
"""
import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.iostream import StreamClosedError
from tornado.websocket import WebSocketError, websocket_connect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "notebooks"))
import nbformat  # noqa: E402
import run_series  # noqa: E402

NOTEBOOKS = ["01-loading-mnist.ipynb", "02-normalizing.ipynb", "03-reshaping.ipynb", "04-one-hot-encoding.ipynb"]
CELL_TIMEOUT = 900
CONNECT_TIMEOUT = 240  # longer than the server's own wait for kernel_info (180 s in the class's config)
RESTARTED = ("restarting", "autorestarting", "dead")
LOAD_TIMEOUT = int(os.environ.get("CNNBOOK_LOAD_TIMEOUT", "2400"))  # the whole class, so that the test ends by itself


class Report:
    def __init__(self):
        self.errors = []
        self.http_errors = 0
        self.kernels_died = 0
        self.reconnects = 0
        self.cells = 0
        self.finished = set()

    def error(self, student, text):
        self.errors.append(f"{student}: {text}")


class Hub:
    def __init__(self, url, token, report):
        self.url = url.rstrip("/")
        self.token = token
        self.report = report
        self.http = AsyncHTTPClient(max_clients=64)

    async def call(self, method, path, body=None, token=None, ok=(200, 201, 202, 204)):
        request = HTTPRequest(self.url + path, method=method, headers={"Authorization": f"token {token or self.token}"},
                              body=None if body is None else json.dumps(body), allow_nonstandard_methods=True,
                              request_timeout=300)
        try:
            response = await self.http.fetch(request, raise_error=False)
        except Exception as error:  # connection refused, reset: the hub or proxy failed
            self.report.http_errors += 1
            raise RuntimeError(f"{method} {path}: {error}") from None
        if response.code not in ok:
            self.report.http_errors += 1
            raise RuntimeError(f"{method} {path}: HTTP {response.code} {response.body[:300]!r}")
        return json.loads(response.body) if response.body else None


def message(msg_type, content, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "loadtest", "session": session,
                       "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}


CONNECTION_ERRORS = (ConnectionError, HTTPClientError, OSError, WebSocketError, StreamClosedError, asyncio.TimeoutError)


async def kernel_channel(url, token, session, timeout):
    """The kernel websocket at `url`, once the kernel answered kernel_info through it (within `timeout` seconds).
    The server completes the handshake only once the kernel answered its own kernel_info (or its wait ran out): this
    waits as long as a browser does, not tornado's default 20 s. Raises one of CONNECTION_ERRORS otherwise."""
    deadline = time.monotonic() + timeout
    connection = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"},
                                                     connect_timeout=min(60, timeout), request_timeout=timeout),
                                         max_message_size=256 * 1024 * 1024)
    request = message("kernel_info_request", {}, session)
    await connection.write_message(json.dumps(request))
    while True:
        raw = await asyncio.wait_for(connection.read_message(), max(1, deadline - time.monotonic()))
        if raw is None:
            raise ConnectionError("closed before the kernel answered")
        reply = json.loads(raw)
        if reply.get("msg_type") == "status" and reply["content"].get("execution_state") in RESTARTED:
            connection.close()
            raise ConnectionError("the kernel was restarted (e.g. its ports were taken as it started)")
        if reply.get("parent_header", {}).get("msg_id") == request["header"]["msg_id"] \
                and reply.get("msg_type") == "kernel_info_reply":
            return connection


async def connect_when_ready(hub, student, token, kernel_id, session, report, attempts=5):
    """The kernel's websocket once the kernel answers kernel_info, as JupyterLab connects: when a whole class starts
    JVMs at once, a kernel can take longer than the server waits (it then closes the socket), and the page tries
    again. Each extra attempt is counted in the report."""
    url = (hub.url.replace("http", "ws", 1) + f"/user/{student}/api/kernels/{kernel_id}/channels?session_id={session}")
    for attempt in range(1, attempts + 1):
        try:
            return await kernel_channel(url, token, session, CONNECT_TIMEOUT)
        except CONNECTION_ERRORS as error:
            if attempt == attempts:
                raise RuntimeError(f"no connection to the kernel after {attempts} attempts: {error}") from None
            report.reconnects += 1
            await asyncio.sleep(2 * attempt)


async def run_notebook(hub, student, token, name, report):
    """Runs the solved notebook `name` on a new java kernel of the student's server; returns the failed cells."""
    kernel = await hub.call("POST", f"/user/{student}/api/kernels", {"name": "java"}, token=token)
    session = uuid.uuid4().hex
    connection = await connect_when_ready(hub, student, token, kernel["id"], session, report)
    notebook = run_series.solved(nbformat.read(os.path.join(run_series.HERE, name), as_version=4), name)
    try:
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            request = message("execute_request", {"code": cell.source, "silent": False, "store_history": True,
                                                  "user_expressions": {}, "allow_stdin": False,
                                                  "stop_on_error": True}, session)
            await connection.write_message(json.dumps(request))
            deadline = time.monotonic() + CELL_TIMEOUT
            failed = False
            while True:
                raw = await asyncio.wait_for(connection.read_message(), max(1, deadline - time.monotonic()))
                if raw is None:
                    raise RuntimeError(f"{name} cell {index}: the kernel's connection closed")
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") != request["header"]["msg_id"]:
                    continue
                kind = reply.get("msg_type")
                if kind == "status" and reply["content"].get("execution_state") in RESTARTED:
                    report.kernels_died += 1
                    raise RuntimeError(f"{name} cell {index}: the kernel died")
                if kind == "error":
                    report.error(student, f"{name} cell {index}: {reply['content']['ename']}: {reply['content']['evalue'][:300]}")
                    failed = True
                if kind == "execute_reply":
                    report.cells += 1
                    # the error's iopub message may come after the shell's reply: the reply's status tells as well
                    if reply["content"].get("status") == "error" and not failed:
                        report.error(student, f"{name} cell {index}: {reply['content'].get('ename')}: "
                                              f"{str(reply['content'].get('evalue'))[:300]}")
                    break
    finally:
        connection.close()
        await hub.call("DELETE", f"/user/{student}/api/kernels/{kernel['id']}", token=token)


async def one_student(hub, student, report, started):
    try:
        await hub.call("POST", "/hub/api/users", {"usernames": [student]}, ok=(201, 409))
        token = (await hub.call("POST", f"/hub/api/users/{student}/tokens",
                                {"note": "load test", "expires_in": 7200}))["token"]
        await hub.call("POST", f"/hub/api/users/{student}/server", {})
        while not (await hub.call("GET", f"/hub/api/users/{student}"))["servers"].get("", {}).get("ready"):
            await asyncio.sleep(1)
        started[student] = time.monotonic()
        for name in NOTEBOOKS:
            await run_notebook(hub, student, token, name, report)
        report.finished.add(student)
    except Exception as error:
        report.error(student, str(error))


def java_kernels_and_servers():
    """{pid: (kind, rss bytes)} for this machine's java kernels and single-user servers."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                command = f.read().replace(b"\0", b" ").decode(errors="replace")
            kind = "kernel" if "java-kernel.jar" in command else "server" if "jupyterhub-singleuser" in command else None
            if kind:
                with open(f"/proc/{pid}/status") as f:
                    rss = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
                found[int(pid)] = (kind, rss)
        except (OSError, StopIteration):
            continue
    return found


async def sample_memory(peaks, totals, stop):
    while not stop.is_set():
        now = java_kernels_and_servers()
        for pid, (kind, rss) in now.items():
            peaks[pid] = (kind, max(rss, peaks.get(pid, (kind, 0))[1]))
        totals.append(sum(rss for _, rss in now.values()))
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass


async def load_test(hub_url, token, students, prefix="student", measure_servers=None):
    """The class at work; `measure_servers(names)`, if given, adds what it returns to the report while every
    server still runs."""
    report = Report()
    hub = Hub(hub_url, token, report)
    peaks, totals, stop, started = {}, [], asyncio.Event(), {}
    sampler = asyncio.create_task(sample_memory(peaks, totals, stop))
    begin = time.monotonic()
    names = [f"{prefix}{i:02d}" for i in range(1, students + 1)]
    try:
        await asyncio.wait_for(asyncio.gather(*(one_student(hub, name, report, started) for name in names)),
                               LOAD_TIMEOUT)
    except asyncio.TimeoutError:
        report.error("the class", f"not done after {LOAD_TIMEOUT} s; stopped")
    wall = time.monotonic() - begin
    stop.set()
    await sampler
    measured = measure_servers(names) if measure_servers else {}
    for name in names:  # the class goes home: servers stop
        try:
            await hub.call("DELETE", f"/hub/api/users/{name}/server")
        except RuntimeError:
            pass
    kernel_peaks = sorted(rss for kind, rss in peaks.values() if kind == "kernel")
    server_peaks = sorted(rss for kind, rss in peaks.values() if kind == "server")
    mib = 1024 * 1024
    return {
        "students": students, "finished": len(report.finished), "wall_seconds": round(wall, 1),
        "cells_run": report.cells, "errors": report.errors, "http_errors": report.http_errors,
        "kernels_died": report.kernels_died, "reconnects": report.reconnects, "kernels": len(kernel_peaks),
        "kernel_peak_rss_mib": {"max": round(max(kernel_peaks, default=0) / mib),
                                "median": round(statistics.median(kernel_peaks) / mib) if kernel_peaks else 0},
        "server_peak_rss_mib": {"max": round(max(server_peaks, default=0) / mib),
                                "median": round(statistics.median(server_peaks) / mib) if server_peaks else 0},
        "total_peak_rss_mib": round(max(totals, default=0) / mib),
        **measured,
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hub", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--students", type=int, default=20)
    args = parser.parse_args(argv)
    result = asyncio.run(load_test(args.hub, args.token, args.students))
    print(json.dumps(result, indent=1))
    return 0 if result["finished"] == args.students and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
