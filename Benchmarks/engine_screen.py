#!/usr/bin/env python3
"""The explorer's first screen over a database, timed in a real terminal (tmux, 160x50).

Usage: python3 Benchmarks/engine_screen.py TUTTI URL ROWS [RUNS]

Starts `TUTTI explore URL` in a fresh tmux session and polls the screen every 10 ms. Prints one
JSON line per run and the medians, each from the start of the process:
- `first_frame_s`: to the first screen of panes drawn with the sample, its status line saying
  `sample N of … rows` (the table's rows as the engine estimates them, `≈…`, or its exact count
  when it came first; the explorer no longer waits for the count);
- `exact_count_s`: to the first screen whose status says `sample N of ROWS rows`, the exact count
  (what `first_frame_s` measured before the explorer stopped waiting for it);
- `settled_s`: to the last change of the screen in the 3 s after the exact count (figures the
  panes compute after their first frame).
"""
import json
import re
import statistics
import subprocess
import sys
import time


def screen(session):
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def one_run(tutti, url, rows, index):
    session = f"tutti-engine-screen-{index}-{time.monotonic_ns()}"
    drawn = re.compile(r"sample [\d,]+ of (≈[\d,]+|\?|[\d,]+) rows")
    wanted = f" of {rows:,} rows"
    start = time.monotonic()
    subprocess.run(["tmux", "new-session", "-d", "-x", "160", "-y", "50", "-s", session,
                    f"env TERM=xterm-256color {tutti} explore '{url}'"], check=True)
    try:
        first = exact = None
        while exact is None:
            text = screen(session)
            now = time.monotonic() - start
            if first is None and drawn.search(text):
                first = now
            if wanted in text:
                exact = now
            elif now > 300:
                raise SystemExit(f"no exact count in 300 s:\n{text}")
            else:
                time.sleep(0.01)
        last, settled = text, exact
        while time.monotonic() - start < exact + 3:
            time.sleep(0.01)
            text = screen(session)
            if text != last:
                last, settled = text, time.monotonic() - start
        return {"first_frame_s": round(first, 3), "exact_count_s": round(exact, 3), "settled_s": round(settled, 3)}
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main():
    tutti, url, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    results = [one_run(tutti, url, rows, index) for index in range(runs)]
    for result in results:
        print(json.dumps(result))
    print(json.dumps({"runs": runs,
                      "first_frame_median_s": statistics.median(r["first_frame_s"] for r in results),
                      "exact_count_median_s": statistics.median(r["exact_count_s"] for r in results),
                      "settled_median_s": statistics.median(r["settled_s"] for r in results)}))


if __name__ == "__main__":
    main()
