#!/usr/bin/env python3
"""The PyTorch side of bench/conv_kill_test.py: conv2 of the series' CNN (batch 32, 32x24x24 -> 32x20x20, 5x5),
forward and backward (input, weight and bias gradients), channels-last, fp32 and bf16 tensors, BENCH_THREADS
threads (2). Times ROUNDS rounds of CALLS calls each and prints one JSON line of medians and best calls (ms).

    torch_conv_probe.py [ROUNDS CALLS]
"""
import json
import re
import sys
import time

import torch

from reference import THREADS


def timings(dtype, calls, rounds):
    torch.manual_seed(7)
    conv = torch.nn.Conv2d(32, 32, 5).to(memory_format=torch.channels_last, dtype=dtype)
    x = torch.rand(32, 32, 24, 24, dtype=dtype).to(memory_format=torch.channels_last).requires_grad_()
    dy = (torch.rand(32, 32, 20, 20, dtype=dtype) - 0.5).to(memory_format=torch.channels_last)
    forward, backward = [], []
    for _ in range(5):  # warm-up: oneDNN builds its primitives on the first calls
        conv(x).backward(dy)
    for _ in range(rounds * calls):
        t0 = time.perf_counter()
        y = conv(x)
        t1 = time.perf_counter()
        x.grad = None
        conv.zero_grad(set_to_none=True)
        y.backward(dy)
        t2 = time.perf_counter()
        forward.append((t1 - t0) * 1e3)
        backward.append((t2 - t1) * 1e3)
    return forward, backward


def median(values):
    return sorted(values)[len(values) // 2]


def main():
    rounds, calls = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (5, 20)
    torch.set_num_threads(THREADS)
    onednn = re.search(r"oneDNN v([0-9.]+)", torch.__config__.show())
    out = {"torch": torch.__version__, "onednn": onednn.group(1) if onednn else "unknown"}
    for name, dtype in (("fp32", torch.float32), ("bf16", torch.bfloat16)):
        forward, backward = timings(dtype, calls, rounds)
        out[f"torch_{name}_forward_ms"] = median(forward)
        out[f"torch_{name}_backward_ms"] = median(backward)
        out[f"torch_{name}_forward_best_ms"] = min(forward)
        out[f"torch_{name}_backward_best_ms"] = min(backward)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
