"""Runs the same kernel tests against this project's kernel and JJava 1.0a8 and writes docs/kernels.md.

Every test of the conformance, end-to-end, fault and JJava-feature suites runs on its own, once per kernel, in its own
pytest process with a time limit: a kernel that hangs on one probe (JJava does) costs that row only. JJava's results
are recorded, never asserted. The IJava 1.3.0 column is not measured (IJava is not on any registry this project uses):
it says what IJava's source does, from ../shared/research/ijava-spec.md, where that decides the test.

    .venv/bin/python environment/compare_kernels.py [--out docs/kernels.md] [-k substring]   (make kernels-report)

Each run keeps its results in build/kernels-report.json; `-k` runs only the matching tests again and keeps the others'
last results, so one row can be measured again without the whole half hour.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

ENVIRONMENT = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(ENVIRONMENT)
TESTS = os.path.join(ENVIRONMENT, "tests")
SUITES = {
    "test_kernel_conformance.py": "Jupyter's conformance suite (jupyter_kernel_test)",
    "test_kernel_end_to_end.py": "IJava's semantics, end to end over ZeroMQ",
    "test_kernel_faults.py": "Faults",
    "test_kernel_from_jjava.py": "What JJava brought",
}
KERNELS = {"java": "ours", "jjava": "JJava 1.0a8"}
JJAVA_SPECS = os.path.join(ROOT, "build", "jjava", "jupyter")
TEST_SECONDS = 120
RESULTS = os.path.join(ROOT, "build", "kernels-report.json")

# What IJava 1.3.0 does where its source decides the test (ijava-spec.md); a test not named here: not known.
IJAVA_1_3_0 = {
    "test_kernel_info": ("fails", "basekernel's kernel_info_reply has no status (§5)"),
    "test_kernel_info_and_history_replies_carry_status": ("fails", "basekernel's kernel_info_reply has no status (§5)"),
    "test_errors_have_ijava_names_and_readable_tracebacks": ("passes", "the names are IJava's (§2)"),
    "test_jars_magic_adds_a_jar_and_returns_paths_when_assigned": ("passes", "%jars returns the paths (§3)"),
    "test_maven_magic_resolves_transitively_and_magic_values_stay_hidden": (
        "passes", "Ivy resolves it transitively (§3)"),
    "test_a_message_with_a_bad_signature_is_ignored_and_the_kernel_keeps_working": (
        "fails", "basekernel's channel thread dies on a bad HMAC (§5, §9)"),
    "test_jvm_options_come_from_ijava_jvm_opts": ("fails", "no IJAVA_JVM_OPTS: JVM options only by editing argv (§7)"),
    "test_a_bad_timeout_setting_stops_the_kernel_with_an_explanation": (
        "fails", "an unparsable IJAVA_TIMEOUT throws while JShell is built, with no message naming it (§1)"),
    "test_system_exit_in_a_cell_stops_the_cell_not_the_kernel": ("fails", "System.exit ends IJava's JVM"),
    "test_time_shows_the_timing_and_gives_back_the_value": ("fails", "no %time (§3)"),
    "test_time_in_an_assignment_and_as_a_cell_magic": ("fails", "no %time (§3)"),
    "test_tab_completes_magic_names": ("fails", "completion knows Java names only (§5)"),
    "test_jjavas_variable_names_are_read_beside_ijavas": ("fails", "reads IJAVA_* only (§1)"),
    "test_a_library_written_for_jjava_renders_its_type_here": ("fails", "no extension mechanism"),
    "test_jjava_load_extensions_0_leaves_them_out": ("fails", "no extension mechanism"),
}


def collect(suite):
    """The test ids of one suite file, as pytest names them."""
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", os.path.join(TESTS, suite)],
                         capture_output=True, text=True, cwd=ROOT)
    ids = [line.strip() for line in run.stdout.splitlines() if "::" in line]
    if not ids:
        raise SystemExit(f"pytest found no tests in {suite}:\n{run.stdout}\n{run.stderr}")
    return ids


def run_one(test_id, kernel):
    """('passed'|'failed'|'hung', seconds, the first line of why it failed)."""
    env = {**os.environ, "CNNBOOK_KERNEL": kernel}
    with tempfile.TemporaryDirectory() as scratch:
        report = os.path.join(scratch, "report.xml")
        started = time.monotonic()
        try:
            subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
                            test_id], capture_output=True, text=True, cwd=ROOT, env=env, timeout=TEST_SECONDS,
                           start_new_session=True)
        except subprocess.TimeoutExpired:
            return "hung", time.monotonic() - started, f"no result within {TEST_SECONDS} s"
        finally:
            kill_leftover_kernels(env)
        seconds = time.monotonic() - started
        if not os.path.exists(report):
            return "failed", seconds, "pytest wrote no report"
        case = ElementTree.parse(report).getroot().find(".//testcase")
        problem = None if case is None else next(
            (case.find(tag) for tag in ("failure", "error") if case.find(tag) is not None), None)
        if case is None or case.find("skipped") is not None:
            return "skipped", seconds, ""
        if problem is None:
            return "passed", seconds, ""
        return "failed", seconds, first_line(problem.get("message") or problem.text or "")


def first_line(message):
    line = next((part.strip() for part in message.splitlines() if part.strip()), "")
    return line if len(line) <= 140 else line[:137] + "..."


def kill_leftover_kernels(env):
    """JJava's kernel outlives the process that started it (and one busy in `while (true) {}` keeps a core): after
    every JJava test, end the JJava JVMs it left, so that they slow no later row and no timing."""
    if env.get("CNNBOOK_KERNEL") == "jjava":
        subprocess.run(["pkill", "-f", "jjava"], check=False)


def startup_and_round_trip(kernel, starts=5, cells=30):
    """Median kernel start (process start to kernel_info reply) and median round trip of the cell `1 + 1`."""
    sys.path.insert(0, TESTS)
    from kernel_session import KernelSession  # the tests' own helper
    start_times, trips = [], []
    for attempt in range(starts):
        session = KernelSession(kernel_name=kernel)
        try:
            start_times.append(session.startup_seconds)
            if attempt == 0:
                session.execute("1 + 1")  # the first cell also compiles JShell's wrappers
                for _ in range(cells):
                    began = time.monotonic()
                    session.execute("1 + 1")
                    trips.append(time.monotonic() - began)
        finally:
            session.close()
    return statistics.median(start_times), statistics.median(trips)


def cpu_model():
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def java_version():
    run = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return (run.stderr.splitlines() or ["unknown"])[0]


def humanise(test_id):
    name = test_id.split("::")[-1]
    return name.removeprefix("test_").replace("_", " ")


def mark(outcome):
    return {"passed": "✓", "failed": "✗", "hung": "✗ hung", "skipped": "–"}[outcome]


def write_report(path, results, timings):
    lines = [
        "# Our kernel, JJava 1.0a8 and IJava 1.3.0, test by test",
        "",
        f"Measured by `make kernels-report` (environment/compare_kernels.py) on {datetime.date.today()}: "
        f"{cpu_model()}, {os.cpu_count()} cores, {java_version()} (the whole run ~30 min). Every row is one test of "
        "environment/tests, run on its own against each kernel; JJava's results are recorded, not asserted "
        "(`make test` asserts ours). The IJava 1.3.0 column is read from IJava's source "
        "(../shared/research/ijava-spec.md, section in parentheses), not measured; blank where the source does not "
        "decide the test. – is a test of jupyter_kernel_test's that the test class does not configure.",
        "",
        "| | ours | JJava 1.0a8 |",
        "|---|---|---|",
        f"| kernel start (process to `kernel_info` reply, median of 5) | {timings['java'][0]:.2f} s | "
        f"{timings['jjava'][0]:.2f} s |",
        f"| round trip of the cell `1 + 1` (median of 30) | {timings['java'][1] * 1000:.0f} ms | "
        f"{timings['jjava'][1] * 1000:.0f} ms |",
    ]
    lines += ["", "| suite | tests | ours passes | JJava 1.0a8 passes |", "|---|---|---|---|"]
    for suite, (total, ours, jjava) in summary(results).items():
        lines.append(f"| {SUITES[suite]} | {total} | {ours} | {jjava} |")
    if any("ValidationError: 'status'" in outcome["jjava"][2] for outcome in results.values()):
        lines += ["", "JJava's `kernel_info_reply` has no `status`; jupyter_kernel_test checks every reply against "
                  "the message schema as it starts each test, so that one omission fails every JJava row of the "
                  "conformance suite that runs (the behaviour behind it is not measured there)."]
    for suite, title in SUITES.items():
        rows = [(test_id, outcome) for test_id, outcome in results.items() if test_id.split("::")[0].endswith(suite)]
        if not rows:
            continue
        lines += ["", f"## {title}", "", "| behaviour | ours | JJava 1.0a8 | IJava 1.3.0 (source) |", "|---|---|---|---|"]
        notes = []
        for test_id, outcome in rows:
            marks = []
            for kernel in KERNELS:
                status, _, why = outcome[kernel]
                marks.append(mark(status) + (f" [{len(notes) + 1}]" if why else ""))
                if why:
                    notes.append(f"{KERNELS[kernel]}: {why}")
            ijava = IJAVA_1_3_0.get(test_id.split("::")[-1])
            ijava_cell = f"{'✓' if ijava[0] == 'passes' else '✗'} {ijava[1]}" if ijava else ""
            lines.append(f"| {humanise(test_id)} | {' | '.join(marks)} | {ijava_cell} |")
        if notes:
            lines += ["", "What the failing tests said:", ""]
            lines += [f"{number}. {escape(note)}" for number, note in enumerate(notes, 1)]
    lines.append("")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def escape(text):
    """A failure message as literal text in markdown."""
    return "`" + text.replace("`", "'") + "`"


def summary(results):
    counts = {}
    for test_id, outcome in results.items():
        if outcome["java"][0] == "skipped" and outcome["jjava"][0] == "skipped":
            continue  # a part of jupyter_kernel_test this kernel's test class does not configure
        suite = next(s for s in SUITES if test_id.split("::")[0].endswith(s))
        total, ours, jjava = counts.get(suite, (0, 0, 0))
        counts[suite] = (total + 1, ours + (outcome["java"][0] == "passed"), jjava + (outcome["jjava"][0] == "passed"))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "kernels.md"))
    parser.add_argument("-k", dest="only", action="append", help="only the tests whose id contains this (repeatable)")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(JJAVA_SPECS, "kernels", "jjava", "kernel.json")):
        raise SystemExit("JJava is not installed for the comparison: run environment/setup-jjava.sh (make "
                         "kernels-report does)")
    # 'jjava' is found beside ours ('java', from build/jupyter or the user's kernels); the names do not collide
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (JJAVA_SPECS, os.environ.get("JUPYTER_PATH")) if p)
    every = [test_id for suite in SUITES for test_id in collect(suite)]
    ids = [test_id for test_id in every if not args.only or any(part in test_id for part in args.only)]
    earlier = json.load(open(RESULTS)) if args.only and os.path.exists(RESULTS) else {}
    results = {test_id: earlier[test_id] for test_id in every if test_id in earlier}
    for number, test_id in enumerate(ids, 1):
        results[test_id] = {}
        for kernel, name in KERNELS.items():
            outcome = run_one(test_id, kernel)
            results[test_id][kernel] = outcome
            print(f"[kernels] {number}/{len(ids)} {name:12} {outcome[0]:7} {outcome[1]:5.1f} s  {humanise(test_id)}"
                  + (f"  ({outcome[2]})" if outcome[2] else ""), flush=True)
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        json.dump(results, f, indent=1)
    results = {test_id: results[test_id] for test_id in every if test_id in results}
    timings = {kernel: startup_and_round_trip(kernel) for kernel in KERNELS}
    for kernel, (start, trip) in timings.items():
        print(f"[kernels] {KERNELS[kernel]}: start {start:.2f} s, round trip {trip * 1000:.0f} ms", flush=True)
    write_report(args.out, results, timings)
    print(f"[kernels] wrote {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
