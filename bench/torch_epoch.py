#!/usr/bin/env python3
"""make bench's reference: the same CNN, optimizer, batch size and data as lib's DL4J model, in PyTorch.

conv5x5x32 relu, conv5x5x32 relu, maxpool 2, conv3x3x64 relu, conv3x3x64 relu, maxpool 2, dense 256 relu,
dense 10 (softmax inside the cross-entropy loss); Xavier-normal weights, zero biases; Adam at 1e-3, 3e-4, then
1e-4 per epoch (lib's Models.LEARNING_RATE); batch 32;
NCHW float32 pixels / 255; shuffled each epoch; BENCH_THREADS threads (2); the first BENCH_IMAGES
training images (all 60,000). Prints one JSON line per epoch.

    torch_epoch.py EPOCHS [--paced] [--bf16] [--tuned]

--paced: before each epoch print READY and wait for a line on standard input (see bench/run_bench.py).
--bf16: train under CPU autocast to bfloat16 (weights, gradients and Adam stay float32; convolutions, products and
their gradients run in bf16), PyTorch's mixed precision for CPUs with avx512_bf16 or AMX.
--tuned: what a PyTorch user who tunes for the CPU adds: the model and the images channels-last (no reorders around
oneDNN's convolutions) and Adam's fused implementation (one kernel per parameter instead of ~11).
"""
import contextlib
import sys
import time

import numpy as np
import torch
from torch import nn

from reference import THREADS, TRAINING_IMAGES, arguments, epochs, learning_rate, read_idx, report


def model():
    net = nn.Sequential(
        nn.Conv2d(1, 32, 5), nn.ReLU(), nn.Conv2d(32, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(576, 256), nn.ReLU(), nn.Linear(256, 10))
    for layer in net:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_normal_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net


def accuracy(net, x_test, y_test):
    net.eval()
    with torch.no_grad():
        correct = sum((net(x_test[i:i + 1000]).argmax(1) == y_test[i:i + 1000]).sum().item()
                      for i in range(0, len(x_test), 1000))
    net.train()
    return correct / len(x_test)


def main(count, paced, bf16, tuned):
    torch.manual_seed(123)
    torch.set_num_threads(THREADS)
    n = TRAINING_IMAGES
    x = torch.from_numpy(read_idx("train-images-idx3-ubyte")[:n].astype(np.float32) / 255).unsqueeze(1)
    y = torch.from_numpy(read_idx("train-labels-idx1-ubyte")[:n].astype(np.int64))
    x_test = torch.from_numpy(read_idx("t10k-images-idx3-ubyte").astype(np.float32) / 255).unsqueeze(1)
    y_test = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte").astype(np.int64))
    net = model()
    if tuned:
        net = net.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
        x_test = x_test.contiguous(memory_format=torch.channels_last)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, **({"fused": True} if tuned else {}))
    loss_fn = nn.CrossEntropyLoss()
    precision = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if bf16 else contextlib.nullcontext
    for epoch in epochs(count, paced):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(epoch)
        order = torch.randperm(len(x))
        net.train()
        start = time.perf_counter()
        for i in range(0, len(x), 32):
            batch = order[i:i + 32]
            optimizer.zero_grad()
            with precision():
                loss = loss_fn(net(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        with precision():
            test_accuracy = accuracy(net, x_test, y_test)
        variant = (" tuned (channels-last, fused Adam)" if tuned else "") + (" bf16 autocast" if bf16 else "")
        report(f"PyTorch {torch.__version__}{variant}", f"{torch.get_num_threads()} threads",
               epoch, seconds, test_accuracy, len(x))


if __name__ == "__main__":
    main(*arguments(), "--bf16" in sys.argv[2:], "--tuned" in sys.argv[2:])
