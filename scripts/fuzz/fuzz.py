#!/usr/bin/env python3
"""Fuzz tutti's release binary: mutate seed files and expressions, run tutti on each with a
time and a memory limit, and count crashes (a signal, or an exit status other than 0, 1
and 2), hangs (the time limit) and distinct messages.

    python3 scripts/fuzz/fuzz.py --build --target all --minutes 10

Targets: csv, jsonl (the loaders, plain and gzipped, through `tutti info` and `count`),
expr (filter expressions through `tutti count --where`), view (view files through
`tutti export --view` and `tutti report --view`), parquet and arrow (the test fixtures with
their Thrift footers, page headers and flatbuffer metadata made hostile, and schemas nested
too deep, through `tutti info` and `count`). Every crash or hang is saved under --out
with the input and a `reproduce.sh`. Exits 1 when any run crashed or hung (or when most
runs were usage errors: then the command lines here no longer fit tutti's). The i-th input
of a target depends only on --seed, the target and i (and the Python version), so a run
can be repeated exactly.
Python 3 standard library only.
"""

import argparse
import os
import pathlib
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep the repository free of __pycache__ folders

import columnar  # noqa: E402 (after the line above)
import expressions  # noqa: E402
import loaders  # noqa: E402
import views  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS = HERE / "seeds"
FIXTURES = ROOT / "Tests" / "TuttiCoreTests" / "Fixtures"
TARGETS = ["csv", "jsonl", "expr", "view", "parquet", "arrow"]


def read_seeds(folder: str, root: pathlib.Path = SEEDS, suffixes=None) -> dict:
    return {p.name: p.read_bytes() for p in sorted((root / folder).iterdir())
            if p.is_file() and (suffixes is None or p.suffix in suffixes)}


def case_makers():
    """Per target: a function from a random.Random to one Case."""
    data = (SEEDS / "data" / "eval.csv").read_bytes()
    exprs = [line for line in (SEEDS / "expressions.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    csv_seeds, jsonl_seeds, view_seeds = read_seeds("csv"), read_seeds("jsonl"), read_seeds("views")
    parquet_seeds = read_seeds("parquet", FIXTURES, {".parquet"})
    arrow_seeds = read_seeds("arrow", FIXTURES, {".arrow", ".arrows", ".feather"})
    return {
        "csv": lambda rng: loaders.csv_case(rng, csv_seeds),
        "jsonl": lambda rng: loaders.jsonl_case(rng, jsonl_seeds),
        "expr": lambda rng: expressions.expr_case(rng, data, exprs),
        "view": lambda rng: views.view_case(rng, data, view_seeds, exprs),
        "parquet": lambda rng: columnar.parquet_case(rng, parquet_seeds),
        "arrow": lambda rng: columnar.arrow_case(rng, arrow_seeds),
    }


class Outcome:
    """How one run ended: `kind` is ok, crash or hang; `status` the exit status (negative:
    the signal); `message` the first line tutti wrote to stderr, or for a crash the Swift
    runtime's "Fatal error" line when there is one."""

    def __init__(self, kind, status, stderr: bytes, seconds):
        self.kind, self.status, self.stderr, self.seconds = kind, status, stderr, seconds
        lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        fatal = [line for line in lines if "Fatal error" in line]
        self.message = (fatal or lines or [""])[0]

    def describe(self):
        if self.kind == "hang":
            return "time limit"
        if self.status < 0:
            return f"signal {signal.Signals(-self.status).name}"
        return f"exit {self.status}"


def normalised(message: str, folder: str) -> str:
    """A message with what varies from input to input (paths, numbers, quoted text) blanked,
    so that the same message about different inputs counts once."""
    text = message.replace(folder, "<dir>")
    text = re.sub(r"(['\"`]).*?\1", r"\1…\1", text)
    text = re.sub(r"\d[\d,.]*", "N", text)
    return text[:160]


def run_case(binary, case, folder, timeout, memory_bytes) -> Outcome:
    for name, content in case.files.items():
        (pathlib.Path(folder) / name).write_bytes(content)

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    environment = {"PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                   "XDG_CONFIG_HOME": folder, "SWIFT_BACKTRACE": "enable=no"}
    stdin = open(os.path.join(folder, case.stdin), "rb") if case.stdin else subprocess.DEVNULL
    start = time.monotonic()
    try:
        child = subprocess.Popen([binary] + case.arguments, cwd=folder, env=environment, stdin=stdin,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limits,
                                 start_new_session=True)
        try:
            _, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            _, stderr = child.communicate()
            return Outcome("hang", child.returncode, stderr[:65536], time.monotonic() - start)
    finally:
        if case.stdin:
            stdin.close()
    kind = "ok" if child.returncode in (0, 1, 2) else "crash"
    return Outcome(kind, child.returncode, stderr[:65536], time.monotonic() - start)


def reproduce_script(binary, case, memory_bytes, folder: pathlib.Path) -> str:
    """A shell script that runs the case again; long or non-UTF-8 arguments go into files."""
    lines = ["#!/bin/sh", 'cd "$(dirname "$0")" || exit 2', f"ulimit -v {memory_bytes // 1024}",
             f"TUTTI=${{TUTTI:-{shlex.quote(binary)}}}"]
    words = []
    for index, argument in enumerate(case.arguments):
        raw = argument if isinstance(argument, bytes) else argument.encode()
        if len(raw) < 200 and b"\n" not in raw and raw.isascii():
            words.append(shlex.quote(raw.decode()))
        else:
            (folder / f"arg{index}.bin").write_bytes(raw)
            lines.append(f"arg{index}=$(cat arg{index}.bin; printf x); arg{index}=${{arg{index}%x}}")
            words.append(f'"$arg{index}"')
    stdin = f" < {shlex.quote(case.stdin)}" if case.stdin else ""
    lines.append(f'exec "$TUTTI" {" ".join(words)}{stdin}')
    return "\n".join(lines) + "\n"


def save(out: pathlib.Path, target, index, seed, case, outcome, binary, memory_bytes, bucket_number):
    folder = out / target / f"{outcome.kind}-{bucket_number:03d}-run{index}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, content in case.files.items():
        (folder / name).write_bytes(content)
    script = folder / "reproduce.sh"
    script.write_text(reproduce_script(binary, case, memory_bytes, folder))
    script.chmod(0o755)
    (folder / "stderr.txt").write_bytes(outcome.stderr)
    (folder / "about.txt").write_text(f"target {target}, seed {seed}, run {index}: {outcome.describe()} after "
                                      f"{outcome.seconds:.1f} s\n")
    return folder


def fuzz_target(target, make, args, out, work) -> dict:
    deadline = time.monotonic() + args.minutes * 60
    stats = {"runs": 0, "exit 0": 0, "exit 1": 0, "exit 2": 0, "crashes": 0, "hangs": 0, "messages": set(),
             "buckets": {}, "seconds": 0.0}
    started = time.monotonic()
    index = 0
    while time.monotonic() < deadline and (args.runs is None or index < args.runs):
        rng = random.Random(f"{args.seed}/{target}/{index}")
        case = make(rng)
        folder = tempfile.mkdtemp(prefix=f"{target}-", dir=work)
        outcome = run_case(args.binary, case, folder, args.timeout, args.memory_mb << 20)
        stats["runs"] += 1
        if outcome.kind == "ok":
            stats[f"exit {outcome.status}"] += 1
            if outcome.message:
                stats["messages"].add(normalised(outcome.message, folder))
        else:
            stats["crashes" if outcome.kind == "crash" else "hangs"] += 1
            key = (outcome.kind, outcome.describe(), normalised(outcome.message, folder))
            bucket = stats["buckets"].setdefault(key, {"count": 0, "saved": [], "number": len(stats["buckets"]) + 1})
            bucket["count"] += 1
            if len(bucket["saved"]) < args.keep:
                bucket["saved"].append(save(out, target, index, args.seed, case, outcome, args.binary,
                                            args.memory_mb << 20, bucket["number"]))
            print(f"  {target} run {index}: {outcome.kind} ({outcome.describe()}) {outcome.message[:100]}", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        index += 1
    stats["seconds"] = time.monotonic() - started
    return stats


def print_summary(results: dict, out: pathlib.Path):
    columns = ["runs", "exit 0", "exit 1", "exit 2", "crashes", "hangs", "messages", "minutes"]
    print()
    print(f"{'target':<8}" + "".join(f"{name:>9}" for name in columns))
    for target, stats in results.items():
        values = [stats[name] for name in columns[:-2]] + [len(stats["messages"]), f"{stats['seconds'] / 60:.1f}"]
        print(f"{target:<8}" + "".join(f"{value:>9}" for value in values))
    for target, stats in results.items():
        for (kind, how, message), bucket in sorted(stats["buckets"].items(), key=lambda item: -item[1]["count"]):
            where = bucket["saved"][0].relative_to(out.parent) if bucket["saved"] else ""
            print(f"{target}: {bucket['count']} × {kind} ({how}) {message[:100]!r} → {where}")
        if stats["exit 2"] > stats["runs"] // 2:
            print(f"{target}: most runs were usage errors (exit 2): the harness's command lines no longer fit tutti")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", default="all", help="csv, jsonl, expr, view, parquet, arrow, a comma list, or all (default)")
    parser.add_argument("--minutes", type=float, default=1.0, help="time per target (default 1)")
    parser.add_argument("--runs", type=int, default=None, help="stop a target after this many runs")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a run counts as a hang (default 10)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space limit of a run (default 2048)")
    parser.add_argument("--keep", type=int, default=3, help="inputs saved per kind of failure (default 3)")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tutti"), help="the tutti to run")
    parser.add_argument("--build", action="store_true", help="run `swift build -c release` first")
    parser.add_argument("--out", default=str(ROOT / "fuzz-out"), help="where failing inputs go (default fuzz-out/)")
    args = parser.parse_args()

    targets = TARGETS if args.target == "all" else args.target.split(",")
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {', '.join(unknown)} (choose from {', '.join(TARGETS)} or all)")
    if args.build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "tutti"], cwd=ROOT, check=True)
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        parser.error(f"no tutti at {args.binary}: run with --build, or `swift build -c release` first")

    out = pathlib.Path(args.out).resolve()
    makers = case_makers()
    results = {}
    with tempfile.TemporaryDirectory(prefix="tutti-fuzz-") as work:
        for target in targets:
            limit = f", at most {args.runs} runs" if args.runs is not None else ""
            print(f"{target}: {args.minutes:g} min{limit}, seed {args.seed}, {args.timeout:g} s and "
                  f"{args.memory_mb} MB per run", flush=True)
            results[target] = fuzz_target(target, makers[target], args, out, work)
    print_summary(results, out)
    failed = any(stats["crashes"] or stats["hangs"] or stats["exit 2"] > stats["runs"] // 2 for stats in results.values())
    if failed:
        print(f"\nfailing inputs with reproduce.sh: {out}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
