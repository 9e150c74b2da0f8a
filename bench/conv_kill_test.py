#!/usr/bin/env python3
"""make bench-conv: the kill test of the direct oneDNN path (issue 26). conv2 of the series' CNN, forward and
backward, through libnd4j M2.1 (its oneDNN 2.3), through oneDNN 2.5.2 called directly by lib (fp32, bf16) and
through PyTorch (fp32, bf16), channels-last, same shapes, on the bench's cores. Two runs of each program, taking
turns; the table gives the median over both runs of each run's median call, and the best call seen. Also checks, in
the Java program, that the two oneDNN copies agree with each other and which OpenMP runtimes the JVM loaded.

    python3 bench/conv_kill_test.py [--runs 2] [--rounds 5] [--calls 20]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

from run_bench import DL4J_ENV, REFERENCE_PYTHON, bench_classpath, on_bench_cores

HERE = os.path.dirname(os.path.abspath(__file__))
PATHS = (("libnd4j_fp32", "libnd4j M2.1 (oneDNN 2.3), fp32"), ("onednn_fp32", "oneDNN 2.5.2 direct, fp32"),
         ("torch_fp32", "PyTorch, fp32"), ("onednn_bf16", "oneDNN 2.5.2 direct, bf16"), ("torch_bf16", "PyTorch, bf16"))


def run_json(name, command, env=None):
    out = subprocess.run(command, capture_output=True, text=True, **on_bench_cores(env))
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        sys.exit(f"[bench] {name} failed (exit code {out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(lines[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    a = parser.parse_args()
    java = ["java", "-cp", bench_classpath(), "org.cnnbook.bench.ConvolutionProbe", "--rounds", str(a.rounds),
            "--calls", str(a.calls)]
    torch = [REFERENCE_PYTHON, os.path.join(HERE, "torch_conv_probe.py"), str(a.rounds), str(a.calls)]
    runs = []
    for run in range(1, a.runs + 1):
        print(f"[bench] conv2 kill test, run {run} of {a.runs}: lib's oneDNN binding beside libnd4j, then PyTorch",
              flush=True)
        torch_result = run_json("torch_conv_probe.py", torch)
        torch_result["onednn_torch"] = torch_result.pop("onednn")
        runs.append({**run_json("ConvolutionProbe", java, DL4J_ENV), **torch_result})
    first = runs[0]
    print(f"[bench] CPU: {first['cpu']}; {first['onednn']}; PyTorch {first['torch']} (its oneDNN {first['onednn_torch']})")
    print(f"[bench] oneDNN 2.5.2's kernels (forward / input gradient / weight gradient): fp32 "
          f"{first['onednn_fp32_kernels']}; bf16 {first['onednn_bf16_kernels']}")
    print(f"[bench] OpenMP runtimes in the JVM: {len(first['openmp_runtimes_loaded'])}: "
          f"{', '.join(os.path.basename(os.path.dirname(p)) + '/' + os.path.basename(p) for p in first['openmp_runtimes_loaded'])}")
    print("[bench] oneDNN 2.5.2 against libnd4j, relative error (output, input, weight, bias gradients): fp32 "
          + ", ".join(f"{first['onednn_fp32_vs_libnd4j_' + p]:.1e}" for p in ("y", "dx", "dw", "db")) + "; bf16 "
          + ", ".join(f"{first['onednn_bf16_vs_libnd4j_' + p]:.1e}" for p in ("y", "dx", "dw", "db")))
    print(f"[bench] {'path':<36} {'forward ms':>11} {'backward ms':>12} {'total ms':>9} {'best total':>11}")
    totals = {}
    for key, label in PATHS:
        forward = statistics.median(r[key + "_forward_ms"] for r in runs)
        backward = statistics.median(r[key + "_backward_ms"] for r in runs)
        best = min(r[key + "_forward_best_ms"] + r[key + "_backward_best_ms"] for r in runs)
        totals[key] = forward + backward
        print(f"[bench] {label:<36} {forward:>11.2f} {backward:>12.2f} {forward + backward:>9.2f} {best:>11.2f}")
    for mine, theirs in (("onednn_fp32", "torch_fp32"), ("onednn_fp32", "libnd4j_fp32"), ("onednn_bf16", "torch_bf16"),
                         ("onednn_bf16", "onednn_fp32")):
        print(f"ratio conv2 {dict(PATHS)[mine]} / {dict(PATHS)[theirs]} forward+backward time: "
              f"{totals[mine] / totals[theirs]:.2f}")
    os.makedirs(os.path.join(os.path.dirname(HERE), "build"), exist_ok=True)
    with open(os.path.join(os.path.dirname(HERE), "build", "conv-kill-test.json"), "w") as f:
        json.dump(runs, f, indent=1)


if __name__ == "__main__":
    main()
