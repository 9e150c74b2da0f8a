"""Jupyter widgets over ZeroMQ: the kernel speaks ipywidgets 8's protocol (2.1.0) to a client that behaves as
JupyterLab's widget manager does (it opens the jupyter.widget.control comm, sends updates, custom messages and
buffers), and drops with a log line what a page should never send."""
import importlib.metadata
import os
import time

import pytest

from kernel_session import KernelSession, drain, logged_session

WIDGET = "org.cnnbook.kernel.widget.AnyWidget"
ESM = 'export default { render({ model, el }) { el.textContent = "count " + model.get("count"); } }'


class Page:
    """The messages a widget front end sends, on the session's shell channel."""

    def __init__(self, session):
        self.session = session
        self.client = session.client

    def send(self, msg_type, content, buffers=()):
        msg = self.client.session.msg(msg_type, content)
        msg["buffers"] = list(buffers)
        self.client.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def open_control(self):
        self.control = "control-comm-1"
        self.send("comm_open", {"comm_id": self.control, "target_name": "jupyter.widget.control", "data": {}})
        return self.control

    def comm_msg(self, comm_id, data, buffers=()):
        return self.send("comm_msg", {"comm_id": comm_id, "data": data}, buffers)

    def iopub_until(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.client.get_iopub_msg(timeout=deadline - time.monotonic())
            if predicate(msg):
                return msg
        raise AssertionError("the kernel sent no such message")


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    with logged_session(tmp_path_factory.mktemp("widgets")) as session:
        session.page = Page(session)
        session.page.open_control()
        session.execute("1 + 1")  # the control comm is open once a later request has been answered
        yield session


def value(kernel, code):
    _, outputs = kernel.execute(code)
    errors = [c for t, c in outputs if t == "error"]
    assert not errors, errors
    return next(c["data"]["text/plain"] for t, c in outputs if t == "execute_result")


def show_widget(kernel, name, setup=""):
    """Runs a cell that ends with a new widget; returns (its comm_open message, its execute_result content)."""
    msg_id = kernel.client.execute(f'var {name} = new {WIDGET}("""\n{ESM}""").set("count", 1)'
                                   f'.set("pixels", new byte[] {{1, 2, 3}});\n{setup}\n{name}')
    opened, result = None, None
    while result is None:
        msg = kernel.client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "comm_open":
            opened = msg
        elif msg["msg_type"] == "execute_result":
            result = msg["content"]
        elif msg["msg_type"] == "error":
            pytest.fail(str(msg["content"]))
    drain(kernel.client)
    return opened, result


def test_a_widget_opens_with_its_state_buffers_and_the_protocol_version(kernel):
    opened, result = show_widget(kernel, "shown")
    content = opened["content"]
    assert content["target_name"] == "jupyter.widget" and opened["metadata"]["version"] == "2.1.0"
    state = content["data"]["state"]
    assert state["_model_module"] == "anywidget" and state["_model_name"] == "AnyModel"
    assert state["_view_name"] == "AnyView" and state["_esm"].startswith("export default")
    assert state["count"] == 1 and "pixels" not in state
    assert content["data"]["buffer_paths"] == [["pixels"]] and [bytes(b) for b in opened["buffers"]] == [b"\1\2\3"]
    view = result["data"]["application/vnd.jupyter.widget-view+json"]
    assert view == {"model_id": content["comm_id"], "version_major": 2, "version_minor": 1}
    assert "JupyterLab" in result["data"]["text/plain"]


def test_the_front_end_version_is_the_installed_anywidgets():
    major, minor, _ = importlib.metadata.version("anywidget").split(".", 2)
    assert anywidget_version_in_the_kernel() == f"~{major}.{minor}.*", "AnyWidget.FRONT_END_VERSION and the lock differ"


def anywidget_version_in_the_kernel():
    session = KernelSession()
    try:
        return value(session, f"{WIDGET}.FRONT_END_VERSION").strip('"')
    finally:
        session.close()


def test_a_change_in_the_page_reaches_the_java_listeners_and_the_state(kernel):
    opened, _ = show_widget(kernel, "heard", 'var seen = new java.util.ArrayList<Object>();\n'
                                             'heard.onChange("count", seen::add);')
    comm = opened["content"]["comm_id"]
    kernel.page.comm_msg(comm, {"method": "update", "state": {"count": 5, "label": "five"}, "buffer_paths": []})
    kernel.page.comm_msg(comm, {"method": "update", "state": {}, "buffer_paths": [["pixels"]]}, [b"\7\7"])
    assert value(kernel, "seen") == "[5]"
    assert value(kernel, 'heard.get("label") + " " + java.util.Arrays.toString((byte[]) heard.get("pixels"))') \
        == "five [7, 7]"


def test_a_value_set_in_java_is_sent_to_the_page(kernel):
    opened, _ = show_widget(kernel, "told")
    comm = opened["content"]["comm_id"]
    kernel.client.execute('told.set("count", 7).set("image", new byte[] {4, 2});')
    updates = []
    while len(updates) < 2:
        msg = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg")
        assert msg["content"]["comm_id"] == comm
        updates.append(msg)
    assert updates[0]["content"]["data"] == {"method": "update", "state": {"count": 7}, "buffer_paths": []}
    assert updates[1]["content"]["data"]["buffer_paths"] == [["image"]]
    assert [bytes(b) for b in updates[1]["buffers"]] == [b"\4\2"]


def test_custom_messages_go_both_ways_with_their_buffers(kernel):
    opened, _ = show_widget(kernel, "talks", 'var said = new java.util.ArrayList<String>();\n'
                                             'talks.onMessage((content, buffers) -> said.add(content.get("stroke") '
                                             '+ " with " + buffers.size() + " buffer of " + buffers.get(0).length));')
    comm = opened["content"]["comm_id"]
    kernel.page.comm_msg(comm, {"method": "custom", "content": {"stroke": "ended"}}, [b"abcd"])
    assert value(kernel, "said") == "[ended with 1 buffer of 4]"
    kernel.client.execute('talks.send(java.util.Map.of("answer", 3), new byte[] {9});')
    msg = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg")
    assert msg["content"]["data"] == {"method": "custom", "content": {"answer": 3}}
    assert [bytes(b) for b in msg["buffers"]] == [b"\t"]


def test_a_reloaded_page_gets_every_open_models_state(kernel):
    opened, _ = show_widget(kernel, "remembered")
    comm = opened["content"]["comm_id"]
    kernel.page.comm_msg(kernel.page.control, {"method": "request_states"})
    reply = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg"
                                    and m["content"]["comm_id"] == kernel.page.control)
    data = reply["content"]["data"]
    assert data["method"] == "update_states"
    model = data["states"][comm]
    assert model["model_name"] == "AnyModel" and model["model_module"] == "anywidget"
    assert model["state"]["count"] == 1
    position = data["buffer_paths"].index([comm, "state", "pixels"])
    assert bytes(reply["buffers"][position]) == b"\1\2\3"


def test_comm_info_lists_the_open_widgets(kernel):
    opened, _ = show_widget(kernel, "listed")
    reply = kernel.client.comm_info(target_name="jupyter.widget", reply=True, timeout=30)
    comms = reply["content"]["comms"]
    assert comms[opened["content"]["comm_id"]] == {"target_name": "jupyter.widget"}


def test_a_page_without_widgets_gets_the_text_and_no_model(tmp_path):
    """nbconvert and nbgrader: no comm is opened, so no widget state goes into the saved notebook."""
    session = KernelSession()
    try:
        _, outputs = session.execute(f'new {WIDGET}("export default {{}}")')
        assert not [t for t, _ in outputs if t == "comm_open"]
        result = next(c for t, c in outputs if t == "execute_result")
        assert list(result["data"]) == ["text/plain"]
    finally:
        session.close()


def test_a_failing_listener_is_reported_and_the_others_still_run(kernel):
    opened, _ = show_widget(kernel, "fragile", 'var after = new java.util.ArrayList<Object>();\n'
                                               'fragile.onChange("count", v -> { throw new IllegalStateException('
                                               '"listener broke"); });\nfragile.onChange("count", after::add);')
    kernel.page.comm_msg(opened["content"]["comm_id"], {"method": "update", "state": {"count": 2}})
    assert value(kernel, "after") == "[2]"
    assert "listener broke" in kernel.log.read_text()


def test_messages_a_page_should_never_send_are_dropped_and_logged(kernel):
    opened, _ = show_widget(kernel, "target", 'var changes = new java.util.ArrayList<Object>();\n'
                                              'target.onChange("count", changes::add);')
    comm = opened["content"]["comm_id"]
    before = kernel.log.read_text().count("Dropped a message")
    page = kernel.page
    page.comm_msg("no-such-comm", {"method": "update", "state": {"count": 1}})
    page.comm_msg(comm, {"state": {"count": 2}})  # no method
    page.comm_msg(comm, {"method": "explode"})
    page.comm_msg(comm, {"method": "update", "state": "not an object"})
    page.comm_msg(comm, {"method": "update", "state": {"count": 3}, "buffer_paths": [["a"], ["b"]]}, [b"x"])
    page.comm_msg(comm, {"method": "update", "state": {"count": 4}, "buffer_paths": [["deep", "er"]]}, [b"x"])
    page.comm_msg(comm, {"method": "custom", "content": [1, 2]})
    page.send("comm_open", {"comm_id": "c2", "target_name": "no.such.target", "data": {}})
    page.send("comm_close", {"comm_id": "never-opened", "data": {}})
    page.comm_msg(page.control, {"method": "what"})
    assert value(kernel, "changes") == "[]", "a refused update changed the state"
    assert value(kernel, 'target.get("count")') == "1"
    time.sleep(0.5)
    assert kernel.log.read_text().count("Dropped a message") >= before + 8


def test_a_flood_of_updates_is_handled_in_order_and_the_kernel_answers(kernel):
    opened, _ = show_widget(kernel, "flooded", 'var last = new java.util.concurrent.atomic.AtomicLong();\n'
                                               'flooded.onChange("count", v -> last.set((Long) v));')
    comm = opened["content"]["comm_id"]
    for n in range(1, 5001):
        kernel.page.comm_msg(comm, {"method": "update", "state": {"count": n}, "buffer_paths": []})
    assert value(kernel, "last.get()") == "5000"
    assert value(kernel, '"still here"') == "still here"


LIB = os.path.join(os.path.dirname(__file__), "..", "..", "lib", "target")
PAD_CELL = """lineMagic("classpath", List.of("{lib}/cnnbook-lib.jar", "{lib}/lib/*.jar"));
var pad = new org.cnnbook.draw.DrawingPad(org.cnnbook.model.Models.corrected(),
        d -> d.inverted().croppedToInk().scaledToFit(20).centredByMassIn(28), java.nio.file.Path.of("{kept}"));
pad.show()"""


def pad_update(kernel, request):
    """The pad's answer to `request`: (its reading, its buffers)."""
    msg = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg"
                                  and m["content"]["data"].get("state", {}).get("reading", {}).get("request") == request,
                                  timeout=60)
    return msg["content"]["data"], [bytes(b) for b in msg["buffers"]]


def test_lib_drawing_pad_answers_each_stroke_and_reports_what_it_cannot_read(kernel, tmp_path):
    """Notebook 8's pad (lib's org.cnnbook.draw) as a page uses it: strokes in, a reading with the 28x28 picture out;
    strokes that are not strokes get a reading with the error, and Keep saves a PNG. The kernel lives on."""
    msg_id = kernel.client.execute(PAD_CELL.format(lib=os.path.abspath(LIB), kept=tmp_path))
    opened = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_open" and m["parent_header"].get("msg_id") == msg_id,
                                     timeout=120)
    assert opened["content"]["data"]["state"]["_esm"].startswith("// The drawing pad")
    comm = opened["content"]["comm_id"]
    kernel.page.comm_msg(comm, {"method": "update", "state": {"strokes": [[140, 40, 140, 240]], "request": 1},
                                "buffer_paths": []})
    data, buffers = pad_update(kernel, 1)
    reading = data["state"]["reading"]
    assert reading["error"] is None and reading["answer"] in range(10)
    assert abs(sum(reading["probabilities"]) - 1) < 1e-4
    assert data["buffer_paths"] == [["seen"]] and len(buffers[0]) == 784 and max(buffers[0]) > 200
    kernel.page.comm_msg(comm, {"method": "update", "state": {"strokes": "not strokes", "request": 2}, "buffer_paths": []})
    data, buffers = pad_update(kernel, 2)
    assert "must be a list" in data["state"]["reading"]["error"] and data["state"]["reading"]["answer"] is None
    assert buffers == [bytes(784)]
    kernel.page.comm_msg(comm, {"method": "update", "state": {"strokes": [[10, 10, 200, 200]], "request": 3},
                                "buffer_paths": []})
    pad_update(kernel, 3)
    kernel.page.comm_msg(comm, {"method": "custom", "content": {"event": "keep", "label": 7}})
    kept = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg" and m["content"]["data"].get("method") == "custom")
    assert kept["content"]["data"]["content"]["count"] == 1
    assert [p.name.startswith("digit-7-") for p in tmp_path.iterdir()] == [True]
    kernel.page.comm_msg(comm, {"method": "custom", "content": {"event": "keep", "label": "seven"}})
    refused = kernel.page.iopub_until(lambda m: m["msg_type"] == "comm_msg" and m["content"]["data"].get("method") == "custom")
    assert "Choose 0 to 9" in refused["content"]["data"]["content"]["error"]
    assert value(kernel, "1 + 1") == "2"
