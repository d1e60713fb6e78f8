"""Do the two PDF readers agree? pdfium (the default) against pdfplumber (the reference).

    python bench/readers.py [DIR|FILE ...] [-j 2] [-o bench/readers.md] [--from-log LOG]

Every PDF under the folders (default: ../shared/corpus, ../shared/regions, ../shared/wide) is read
and audited with each reader. Compared: the meta (organisation, year, kind, pages), every table
(title, kind, unit, pages, header rows, rows with their cells), the narrative paragraphs, and the
results (rule, verdict, message); a file either reader cannot read compares by its error code.
Written to -o as Markdown: one line per file, and each difference in full.
"""

from __future__ import annotations

import argparse
import difflib
import json
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

READERS = ("pdfplumber", "pdfium")


def _tables(doc) -> list[dict]:  # noqa: ANN001
    from auditor.report.inspect import as_json

    out = []
    for t in as_json(doc)["tables"]:
        out.append({
            "title": t["title"], "kind": t["kind"], "unit": t["unit"], "pages": t["pages"],
            "header": t["header_rows"],
            "rows": [[r["code"], r["name"], r["side"], r["page"], {k: c["text"] for k, c in r["cells"].items()}]
                     for r in t["rows"]],
        })
    return out


def read_one(path: str, reader: str) -> dict:
    """What one reader makes of one file: meta, tables, paragraphs, results (or its error)."""
    from auditor.engine import audit_document
    from auditor.errors import ReadError
    from auditor.ingest import load, using_reader
    from auditor.ingest.pages import disable

    disable()  # pages in order: both readers alike
    t = time.perf_counter()
    with using_reader(reader):
        try:
            doc = load(path)
        except ReadError as exc:
            return {"error": exc.code, "time": time.perf_counter() - t}
    read = time.perf_counter() - t
    results = audit_document(doc)
    m = doc.meta
    return {
        "time": read,
        "meta": [m.organization, m.year, m.kind, m.pages],
        "tables": _tables(doc),
        "paragraphs": [p.text for p in doc.paragraphs],
        "results": sorted(f"{r.rule} {r.verdict} {r.message}" for r in results),
    }


def _both(path: str) -> tuple[str, dict, dict]:
    return path, read_one(path, READERS[0]), read_one(path, READERS[1])


def _lines(obj) -> list[str]:  # noqa: ANN001
    return json.dumps(obj, ensure_ascii=False, indent=0, sort_keys=True).splitlines()


def compare(a: dict, b: dict) -> list[str]:
    """The differences, each as a short diff (pdfplumber '-', pdfium '+')."""
    out: list[str] = []
    if "error" in a or "error" in b:
        if a.get("error") != b.get("error"):
            out.append(f"error: {a.get('error')} / {b.get('error')}")
        return out
    for key in ("meta", "tables", "paragraphs", "results"):
        if a[key] == b[key]:
            continue
        diff = [ln for ln in difflib.unified_diff(_lines(a[key]), _lines(b[key]), lineterm="", n=0)
                if not ln.startswith(("---", "+++", "@@"))]
        out.append(f"{key}: " + (f"{len(a[key])} / {len(b[key])}" if isinstance(a[key], list) else ""))
        out.extend("    " + ln[:240] for ln in diff[:40])
        if len(diff) > 40:
            out.append(f"    … {len(diff) - 40} more")
    return out


NOTES = """\
How the readers can differ, and what was done (ingest/pdfium.py, ingest/pdfium_objects.py):

- Word gaps at exactly a quarter em. Producers set digits exactly 0.25 em after CJK text
  ("公开 01表", "结余资金 0 万元"); whether the line reader puts a space there was decided by the
  parsers' float noise (pdfminer accumulates advances in double, pdfium keeps single precision).
  Fixed in both readers: a gap within 0.01 pt of the threshold is no space (ingest/pdf.py), and
  pdfium's positions are rounded back to the decimals the content stream prints.
- Glyph advances. pdfium's loose character box is wider than the font's /W width on some glyphs
  (KaiTi 金 by 0.8 %); the advance is taken from the font's widths, as pdfminer does.
- Text pdfium cannot lay out. A CJK font that is neither embedded nor substitutable
  (FZXiaoBiaoSong on Beijing's 审计局 titles): pdfium drops the characters, pdfminer reads them
  through the ToUnicode map. Such a page is read by pdfplumber (the fallback), so nothing is lost.
- A hyphen that ends a line: pdfium reports it as control character 0x02; it is read as "-".
"""


def write_md(rows: list[tuple[str, float, float, list[str]]], output: str, command: str, total: int) -> None:
    """The comparison as Markdown: a line per file, then each difference in full. Written after
    every file, so a run cut short still leaves what it compared."""
    same = sum(1 for r in rows if not r[3])
    ta, tb = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines = [
        "# pdfium against pdfplumber",
        "",
        f"`{command}`",
        "",
        f"{len(rows)} of {total} PDFs compared: {same} read the same (meta, tables with every cell, paragraphs, "
        f"results), {len(rows) - same} differ. Reading time (load, one process, a busy machine): "
        f"pdfplumber {ta:.0f} s, pdfium {tb:.0f} s.",
        "",
        NOTES,
        "| file | pdfplumber s | pdfium s | same |",
        "|---|---:|---:|---|",
    ]
    for path, a, b, diffs in rows:
        lines.append(f"| {Path(path).parent.name}/{Path(path).name} | {a:.2f} | {b:.2f} | {'yes' if not diffs else 'no'} |")
    for path, _a, _b, diffs in rows:
        if diffs:
            lines += ["", f"## {path}", "", "```", *diffs, "```"]
    Path(output).write_text("\n".join(lines) + "\n", encoding="utf-8")


def rows_from_log(log: str) -> list[tuple[str, float, float, list[str]]]:
    """The rows of an earlier run's output (a run stopped before its end)."""
    rows: list[tuple[str, float, float, list[str]]] = []
    for line in Path(log).read_text(encoding="utf-8").splitlines():
        if line.startswith(("same ", "DIFF ")):
            _status, a, b, path = line.split(None, 3)
            rows.append((path, float(a), float(b), []))
        elif line.startswith("      ") and rows:
            rows[-1][3].append(line[6:])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=[str(ROOT.parent / "shared" / d) for d in ("corpus", "regions", "wide")])
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-o", "--output", default=str(ROOT / "bench" / "readers.md"))
    ap.add_argument("--from-log", metavar="LOG", help="write the Markdown from an earlier run's output")
    args = ap.parse_args()
    if args.from_log:
        rows = rows_from_log(args.from_log)
        write_md(rows, args.output, f"python bench/readers.py {' '.join(args.dirs)}", len(rows))
        return 0
    files = [str(f) for d in args.dirs for f in (sorted(Path(d).rglob("*")) if Path(d).is_dir() else [Path(d)])
             if f.suffix.lower() == ".pdf"]
    if not files:
        print("no PDFs")
        return 1
    command = f"python bench/readers.py {' '.join(args.dirs)}"
    rows: list[tuple[str, float, float, list[str]]] = []
    with ProcessPoolExecutor(max_workers=args.jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        for path, a, b in pool.map(_both, files):
            diffs = compare(a, b)
            rows.append((path, a["time"], b["time"], diffs))
            print(f"{'same ' if not diffs else 'DIFF '} {a['time']:6.2f} {b['time']:6.2f}  {path}", flush=True)
            for ln in diffs:
                print("      " + ln, flush=True)
            write_md(rows, args.output, command, len(files))
    print(f"{sum(1 for r in rows if not r[3])}/{len(rows)} the same; written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
