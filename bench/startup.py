"""Start-up time: `audit --version`, `import auditor`, `from auditor import audit`, and a bare
interpreter for comparison, each in a fresh process (median and min of N runs, wall clock).

    python bench/startup.py [--runs 20] [--audit PATH/TO/audit]

By default the package is imported from this checkout (PYTHONPATH); --audit times an installed
console script as well (e.g. a wheel's venv/bin/audit).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], runs: int, env: dict) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--audit", help="an installed audit console script to time too")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    py = sys.executable
    cases = [
        ("python -c pass", [py, "-c", "pass"]),
        ("import auditor", [py, "-c", "import auditor"]),
        ("from auditor import audit", [py, "-c", "from auditor import audit"]),
        ("python -m auditor --version", [py, "-m", "auditor", "--version"]),
    ]
    if args.audit:
        cases.append((f"{args.audit} --version", [args.audit, "--version"]))
    print(f"{'command':<40} {'median ms':>10} {'min ms':>8}   ({args.runs} runs each)")
    for name, cmd in cases:
        med, low = timed(cmd, args.runs, env)
        print(f"{name:<40} {med * 1000:>10.1f} {low * 1000:>8.1f}")


if __name__ == "__main__":
    main()
