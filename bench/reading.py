"""Measures the reading: table self-consistency, table recall, and reading time.

    python bench/reading.py [--corpus ../shared/corpus] [--fails] [--recall]

Self-consistency: every checkable relation in every table (类 = Σ款, 款 = Σ项, 301 = Σ301xx, 合计 rows,
合计/小计 columns, two-sided totals) and the share that holds within printed-rounding tolerance.
Published documents are nearly always right, so a low share means the reading is wrong.

Time: reading each document next to pdfplumber's own extract_text() over all pages of the same
file, in the same run (best of --repeat runs each, to damp noise).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.checks.arithmetic import check_table  # noqa: E402
from auditor.errors import ReadError  # noqa: E402
from auditor.ingest import load  # noqa: E402


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.pdf"))


def extract_text_time(path: Path) -> float:
    import pdfplumber

    t = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
    return time.perf_counter() - t


def read_time(path: Path):
    t = time.perf_counter()
    doc = load(str(path))
    return time.perf_counter() - t, doc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--seed", default=str(ROOT / "samples" / "seed.txt"))
    ap.add_argument("--fails", action="store_true", help="list every relation that does not hold")
    ap.add_argument("--recall", action="store_true", help="compare tables with bench/corpus_tables.yaml")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = [Path(args.seed)] + (corpus_files(corpus) if corpus.exists() else [])
    tot = {"pass": 0, "warn": 0, "fail": 0}
    ratios: list[float] = []
    fails: list[str] = []
    docs = {}
    print(f"{'document':58s} {'tables':>6s} {'rel':>5s} {'hold':>5s} {'round':>5s} {'fail':>4s} {'read s':>7s} {'xtext s':>7s} {'ratio':>5s}")
    for f in files:
        rt = min(read_time(f)[0] for _ in range(args.repeat)) if args.repeat > 1 else None
        try:
            t_read, doc = read_time(f)
        except ReadError as exc:
            print(f"{f.name[:58]:58s} unreadable: {exc.message}")
            continue
        if rt is not None:
            t_read = min(t_read, rt)
        docs[f] = doc
        counts = {"pass": 0, "warn": 0, "fail": 0}
        for t in doc.tables:
            for r in check_table(t):
                counts[r.verdict] += 1
                if r.verdict == "fail":
                    fails.append(f"{f.name} p{r.page} [{r.rule}] {r.message}")
        for k in tot:
            tot[k] += counts[k]
        if f.suffix.lower() == ".pdf":
            t_x = min(extract_text_time(f) for _ in range(max(1, args.repeat)))
            ratio = t_read / t_x if t_x else 0.0
            ratios.append(ratio)
            xs, rs = f"{t_x:7.2f}", f"{ratio:5.2f}"
        else:
            xs, rs = f"{'—':>7s}", f"{'—':>5s}"
        n = sum(counts.values())
        name = str(f.relative_to(corpus)) if corpus in f.parents else f.name
        print(
            f"{name[:58]:58s} {len(doc.tables):6d} {n:5d} {counts['pass']:5d} {counts['warn']:5d} {counts['fail']:4d} "
            f"{t_read:7.2f} {xs} {rs}"
        )
    n = sum(tot.values())
    held = tot["pass"] + tot["warn"]
    print()
    print(f"relations {n}: hold exactly {tot['pass']}, within rounding {tot['warn']}, fail {tot['fail']}")
    if n:
        print(f"self-consistency: {100 * held / n:.2f}% hold within printed-rounding tolerance")
    if ratios:
        ratios.sort()
        med = ratios[len(ratios) // 2]
        print(f"read time / extract_text time: median {med:.2f}, max {max(ratios):.2f} over {len(ratios)} PDFs")
    if args.fails and fails:
        print("\nrelations that do not hold:")
        for line in fails:
            print("  " + line)
    if args.recall:
        recall(corpus, docs)
    return 0


def recall(corpus: Path, docs: dict) -> None:
    import yaml

    truth_path = ROOT / "bench" / "corpus_tables.yaml"
    if not truth_path.exists():
        print("no bench/corpus_tables.yaml")
        return
    truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))["documents"]
    found_n = want_n = 0
    misses: list[str] = []
    for rel, entry in truth.items():
        doc = docs.get(corpus / rel)
        if doc is None:
            continue
        tables = list(doc.tables)
        for want in entry.get("tables") or []:
            want_n += 1
            match = next(
                (
                    t
                    for t in tables
                    if t.kind == want["kind"] and t.unit == want.get("unit") and t.pages == list(want["pages"])
                ),
                None,
            )
            if match is not None:
                found_n += 1
                tables.remove(match)
                continue
            near = [t for t in tables if set(t.pages) & set(want["pages"])]
            got = "; ".join(f"{t.kind}/{t.unit}/{t.pages} {t.title}" for t in near) or "nothing on those pages"
            misses.append(f"{rel}: want {want['kind']}/{want.get('unit')}/{want['pages']} {want['title']} — got {got}")
    print(f"\ntable recall: {found_n}/{want_n} tables found with the right kind, unit and pages")
    for m in misses:
        print("  miss: " + m)


if __name__ == "__main__":
    raise SystemExit(main())
