"""What a student does in their server, driven through the hub's proxy as JupyterLab does it: run a Java cell on a
java kernel of their own, or a command in a terminal."""
import asyncio
import json
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

import loadtest


async def _call(base, method, path, token, body=None):
    request = HTTPRequest(base + path, method=method, headers={"Authorization": f"token {token}"},
                          body=None if body is None else json.dumps(body), allow_nonstandard_methods=True,
                          request_timeout=300)
    response = await AsyncHTTPClient().fetch(request)
    return json.loads(response.body) if response.body else None


class CellResult:
    def __init__(self):
        self.stdout = ""
        self.error = None  # (ename, evalue) of an error reply
        self.kernel_died = False

    @property
    def text(self):
        return self.stdout + (f"\n{self.error[0]}: {self.error[1]}" if self.error else "")


async def _run_cells(server, token, cells, timeout):
    kernel = await _call(server, "POST", "/api/kernels", token, {"name": "java"})
    session = uuid.uuid4().hex
    url = server.replace("http", "ws", 1) + f"/api/kernels/{kernel['id']}/channels?session_id={session}"
    connection = await loadtest.kernel_channel(url, token, session, loadtest.CONNECT_TIMEOUT)
    results = []
    try:
        for code in cells:
            result = CellResult()
            results.append(result)
            request = loadtest.message("execute_request", {"code": code, "silent": False, "store_history": True,
                                                           "user_expressions": {}, "allow_stdin": False,
                                                           "stop_on_error": True}, session)
            await connection.write_message(json.dumps(request))
            deadline = time.monotonic() + timeout
            replied = idle = False  # the reply (shell) can come before the cell's last output (iopub): wait for both
            while not (replied and idle):
                raw = await asyncio.wait_for(connection.read_message(), max(1, deadline - time.monotonic()))
                if raw is None:
                    result.kernel_died = True
                    return results
                reply = json.loads(raw)
                kind = reply.get("msg_type")
                if kind == "status" and reply["content"].get("execution_state") in loadtest.RESTARTED:
                    result.kernel_died = True
                    return results
                if reply.get("parent_header", {}).get("msg_id") != request["header"]["msg_id"]:
                    continue
                if kind == "stream":
                    result.stdout += reply["content"]["text"]
                elif kind == "error":
                    result.error = (reply["content"]["ename"], reply["content"]["evalue"])
                elif kind == "execute_reply":
                    replied = True
                elif kind == "status" and reply["content"].get("execution_state") == "idle":
                    idle = True
    finally:
        connection.close()
        try:
            await _call(server, "DELETE", f"/api/kernels/{kernel['id']}", token)
        except Exception:  # a kernel that died is gone already
            pass
    return results


def server_url(hub_url, student):
    """Where the hub's proxy serves the student's server."""
    return f"{hub_url}/user/{student}"


def run_java(server, token, *cells, timeout=300):
    """Runs `cells` one after another on a new java kernel of the Jupyter server at `server` (server_url() for a
    student's); a CellResult for each."""
    return asyncio.run(_run_cells(server, token, cells, timeout))


async def _terminal(server, token, command, timeout):
    terminal = await _call(server, "POST", "/api/terminals", token, {})
    url = server.replace("http", "ws", 1) + f"/terminals/websocket/{terminal['name']}"
    connection = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
    marker = uuid.uuid4().hex
    output = ""
    try:
        await connection.write_message(json.dumps(["stdin", f"{command}; echo {marker[:8]}''{marker[8:]} $?\r"]))
        deadline = time.monotonic() + timeout
        while marker not in output:
            raw = await asyncio.wait_for(connection.read_message(), max(1, deadline - time.monotonic()))
            if raw is None:
                break
            kind, *rest = json.loads(raw)
            if kind == "stdout":
                output += rest[0]
    finally:
        connection.close()
        try:
            await _call(server, "DELETE", f"/api/terminals/{terminal['name']}", token)
        except HTTPClientError as e:  # 404: its shell has ended and the server removed it already
            if e.code != 404:
                raise
    before, _, after = output.partition(marker)
    return before, int(after.split()[0]) if after.split() else None


def run_in_terminal(server, token, command, timeout=120):
    """Types `command` into a new terminal of the server at `server`; returns (what it printed, its exit status)."""
    return asyncio.run(_terminal(server, token, command, timeout))
