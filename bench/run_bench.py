#!/usr/bin/env python3
"""make bench: DL4J (through lib) against PyTorch on the same CNN, measured in this one invocation.

    python3 bench/run_bench.py [--epochs N]

Prints seconds per epoch and images per second for both, their ratio (DL4J / PyTorch: below 1 means DL4J is
faster), achieved GFLOP/s against the machine's compute floor, peak memory of each process, test accuracies,
and the Java kernel's start-up and round-trip times. Nothing here is asserted: the machine is shared and noisy.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRAIN_FLOP_PER_IMAGE = 80e6   # 13.4 M multiply-adds forward, x2 flop, x3 for forward + backward
FLOOR_GFLOPS = 380            # two AVX-512 cores, fp32 (../shared/perf-notes.md)
MEASURE_RSS = "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); " \
              "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"


def run_measured(command):
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", MEASURE_RSS, *command], capture_output=True, text=True, cwd=ROOT)
    wall = time.monotonic() - started
    if run.returncode != 0:
        sys.exit(f"[bench] {' '.join(command[:3])} failed:\n{run.stderr[-3000:]}")
    result = json.loads([line for line in run.stdout.splitlines() if line.startswith("{")][-1])
    result["peak_rss_mb"] = int([l for l in run.stderr.splitlines() if l.startswith("PEAK_RSS_KB")][-1].split()[1]) / 1024
    result["wall_seconds"] = wall
    return result


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


def line(result):
    per_epoch = statistics.mean(result["epoch_seconds"])
    images_per_second = result["images"] / per_epoch
    gflops = images_per_second * TRAIN_FLOP_PER_IMAGE / 1e9
    return per_epoch, (f"{result['framework']:<34} {per_epoch:8.1f} s/epoch {images_per_second:8.0f} img/s "
                       f"{gflops:6.1f} GFLOP/s ({100 * gflops / FLOOR_GFLOPS:4.1f} % of floor) "
                       f"peak RSS {result['peak_rss_mb']:6.0f} MB  test acc {100 * result['test_accuracy']:.2f} %")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args(argv)
    classpath = os.pathsep.join([os.path.join("lib", "target", "classes"), os.path.join("lib", "target", "lib", "*")])

    print(f"[bench] DL4J through lib: the corrected CNN, batch 32, Adam 1e-3, {args.epochs} epoch(s) of 60,000 images", flush=True)
    dl4j = run_measured(["java", "-Xmx6g", "-cp", classpath, "org.cnnbook.speed.EpochBenchmark", str(args.epochs)])
    print(f"[bench] PyTorch: the same model, optimizer, batch and data", flush=True)
    torch = run_measured(["python3" if not os.path.exists("/usr/bin/python3") else "/usr/bin/python3",
                          os.path.join(HERE, "torch_epoch.py"), str(args.epochs)])
    print("[bench] Java kernel start-up and a trivial cell's round trip (median of 5 kernels x 5 cells)", flush=True)
    startup, trip = kernel_timings()

    dl4j_epoch, dl4j_line = line(dl4j)
    torch_epoch, torch_line = line(torch)
    print()
    print(dl4j_line)
    print(torch_line)
    print(f"ratio DL4J / PyTorch epoch time: {dl4j_epoch / torch_epoch:.2f} (goal: <= 0.90)")
    print(f"DL4J path: {dl4j['path']}")
    print(f"Java kernel: start-up {startup:.2f} s, trivial cell round trip {1000 * trip:.0f} ms")
    times = os.path.join(ROOT, "build", "run-times.json")
    if os.path.exists(times):
        run = json.load(open(times))
        print(f"last make run ({'fast' if run['fast'] else 'full'} mode): {run['total_seconds']:.0f} s for the series")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
