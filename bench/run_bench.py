#!/usr/bin/env python3
"""make bench: DL4J (through lib) against PyTorch on the same CNN, measured in this one invocation.

    python3 bench/run_bench.py [--epochs N]

Both trainers start together and load their data; then their epochs alternate (DL4J, PyTorch, PyTorch, DL4J, ...),
each waiting while the other trains, so that both see the same machine load. Prints seconds per epoch and images
per second for both, their ratio (DL4J / PyTorch: below 1 means DL4J is faster), achieved GFLOP/s against the
machine's compute floor, peak memory of each process, test accuracies after each epoch, and the Java kernel's
start-up and round-trip times. Nothing here is asserted: the machine is shared and noisy.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRAIN_FLOP_PER_IMAGE = 80e6   # 13.4 M multiply-adds forward, x2 flop, x3 for forward + backward
FLOOR_GFLOPS = 380            # two AVX-512 cores, fp32 (../shared/perf-notes.md)


class PacedTrainer:
    """A trainer process that prints READY before each epoch and one JSON line after it."""

    def __init__(self, name, command):
        self.name = name
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, bufsize=1)
        self.epochs = []

    def _read_until(self, accept):
        for line in self.process.stdout:
            if accept(line.strip()):
                return line.strip()
        self.log.seek(0)
        sys.exit(f"[bench] {self.name} stopped early:\n{self.log.read()[-3000:]}")

    def wait_ready(self):
        self._read_until(lambda line: line == "READY")

    def run_epoch(self):
        self.process.stdin.write("GO\n")
        self.process.stdin.flush()
        result = json.loads(self._read_until(lambda line: line.startswith("{")))
        self.epochs.append(result)
        print(f"[bench]   {self.name} epoch {result['epoch']}: {result['seconds']:.1f} s, "
              f"test accuracy {100 * result['test_accuracy']:.2f} %", flush=True)
        return result

    def cpu_seconds(self):
        """CPU time used so far (Linux), to check that a waiting trainer leaves the cores to the other one."""
        try:
            fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return 0.0

    def finish(self):
        self.process.stdin.close()
        self.process.wait(timeout=120)


def race(epochs):
    classpath = os.pathsep.join([os.path.join("bench", "target", "classes"), os.path.join("lib", "target", "classes"),
                                 os.path.join("lib", "target", "lib", "*")])
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    dl4j = PacedTrainer("DL4J", ["java", "-Xmx6g", "-cp", classpath, "org.cnnbook.bench.EpochBenchmark",
                                 str(epochs), "--paced"])
    torch = PacedTrainer("PyTorch", [python, os.path.join(HERE, "torch_epoch.py"), str(epochs), "--paced"])
    for epoch in range(1, epochs + 1):
        for trainer in (dl4j, torch):  # both have loaded their data (or finished their last epoch's evaluation)
            trainer.wait_ready()
        for trainer in (dl4j, torch) if epoch % 2 else (torch, dl4j):
            waiting = torch if trainer is dl4j else dl4j
            before = waiting.cpu_seconds()
            trainer.run_epoch()
            waiting.idle_cpu = getattr(waiting, "idle_cpu", 0.0) + waiting.cpu_seconds() - before
    print(f"[bench] CPU used by the waiting trainer during the other's epochs: DL4J {dl4j.idle_cpu:.1f} s, "
          f"PyTorch {torch.idle_cpu:.1f} s", flush=True)
    dl4j.finish()
    torch.finish()
    return dl4j.epochs, torch.epochs


def ignore(message):
    pass


def kernel_timings(runs=5):
    import jupyter_client
    starts, trips = [], []
    for _ in range(runs):
        t = time.monotonic()
        manager, client = jupyter_client.manager.start_new_kernel(kernel_name="java")
        starts.append(time.monotonic() - t)
        client.execute_interactive("1 + 1", timeout=60, output_hook=ignore)  # the first cell also runs the startup script
        for _ in range(5):
            t = time.monotonic()
            client.execute_interactive("1 + 1", timeout=60, output_hook=ignore)
            trips.append(time.monotonic() - t)
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return statistics.median(starts), statistics.median(trips)


def line(epochs):
    per_epoch = statistics.mean(e["seconds"] for e in epochs)
    images_per_second = epochs[-1]["images"] / per_epoch
    gflops = images_per_second * TRAIN_FLOP_PER_IMAGE / 1e9
    rss = max(e["peak_rss_mb"] for e in epochs)
    accuracies = " / ".join(f"{100 * e['test_accuracy']:.2f}" for e in epochs)
    return per_epoch, (f"{epochs[-1]['framework']:<30} {per_epoch:6.1f} s/epoch {images_per_second:6.0f} img/s "
                       f"{gflops:6.1f} GFLOP/s ({100 * gflops / FLOOR_GFLOPS:4.1f} % of floor) "
                       f"peak RSS {rss:5.0f} MB  test acc by epoch {accuracies} %")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args(argv)

    print(f"[bench] the corrected CNN, batch 32, Adam 1e-3, {args.epochs} epoch(s) of 60,000 images, "
          "DL4J through lib and PyTorch taking turns", flush=True)
    dl4j, torch = race(args.epochs)
    print("[bench] Java kernel start-up and a trivial cell's round trip (median of 5 kernels x 5 cells)", flush=True)
    startup, trip = kernel_timings()

    dl4j_epoch, dl4j_line = line(dl4j)
    torch_epoch, torch_line = line(torch)
    pairs = " ".join(f"{d['seconds'] / t['seconds']:.2f}" for d, t in zip(dl4j, torch))
    print()
    print(dl4j_line)
    print(torch_line)
    print(f"ratio DL4J / PyTorch epoch time: {dl4j_epoch / torch_epoch:.2f} (goal: <= 0.90; epoch by epoch: {pairs})")
    print(f"DL4J path: {dl4j[-1]['path']}")
    print(f"Java kernel: start-up {startup:.2f} s, trivial cell round trip {1000 * trip:.0f} ms")
    times = os.path.join(ROOT, "build", "run-times.json")
    if os.path.exists(times):
        run = json.load(open(times))
        print(f"last make run ({'fast' if run['fast'] else 'full'} mode): {run['total_seconds']:.0f} s for the series")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
