#!/usr/bin/env python3
"""make bench: DL4J (through lib) against PyTorch 2.x, the seed's Keras program (Keras 3 on TensorFlow) and DJL with
its PyTorch engine (bench/djl, the Java peer), on the same CNN, measured in this one invocation.

    python3 bench/run_bench.py [--epochs N] [--no-contention]

All trainers start together and load their data; then their epochs take turns (the order rotates every epoch, so
that no trainer always goes first or last), each waiting while another trains, so that all see the same machine
load. Prints, for each: seconds per epoch, images per second, achieved GFLOP/s against the cores' compute peak
(bench/fma_peak.c: fp32 FMA, and bf16 dot products for the bf16 trainers),
peak memory, test accuracy after each epoch; then one line per ratio with its goal (issue 26), in a form a script can
read ("ratio DL4J fp32 / PyTorch fp32 epoch time: 0.93"), and the CPU. PyTorch runs as a user writes it
(torch_epoch.py) and tuned (channels-last, fused Adam: reported, no goal of its own). Where the CPU computes in bf16
(avx512_bf16 or AMX), PyTorch also trains under bf16 autocast and DL4J with lib's convolutions in bf16
(CNNBOOK_PRECISION=bf16) in the same race, and DL4J M2.1's own bf16 convolution is timed against its fp32 one. Then,
with a competing load: each trainer on a slice of the data alone and beside a second copy of itself on the same cores
(a class shares its CPUs), and the slow-down. Nothing here is asserted: the machine is shared and noisy. Everything
printed is also in build/bench-report.json. The references run from .venv-bench (environment/setup-bench.sh).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REFERENCE_PYTHON = os.path.join(ROOT, ".venv-bench", "bin", "python")
TRAIN_FLOP_PER_IMAGE = 80e6   # 13.4 M multiply-adds forward, x2 flop, x3 for forward + backward
CONTENTION_IMAGES = 9600      # the slice each trainer trains on in the contention test (300 batches)
ISA_FLAGS = ("avx2", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile", "amx_bf16")
BF16_FLAGS = ("avx512_bf16", "amx_bf16")  # the CPU computes in bf16 itself: then the bench measures bf16 too
BF16_VARIANT = "PyTorch bf16"
DL4J_BF16 = "DL4J bf16"
TUNED = "PyTorch tuned"
DJL = "DJL"
DJL_CLASSES = os.path.join(ROOT, "bench", "djl", "target")
ACCURACY_GOAL = 0.990  # every trainer that claims a speed must reach it


THREADS = int(os.environ.get("BENCH_THREADS", "2"))
CORES = sorted(os.sched_getaffinity(0))[:THREADS]  # every trainer, and both copies when sharing, on these cores


def openmp_spin():
    """As the kernel's launcher (environment/kernel/src/main/kernelspec/java-kernel.sh): a short OpenMP spin unless
    the user chose a spin count or a wait policy."""
    if "GOMP_SPINCOUNT" in os.environ or "OMP_WAIT_POLICY" in os.environ:
        return {}
    return {"GOMP_SPINCOUNT": "1000"}


# DL4J runs as in a notebook: the launcher's OpenMP spin and JVM options, and the same thread count as the others
DL4J_ENV = {"OMP_NUM_THREADS": str(THREADS), **openmp_spin()}


def kernel_jvm_options():
    """The JVM options a notebook's kernel gets by default (the launcher's default_gc and default_heap)."""
    launcher = open(os.path.join(ROOT, "environment", "kernel", "src", "main", "kernelspec", "java-kernel.sh")).read()
    return [option for name in ("default_gc", "default_heap")
            for option in re.search(rf'^{name}="([^"]*)"', launcher, re.M).group(1).split()]


def bench_classpath():
    return os.pathsep.join([os.path.join("bench", "target", "classes"), os.path.join("lib", "target", "classes"),
                            os.path.join("lib", "target", "lib", "*")])


def trainer_commands(epochs, bf16=False, tuned=True):
    """{name: (command, environment)} of the trainers, each printing READY before an epoch and a JSON line after it:
    DL4J, PyTorch, Keras, and unless not tuned: tuned PyTorch and DJL (the Java peer, bench/djl); when bf16 PyTorch's
    and DL4J's bf16 variants."""
    dl4j = ["java", *kernel_jvm_options(), "-cp", bench_classpath(), "org.cnnbook.bench.EpochBenchmark", str(epochs),
            "--paced"]
    torch = [REFERENCE_PYTHON, os.path.join(HERE, "torch_epoch.py"), str(epochs), "--paced"]
    trainers = {
        "DL4J": (dl4j, {**DL4J_ENV, "CNNBOOK_PRECISION": "fp32"}),
        "PyTorch": (torch, {}),
        "Keras": ([REFERENCE_PYTHON, os.path.join(HERE, "keras_epoch.py"), str(epochs), "--paced"], {}),
    }
    if tuned:
        trainers[TUNED] = (torch + ["--tuned"], {})
        djl_classpath = os.pathsep.join([os.path.join(DJL_CLASSES, "classes"), os.path.join(DJL_CLASSES, "lib", "*")])
        trainers[DJL] = (["java", "-cp", djl_classpath, "org.cnnbook.bench.djl.DjlEpoch", str(epochs), "--paced"],
                         {"DJL_CACHE_DIR": os.path.join(ROOT, "build", "djl-cache")})
    if bf16:
        trainers[BF16_VARIANT] = (torch + ["--bf16"], {})
        trainers[DL4J_BF16] = (dl4j, {**DL4J_ENV, "CNNBOOK_PRECISION": "bf16"})
    return trainers


def on_bench_cores(env=None):
    """How every process of the bench starts: in the project, with its thread count and `env`, on the bench's cores."""
    return {"cwd": ROOT, "env": {**os.environ, "BENCH_THREADS": str(THREADS), **(env or {})},
            "preexec_fn": lambda: os.sched_setaffinity(0, CORES)}


def dl4j_bf16_probe():
    """DL4J's conv2 forward in fp32 and in bf16 (bench's Bf16Probe), as a dict; None (with the reason printed) if
    the probe failed, so that the race's results are still reported."""
    command = ["java", "-cp", bench_classpath(), "org.cnnbook.bench.Bf16Probe"]
    out = subprocess.run(command, capture_output=True, text=True, **on_bench_cores(DL4J_ENV))
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        print(f"[bench] DL4J's bf16 probe failed (exit code {out.returncode}):\n{out.stderr[-3000:]}", flush=True)
        return None
    return json.loads(lines[-1])


def fma_peak():
    """The bench cores' fp32 FMA and bf16 dot-product peaks in GFLOP/s (bench/fma_peak.c, built here with gcc), as
    {"fp32_gflops": .., "bf16_gflops": .. or None}; None (with the reason printed) if it cannot be built or run."""
    binary = os.path.join(ROOT, "build", "fma_peak")
    source = os.path.join(HERE, "fma_peak.c")
    try:
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
            subprocess.run(["gcc", "-O2", "-mavx512f", "-pthread", source, "-o", binary], check=True,
                           capture_output=True, text=True)
        out = subprocess.run([binary, str(THREADS)], check=True, capture_output=True, text=True, **on_bench_cores())
        return json.loads(out.stdout)
    except (OSError, subprocess.CalledProcessError, ValueError) as e:
        details = getattr(e, "stderr", "") or ""
        print(f"[bench] the FMA peak was not measured ({e}){': ' + details[-500:] if details else ''}", flush=True)
        return None


def peak_for(name, peak):
    """The peak a trainer is measured against: the bf16 one for a bf16 trainer, else fp32 (None if unmeasured)."""
    if not peak:
        return None
    return peak["bf16_gflops"] if "bf16" in name else peak["fp32_gflops"]


class PacedTrainer:
    """A trainer process that prints READY before each epoch and one JSON line after it."""

    def __init__(self, name, command, env=None):
        self.name = name
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                        text=True, bufsize=1, **on_bench_cores(env))
        self.epochs = []
        self.idle_cpu = 0.0

    def _read_until(self, accept):
        for line in self.process.stdout:
            if accept(line.strip()):
                return line.strip()
        self.log.seek(0)
        sys.exit(f"[bench] {self.name} stopped early:\n{self.log.read()[-3000:]}")

    def wait_ready(self):
        self._read_until(lambda line: line == "READY")

    def go(self):
        self.process.stdin.write("GO\n")
        self.process.stdin.flush()

    def result(self, quiet=False):
        result = json.loads(self._read_until(lambda line: line.startswith("{")))
        self.epochs.append(result)
        if not quiet:
            print(f"[bench]   {self.name} epoch {result['epoch']}: {result['seconds']:.1f} s, "
                  f"test accuracy {100 * result['test_accuracy']:.2f} %", flush=True)
        return result

    def cpu_seconds(self):
        """CPU time used so far (Linux), to check that a waiting trainer leaves the cores to the others."""
        try:
            fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return 0.0

    def finish(self):
        self.process.stdin.close()
        self.process.wait(timeout=120)


def race(epochs, bf16):
    trainers = [PacedTrainer(name, command, env) for name, (command, env) in trainer_commands(epochs, bf16).items()]
    for epoch in range(1, epochs + 1):
        for trainer in trainers:  # all have loaded their data (or finished their last epoch's evaluation)
            trainer.wait_ready()
        shift = (epoch - 1) % len(trainers)
        for trainer in trainers[shift:] + trainers[:shift]:
            waiting = [other for other in trainers if other is not trainer]
            before = [other.cpu_seconds() for other in waiting]
            trainer.go()
            trainer.result()
            for other, cpu in zip(waiting, before):
                other.idle_cpu += other.cpu_seconds() - cpu
    print("[bench] CPU used by the waiting trainers during the others' epochs: "
          + ", ".join(f"{t.name} {t.idle_cpu:.1f} s" for t in trainers), flush=True)
    for trainer in trainers:
        trainer.finish()
    return {trainer.name: trainer.epochs for trainer in trainers}


def slow_down_beside_a_copy(name, command, env):
    """Seconds for a slice alone and beside a second copy of the same trainer (both on the same cores); the command
    runs three epochs: warm-up, alone, together."""
    env = {**env, "BENCH_IMAGES": str(CONTENTION_IMAGES)}
    first, second = PacedTrainer(name, command, env), PacedTrainer(name + " (copy)", command, env)
    for trainer in (first, second):  # warm-up (JIT, first allocations), one at a time
        trainer.wait_ready()
        trainer.go()
        trainer.result(quiet=True)
    first.wait_ready()
    second.wait_ready()
    first.go()
    alone = first.result(quiet=True)["seconds"]
    first.wait_ready()
    first.go()
    second.go()
    both = [first.result(quiet=True)["seconds"], second.result(quiet=True)["seconds"]]
    together = statistics.mean(both)
    for trainer in (first, second):
        trainer.finish()
    print(f"[bench]   {name}: {CONTENTION_IMAGES} images alone {alone:.1f} s, beside a copy of itself "
          f"{together:.1f} s (the slower copy {max(both):.1f} s): slow-down {together / alone:.2f}x", flush=True)
    return alone, together


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


def cpu_model_and_flags():
    """The CPU as lscpu names it, and its flags."""
    model, flags = "unknown CPU", set()
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout.splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "Model name":
                model = value.strip()
            elif key.strip() == "Flags":
                flags = set(value.split())
    except (OSError, subprocess.CalledProcessError):
        pass
    return model, flags


def cpu_description(model, flags):
    """The CPU with the vector extensions that decide which kernels the frameworks pick."""
    present = [flag for flag in ISA_FLAGS if flag in flags]
    return (f"{model}, {len(CORES)} of {os.cpu_count()} cores used, {' '.join(present) or 'no AVX2'}"
            f" ({'AMX' if 'amx_tile' in flags else 'no AMX'}, {'AVX-512' if 'avx512f' in flags else 'no AVX-512'})")


def summary(epochs, peak_gflops):
    per_epoch = statistics.mean(e["seconds"] for e in epochs)
    images_per_second = epochs[-1]["images"] / per_epoch
    gflops = images_per_second * TRAIN_FLOP_PER_IMAGE / 1e9
    rss = max(e["peak_rss_mb"] for e in epochs)
    accuracies = " / ".join(f"{100 * e['test_accuracy']:.2f}" for e in epochs)
    inside = ""
    if "java_heap_committed_mb" in epochs[-1]:  # DL4J: how much of it is the Java heap (the rest is native)
        inside = f" (Java heap {max(e['java_heap_committed_mb'] for e in epochs)} MB)"
    line = (f"{epochs[-1]['framework']:<36} {per_epoch:6.1f} s/epoch {images_per_second:6.0f} img/s "
            f"{gflops:6.1f} GFLOP/s ({f'{100 * gflops / peak_gflops:4.1f} % of peak' if peak_gflops else 'peak n/a'}) peak RSS {rss:5.0f} MB{inside}  "
            f"test acc by epoch {accuracies} %")
    return per_epoch, rss, line


def epoch_ratios(results, rows, bf16):
    """{label: (ratio of mean epoch times, goal or None, the ratio epoch by epoch)} for the pairs issue 26 sets goals
    for: DL4J fp32 against PyTorch as a user writes it and tuned, DL4J bf16 against PyTorch's bf16 autocast; and,
    without a goal, against DJL."""
    pairs = [("DL4J fp32 / PyTorch fp32", "DL4J", "PyTorch", 0.90),
             ("DL4J fp32 / tuned PyTorch fp32", "DL4J", TUNED, 1.00),
             ("DL4J fp32 / DJL fp32", "DL4J", DJL, None)]
    if bf16:
        pairs.append(("DL4J bf16 / PyTorch bf16", DL4J_BF16, BF16_VARIANT, 0.80))
    return {label: (rows[ours][0] / rows[theirs][0], goal,
                    " ".join(f"{a['seconds'] / b['seconds']:.2f}" for a, b in zip(results[ours], results[theirs])))
            for label, ours, theirs, goal in pairs if ours in rows and theirs in rows}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-contention", action="store_true", help="leave out the shared-cores measurement")
    args = parser.parse_args(argv)
    if not os.path.exists(REFERENCE_PYTHON):
        sys.exit("[bench] The references are not installed: run environment/setup-bench.sh (make bench does).")
    if not os.path.isdir(os.path.join(DJL_CLASSES, "lib")):
        sys.exit("[bench] DJL's trainer is not built: run mvn -q -f bench/djl/pom.xml package (make bench does).")

    model, flags = cpu_model_and_flags()
    cpu = cpu_description(model, flags)
    bf16 = any(flag in flags for flag in BF16_FLAGS)
    print(f"[bench] CPU: {cpu}", flush=True)
    peak = fma_peak()
    if peak:
        print(f"[bench] compute peak of {THREADS} threads (bench/fma_peak.c): fp32 FMA {peak['fp32_gflops']:.0f} GFLOP/s"
              + (f", bf16 dot products {peak['bf16_gflops']:.0f} GFLOP/s" if peak["bf16_gflops"] else ""), flush=True)
    print(f"[bench] the corrected CNN, batch 32, Adam at 1e-3, 3e-4, then 1e-4 per epoch, {args.epochs} epoch(s) of 60,000 "
          f"images, {THREADS} threads on cores {CORES}; DL4J through lib, PyTorch (as written and tuned), Keras and DJL "
          f"taking turns{' (and PyTorch under bf16 autocast and DL4J with bf16 convolutions: this CPU has ' + '/'.join(f for f in BF16_FLAGS if f in flags) + ')' if bf16 else ''}",
          flush=True)
    results = race(args.epochs, bf16)
    probe = None
    if bf16:
        print("[bench] DL4J's conv2 forward in fp32 and in bf16", flush=True)
        probe = dl4j_bf16_probe()
    slow_downs = {}
    if not args.no_contention:
        print("[bench] Sharing the cores: each trainer alone, then beside a second copy of itself", flush=True)
        for name, (command, env) in trainer_commands(3, tuned=False).items():
            alone, together = slow_down_beside_a_copy(name, command, env)
            slow_downs[name] = together / alone
    print("[bench] Java kernel start-up and a trivial cell's round trip (median of 5 kernels x 5 cells)", flush=True)
    startup, trip = kernel_timings()

    rows = {name: summary(epochs, peak_for(name, peak)) for name, epochs in results.items()}
    print()
    print(f"CPU: {cpu}")
    for _, _, line in rows.values():
        print(line)
    ratios = epoch_ratios(results, rows, bf16)
    for label, (value, goal, pairs) in ratios.items():
        print(f"ratio {label} epoch time: {value:.2f} (goal: {'<= ' + format(goal, '.2f') if goal else 'none'}; "
              f"epoch by epoch: {pairs})")
    references = [name for name in results if name in ("PyTorch", "Keras", TUNED, DJL)]  # fp32, as DL4J
    dl4j_epoch, dl4j_rss, _ = rows["DL4J"]
    below = [name for name, epochs in results.items() if epochs[-1]["test_accuracy"] < ACCURACY_GOAL]
    print(f"test accuracy after the last epoch >= {100 * ACCURACY_GOAL:.1f} % (goal for every trainer): "
          + (f"not reached by {', '.join(below)}" if below else "reached by all"))
    if bf16:
        print(f"bf16 (this CPU has it): PyTorch under bf16 autocast {rows[BF16_VARIANT][0]:.1f} s/epoch, "
              f"{rows[BF16_VARIANT][0] / rows['PyTorch'][0]:.2f}x its fp32 time; DL4J with bf16 convolutions "
              f"{rows[DL4J_BF16][0]:.1f} s/epoch, {rows[DL4J_BF16][0] / dl4j_epoch:.2f}x its fp32 time. " + (
                  f"DL4J M2.1's own conv2 forward takes {probe['bf16_ms']:.0f} ms in bf16 against {probe['fp32_ms']:.2f} "
                  f"ms in fp32 (relative difference of the outputs {probe['bf16_relative_error']:.4f})"
                  if probe else "DL4J's bf16 probe failed (see above)"))
    print(f"ratio DL4J / PyTorch peak RSS: {dl4j_rss / rows['PyTorch'][1]:.2f} (goal: <= 0.70; against "
          + ", ".join(f"{name} {dl4j_rss / rows[name][1]:.2f}" for name in references) + ")")
    if slow_downs:
        print("slow-down beside a second copy on the same cores (2.00 = fair sharing): " + ", ".join(
            f"{name} {value:.2f}x" for name, value in slow_downs.items()))
    print(f"DL4J path: {results['DL4J'][-1]['path']}, {' '.join(f'{k}={v}' for k, v in DL4J_ENV.items())}, "
          f"JVM {' '.join(kernel_jvm_options())}")
    print(f"Java kernel: start-up {startup:.2f} s, trivial cell round trip {1000 * trip:.0f} ms")
    times = os.path.join(ROOT, "build", "run-times.json")
    if os.path.exists(times):
        run = json.load(open(times))
        print(f"last make run ({'fast' if run['fast'] else 'full'} mode): {run['total_seconds']:.0f} s for the series")
    report = {"cpu": cpu, "compute_peak_gflops": peak, "epochs": results, "slow_down_beside_a_copy": slow_downs,
              "ratios": {f"{label} epoch time": {"value": value, "goal": goal} for label, (value, goal, _) in ratios.items()}
              | {"DL4J / PyTorch peak RSS": {"value": dl4j_rss / rows["PyTorch"][1], "goal": 0.70}},
              "accuracy_goal": ACCURACY_GOAL, "below_accuracy_goal": below, "dl4j_bf16_probe": probe}
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "bench-report.json"), "w") as f:
        json.dump(report, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
