#!/usr/bin/env python3
"""Drafts: reading cost against the libraries' own load, and findings on the draft against its
printed forms.

    python bench/drafts.py [--repeat N]

1. Time to read the filled workbook (samples/putuo_draft_2026.xlsx) into the item stream and into
   a Document, against openpyxl's load alone (read-only, every cell visited: what the reader uses;
   and the full load, for scale); the same for the Word narrative against docx.Document alone.
   Medians of N runs (default 5); ratios are against the first line of each format.
2. Findings (rule, verdict, message) on the draft .xlsx, on its text form, and on a PDF printed
   from the text form (samples/make_pdf.py; the printer needs "表 N" lines, added here before each
   table title), with every difference listed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
XLSX = SAMPLES / "putuo_draft_2026.xlsx"
DOCX = SAMPLES / "putuo_draft_2026.docx"
TEXT = SAMPLES / "putuo_draft_2026.txt"


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _ro(openpyxl, path: Path) -> None:
    """A read-only load that touches every cell, as any reader must (read-only loads are lazy)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()


def reading(repeat: int) -> None:
    import docx
    import openpyxl

    from auditor.ingest import load, read_items

    rows = [
        ("openpyxl.load_workbook (read-only)", lambda: _ro(openpyxl, XLSX)),
        ("openpyxl.load_workbook (full)", lambda: openpyxl.load_workbook(XLSX)),
        ("auditor read_items (.xlsx)", lambda: read_items(str(XLSX))),
        ("auditor load (.xlsx → Document)", lambda: load(str(XLSX))),
        ("docx.Document", lambda: docx.Document(str(DOCX))),
        ("auditor read_items (.docx)", lambda: read_items(str(DOCX))),
        ("auditor load (.docx → Document)", lambda: load(str(DOCX))),
    ]
    print(f"## reading (median of {repeat})")
    base: dict[str, float] = {}
    for name, fn in rows:
        fn()  # warm: imports, pattern files
        t = _median(fn, repeat)
        lib = "xlsx" if "xlsx" in name or "openpyxl" in name else "docx"
        base.setdefault(lib, t)
        print(f"{name:38s} {t * 1000:8.1f} ms   ×{t / base[lib]:.2f} of the library's load")


def _with_numbers(text: str) -> str:
    """Insert "表 N" before each table title so samples/make_pdf.py prints the tables."""
    lines = text.split("\n")
    out: list[str] = []
    n = 0
    for i, line in enumerate(lines):
        ahead = lines[i + 1 : i + 4]
        if line.endswith("表") and "\t" not in line and any("\t" in a for a in ahead):
            n += 1
            out.append(f"表 {n}")
        out.append(line)
    return "\n".join(out)


def findings() -> None:
    from auditor.engine import audit_document
    from auditor.ingest import load

    forms = {"xlsx": load(str(XLSX)), "text": load(str(TEXT))}
    with tempfile.TemporaryDirectory() as tmp:
        numbered = Path(tmp) / "putuo.txt"
        numbered.write_text(_with_numbers(TEXT.read_text(encoding="utf-8")), encoding="utf-8")
        pdf = Path(tmp) / "putuo.pdf"
        made = subprocess.run([sys.executable, str(SAMPLES / "make_pdf.py"), str(numbered), str(pdf)],
                              capture_output=True, text=True)
        if made.returncode == 0:
            forms["pdf"] = load(str(pdf))
        else:
            print("PDF form not made (reportlab missing?):", made.stderr.strip()[-200:])
        results = {k: audit_document(d) for k, d in forms.items()}
    print("\n## findings on the draft and its printed forms")
    for k, rs in results.items():
        c = Counter(r.verdict for r in rs)
        print(f"{k:5s} tables {len(forms[k].tables):2d}  paragraphs {len(forms[k].paragraphs):3d}  "
              f"pass {c['pass']:3d}  fail {c['fail']}  warn {c['warn']}  unverified {c['unverified']}")
    # the PDF form numbers its tables ("表2《…》"), the draft does not: compared without the number
    key = lambda r: (r.rule, r.verdict, re.sub(r"表\d+《", "《", r.message))  # noqa: E731
    draft = Counter(map(key, results["xlsx"]))
    for other in [k for k in results if k != "xlsx"]:
        theirs = Counter(map(key, results[other]))
        only_draft, only_other = draft - theirs, theirs - draft
        print(f"\nxlsx vs {other}: {sum(only_draft.values())} only in xlsx, {sum(only_other.values())} only in {other}")
        for (rule, verdict, msg), n in sorted(only_draft.items()):
            print(f"  xlsx only  {rule} {verdict} ×{n}: {msg[:110]}")
        for (rule, verdict, msg), n in sorted(only_other.items()):
            print(f"  {other} only  {rule} {verdict} ×{n}: {msg[:110]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    reading(args.repeat)
    findings()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
