"""The four MNIST IDX files as NumPy arrays, for the Python references of make bench (data/mnist, or MNIST_DIR)."""
import os
import struct

import numpy as np

DATA = os.environ.get("MNIST_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "mnist")


def read_idx(name):
    with open(os.path.join(DATA, name), "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)
