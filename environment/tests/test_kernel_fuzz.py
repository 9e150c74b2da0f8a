"""Hostile and broken bytes on every channel of the running kernel, then a normal cell: the kernel must neither hang
nor crash. Thousands of mutated messages, validly signed and not, sent over our own ZeroMQ sockets. Every ROUND
messages the fuzzer waits until the shell and control channels have answered a valid request: the backlog stays
small however busy the machine is, and a channel that stops answering for HANG_S seconds is a hang. Then a flood:
BURST messages at once, without waiting."""
import json
import os
import random
import time
import uuid

import pytest
import zmq
from jupyter_client.session import Session

from kernel_session import drain, logged_session

MESSAGES = 6_000
ROUND = 100
BURST = 2_000
HANG_S = 60
SEED = 20261128
DELIMITER = b"<IDS|MSG>"
BENIGN_CODE = ["1 + 1", "", "int", "}", '"', "int x = ;", "%", "%%", "%jars", "/* ", "List.of(1", "\u00e9\u20ac", "x" * 500]
REQUEST_TYPES = ["kernel_info_request", "complete_request", "inspect_request", "is_complete_request",
                 "comm_info_request", "history_request", "execute_request", "no_such_request", "input_reply"]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    with logged_session(tmp_path_factory.mktemp("fuzz")) as session:
        yield session


def mutated_code(rng):
    code = list(rng.choice(BENIGN_CODE))
    for _ in range(rng.randint(0, 3)):
        if code:
            code[rng.randrange(len(code))] = chr(rng.randint(32, 0x2FFF))
    return "".join(code)


def content_for(msg_type, rng):
    code = mutated_code(rng)
    cursor = rng.choice([0, len(code), len(code) + 50, -7])  # out of range on purpose
    return {
        "execute_request": {"code": code, "silent": rng.random() < 0.5, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": rng.random() < 0.5},
        "complete_request": {"code": code, "cursor_pos": cursor},
        "inspect_request": {"code": code, "cursor_pos": cursor, "detail_level": rng.choice([0, 1, 7])},
        "is_complete_request": {"code": code},
        "history_request": {"hist_access_type": rng.choice(["tail", "range", "search", "bogus"]), "n": 3},
        "input_reply": {"value": code},
    }.get(msg_type, {})


def broken_content(rng):
    return rng.choice([None, 5, "text", [], {"code": 5}, {"code": None, "cursor_pos": "x"}, {"code": ["a"]}])


def frames_of(session, msg_type, content, rng):
    """One message as frames, then broken in one of many ways (or left intact)."""
    msg = session.msg(msg_type, content)
    frames = session.serialize(msg)  # [DELIMITER, signature, header, parent, metadata, content]
    kind = rng.randrange(14)
    if kind == 0:
        return [os.urandom(rng.randint(0, 64)) for _ in range(rng.randint(1, 8))], "random bytes"
    if kind == 1:
        return frames[1:], "no delimiter"
    if kind == 2:
        sig = bytearray(frames[1])
        sig[rng.randrange(len(sig))] ^= 0x01
        return [frames[0], bytes(sig)] + frames[2:], "bad signature"
    if kind == 3:
        return [frames[0], b""] + frames[2:], "unsigned"
    if kind == 4:
        return frames[:3], "too few frames"
    if kind == 5:
        return frames + [os.urandom(16) for _ in range(rng.randint(1, 3))], "extra buffers"

    def signed(header=None, parent=None, metadata=None, body=None):
        parts = [header or frames[2], parent or frames[3], metadata or frames[4], body or frames[5]]
        return [DELIMITER, session.sign(parts)] + parts

    header = json.loads(frames[2])
    if kind == 6:
        return signed(header=b"{not json"), "signed, header not JSON"
    if kind == 7:
        del header[rng.choice(["msg_id", "msg_type", "session", "username", "version", "date"])]
        return signed(header=json.dumps(header).encode()), "signed, header field missing"
    if kind == 8:
        header["msg_type"] = rng.choice([5, None, [], "", "x" * 300])
        return signed(header=json.dumps(header).encode()), "signed, msg_type not a name"
    if kind == 9:
        return signed(body=json.dumps(broken_content(rng)).encode()), "signed, content of a wrong shape"
    if kind == 10:
        return signed(body=b"\xff\xfe not utf8 {"), "signed, content not JSON"
    if kind == 11:
        return signed(parent=rng.choice([b"[]", b"5", b'{"msg_id": 5}', b"{"])), "signed, odd parent header"
    if kind == 12:
        return signed(metadata=rng.choice([b"[]", b"null", b'{"deep": ' * 50 + b"1" + b"}" * 50])), "signed, odd metadata"
    return frames, "valid"


def test_thousands_of_mutated_messages_neither_hang_nor_crash_the_kernel(kernel):
    rng = random.Random(SEED)
    info = kernel.manager.get_connection_info()
    session = Session(key=kernel.manager.session.key, signature_scheme=info["signature_scheme"],
                      session=str(uuid.uuid4()))
    context = zmq.Context()
    sockets = {}
    for channel in ("shell", "control", "stdin"):
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.setsockopt(zmq.SNDTIMEO, 5000)
        socket.connect(f"{info['transport']}://{info['ip']}:{info[channel + '_port']}")
        sockets[channel] = socket
    kinds, sent = {}, {"shell": 0, "control": 0, "stdin": 0}
    replies = {"shell": 0, "control": 0, "stdin": 0}

    def read_replies(wait_for=None, timeout=0.0):
        """Reads what the kernel answered; with wait_for, until that message's reply has come (all before it, on
        the same socket, have then been handled: a channel handles its messages in order)."""
        deadline = time.monotonic() + timeout
        while True:
            for channel, socket in sockets.items():
                while socket.poll(0):
                    frames = socket.recv_multipart()
                    replies[channel] += 1
                    if wait_for and wait_for[0] == channel and wait_for[1] in frames[3]:
                        return True
            if not wait_for or time.monotonic() > deadline:
                return False
            time.sleep(0.01)

    def all_handled(after):
        """Sends a valid request on shell and control and waits for both replies: everything sent before is handled.
        Then reads the test client's IOPub as a front end would: every handled message publishes a busy and an idle
        status, and ZeroMQ drops what a subscriber leaves unread beyond its high-water mark (1000), which would take
        the final cell's own messages with it."""
        assert kernel.manager.is_alive(), f"the kernel process died after {after} messages"
        for channel in ("shell", "control"):
            marker = session.msg("kernel_info_request", {})
            sockets[channel].send_multipart(session.serialize(marker))
            assert read_replies((channel, marker["header"]["msg_id"].encode()), HANG_S), \
                f"the {channel} channel stopped answering after {after} messages (no reply for {HANG_S} s)"
        drain(kernel.client, timeout=0.05)

    started = time.monotonic()
    try:
        for i in range(MESSAGES + BURST):
            channel = rng.choices(["shell", "control", "stdin"], weights=[6, 2, 2])[0]
            msg_type = rng.choice(REQUEST_TYPES)
            if msg_type == "execute_request" and rng.random() < 0.9:
                msg_type = "complete_request"  # cells cost milliseconds each; most of the fuzz is cheaper
            content = content_for(msg_type, rng)
            frames, kind = frames_of(session, msg_type, content, rng)
            try:
                sockets[channel].send_multipart(frames)
            except zmq.Again:
                pytest.fail(f"the kernel stopped taking messages after {i} (send blocked 5 s on {channel})")
            sent[channel] += 1
            kinds[kind] = kinds.get(kind, 0) + 1
            read_replies()
            if (i + 1) % ROUND == 0 and i < MESSAGES:
                all_handled(i + 1)
        all_handled(MESSAGES + BURST)
        # two messages that used to stall or kill the old reader: a frame over the size limit (ZeroMQ drops the
        # connection that sent it) and thousands of frames; each on a socket of its own
        for frames in ([b"x" * (65 * 1024 * 1024)], [b"f"] * 2000):
            extra = context.socket(zmq.DEALER)
            extra.setsockopt(zmq.LINGER, 0)
            extra.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
            extra.send_multipart(frames)
            extra.close()
        total = sum(sent.values())
        elapsed = time.monotonic() - started
        # the kernel must still be alive and answer a normal cell
        alive = kernel.manager.is_alive()
        answered = False
        if alive:
            reply, outputs = kernel.execute('"after the fuzz"', timeout=60)
            results = [content["data"].get("text/plain") for kind, content in outputs if kind == "execute_result"]
            answered = reply["status"] == "ok" and results == ["after the fuzz"]
            if not answered:
                print(f"the final cell answered {reply['status']} with the IOPub messages {outputs}")
        hangs, crashes = (0 if answered else 1), (0 if alive else 1)
        log_lines = kernel.log.read_text().splitlines()
        print(f"\nfuzzer: {total} messages handled in {elapsed:.1f} s (shell {sent['shell']}, control {sent['control']}, "
              f"stdin {sent['stdin']}; {kinds.get('valid', 0)} valid and signed), {sum(replies.values())} replies; "
              f"{hangs} hangs, {crashes} crashes; the kernel logged {len(log_lines)} lines")
        print("  mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        assert crashes == 0, "the kernel process died"
        assert hangs == 0, "the kernel no longer answers a normal cell"
        assert len(log_lines) < 300, "a flood of hostile messages floods the server's log"
    finally:
        for socket in sockets.values():
            socket.close()
        context.term()
