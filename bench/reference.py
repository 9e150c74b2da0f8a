"""What make bench's Python references (torch_epoch.py, keras_epoch.py) share: MNIST's IDX files as NumPy arrays
(data/mnist, or MNIST_DIR), the settings run_bench.py passes (BENCH_THREADS, BENCH_IMAGES), and the paced protocol
it drives: READY before each epoch, a line on standard input to start it, one JSON line after it."""
import json
import os
import resource
import struct
import sys

import numpy as np

DATA = os.environ.get("MNIST_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "mnist")
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
TRAINING_IMAGES = int(os.environ.get("BENCH_IMAGES", "60000"))  # a slice, for the contention measurement
# Adam's rate in epoch 1, 2, 3 and after, as lib's Models.LEARNING_RATE
LEARNING_RATES = (1e-3, 3e-4, 1e-4)


def learning_rate(epoch):
    """Adam's learning rate for `epoch` (counted from 1)."""
    return LEARNING_RATES[min(epoch, len(LEARNING_RATES)) - 1]


def read_idx(name):
    with open(os.path.join(DATA, name), "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def epochs(count, paced):
    """Epoch numbers 1..count; when paced, each only once run_bench.py says GO (stops if it hangs up)."""
    for epoch in range(1, count + 1):
        if paced:
            print("READY", flush=True)
            if not sys.stdin.readline():
                return
        yield epoch


def report(framework, path, epoch, seconds, test_accuracy, images):
    """The epoch's JSON line, with the process's peak RSS so far."""
    print(json.dumps({"framework": framework, "path": path, "epoch": epoch, "seconds": round(seconds, 3),
                      "test_accuracy": test_accuracy, "images": images,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}), flush=True)


def arguments():
    """(epochs, paced) from the command line: EPOCHS [--paced]."""
    return int(sys.argv[1]) if len(sys.argv) > 1 else 1, "--paced" in sys.argv[2:]
