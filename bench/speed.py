"""Speed and memory of the full audit on the corpus, as ratios measured in one run.

    python bench/speed.py [--corpus ../shared/corpus] [--repeat 2] [--reader pdfium|pdfplumber]

1. Per document: the full audit (read + every rule) next to pdfplumber's own extract_text() over all
   pages of the same file, best of --repeat each; the median and max ratio, with pages read in
   worker processes (the default) and in order in one process (AUDITOR_PAGE_WORKERS=1; pdfplumber
   only); and as a user runs it: `python -m auditor FILE` against a script running extract_text,
   each a new process (interpreter start and imports included).
2. The corpus as one batch on 2 worker processes against the same batch in one process (wall time).
3. Peak resident memory of each worker process (ru_maxrss).
4. The cross-examination's share of the audit (verdicts/policy.py, issue 21: at most 10%).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from reading import extract_text_time  # noqa: E402

from auditor.batch import audit_group, run  # noqa: E402


def audit_time(path: Path, page_workers: str | None = None) -> float:
    if page_workers is None:
        os.environ.pop("AUDITOR_PAGE_WORKERS", None)
    else:
        os.environ["AUDITOR_PAGE_WORKERS"] = page_workers
    t = time.perf_counter()
    audit_group([str(path)], None, None, None)
    return time.perf_counter() - t


_EXTRACT = ("import sys, pdfplumber\n"
            "with pdfplumber.open(sys.argv[1]) as pdf:\n"
            "    [p.extract_text() for p in pdf.pages]\n")


def _process_time(cmd: list[str]) -> float:
    import subprocess

    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def _no_page_workers() -> None:
    from auditor.ingest.pages import disable

    disable()  # as in a batch worker


def _audit_and_rss(path: str) -> tuple[str, float]:
    audit_group([path], None, None, None)
    return path, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--reader", choices=("pdfium", "pdfplumber"), default="pdfium")
    args = ap.parse_args()
    os.environ["AUDITOR_PDF_READER"] = args.reader  # this process and every worker it spawns
    print(f"reader: {args.reader}; load: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")
    files = sorted(Path(args.corpus).rglob("*.pdf"))
    if not files:
        print("no corpus")
        return 1
    audit_time(files[0])  # warm imports, pattern caches and page workers, as a long-running process would be
    ratios, single, whole = [], [], []
    print(f"{'document':50} {'extract_text':>12} {'audit':>8} {'ratio':>6} {'1 process':>10} {'ratio':>6}"
          f" {'$ extract':>10} {'$ audit':>8} {'ratio':>6}")
    for f in files:
        et = min(extract_text_time(f) for _ in range(args.repeat))
        at = min(audit_time(f) for _ in range(args.repeat))
        # pdfium reads in the calling process: the one-process figure is the same run again
        st = min(audit_time(f, "1") for _ in range(args.repeat)) if args.reader == "pdfplumber" else at
        # as a user runs it: a new interpreter each, imports and all
        pe = min(_process_time([sys.executable, "-c", _EXTRACT, str(f)]) for _ in range(args.repeat))
        pa = min(_process_time([sys.executable, "-m", "auditor", str(f), "--format", "json", "-o", os.devnull,
                                "--fail-on", "never", "--isolated"]) for _ in range(args.repeat))
        ratios.append(at / et)
        single.append(st / et)
        whole.append(pa / pe)
        print(f"{f.name[:48]:50} {et:12.2f} {at:8.2f} {at / et:6.2f} {st:10.2f} {st / et:6.2f}"
              f" {pe:10.2f} {pa:8.2f} {pa / pe:6.2f}", flush=True)
    os.environ.pop("AUDITOR_PAGE_WORKERS", None)
    print(f"\naudit / extract_text: median {statistics.median(ratios):.2f}x, max {max(ratios):.2f}x "
          f"(pages in one process: median {statistics.median(single):.2f}x, max {max(single):.2f}x; "
          f"whole process, `python -m auditor FILE` / a script running extract_text: "
          f"median {statistics.median(whole):.2f}x, max {max(whole):.2f}x)")

    groups = [[str(f)] for f in files]
    os.environ["AUDITOR_PAGE_WORKERS"] = "1"  # the single-process baseline reads pages in order too
    t = time.perf_counter()
    list(run(groups, jobs=1))
    one = time.perf_counter() - t
    os.environ.pop("AUDITOR_PAGE_WORKERS", None)
    t = time.perf_counter()
    list(run(groups, jobs=2))
    two = time.perf_counter() - t
    print(f"batch of {len(files)}: 1 process {one:.1f}s, 2 processes {two:.1f}s, ratio {two / one:.2f}x")

    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_no_page_workers) as pool:
        futures = [pool.submit(_audit_and_rss, str(f)) for f in files]
        rss = [fu.result()[1] for fu in futures]
    print(f"peak memory per worker: max {max(rss):.0f} MB (over {len(rss)} documents on 2 workers)")
    cross, total = cross_examination_time(files)
    print(f"cross-examination (verdicts/policy.py): {cross:.3f}s of {total:.2f}s of audit, {cross / total * 100:.1f}%")
    return 0


def cross_examination_time(files: list[Path]) -> tuple[float, float]:
    """The time the one policy every would-be 不通过 goes through takes, against the whole audit of the
    same documents (reading and every rule), in this process (issue 21's cost target: at most 10%)."""
    import auditor.verdicts.policy as policy

    spent = [0.0]
    original = policy.cross_examine

    def timed(doc, results):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return original(doc, results)
        finally:
            spent[0] += time.perf_counter() - t0

    policy.cross_examine = timed  # run_checks imports it at each call
    try:
        t = time.perf_counter()
        for f in files:
            audit_group([str(f)], None, None, None)
        return spent[0], time.perf_counter() - t
    finally:
        policy.cross_examine = original


if __name__ == "__main__":
    raise SystemExit(main())
