"""Reading snapshots: one small JSON per document, kept in git so a change to reading shows as a diff.

    python3 bench/snapshot.py [--jsonl F.jsonl ...] [DIR ...] [--out bench/snapshots]

For each document: every table's title, kind, unit, pages, rows, column keys and reading status;
the relations held (T/X results that pass or warn, of all T/X results; relations inside a table read
with doubt, and comparisons resting on one, count as not held, as in bench/regions.py); the figures
placed (N results checked, i.e. not 无法核对, of all N results). No timings, no absolute paths, keys
sorted: the same reading gives the same bytes.

Why: a change to ingest, tables or claims first shows as tables turning untitled or `other`, or
figures no longer placed, on some layout, before any rule speaks of it. `git diff bench/snapshots`
says which documents' readings moved.

Without arguments the three folders ../shared/{corpus,regions,wide} are audited (slow: prefer the
JSONL of `python3 -m auditor DIR --format jsonl -o F --fail-on never`). A document is filed under
its path below `shared/` (`wide/beijing/X.pdf` → `bench/snapshots/wide/beijing/X.pdf.json`); a pair
audited together is filed under its first file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = ("corpus", "regions", "wide")


def read_jsonl(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def audit_folders(dirs: list[str]) -> list[dict]:
    """Run the audit of this checkout on folders, one process per core at most, niced."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.jsonl"
        subprocess.run(["nice", sys.executable, "-m", "auditor", *dirs, "--format", "jsonl", "-o", str(target),
                        "--fail-on", "never", "-j", "1"], cwd=ROOT, check=True)
        return list(read_jsonl(target))


def reports(jsonl: Iterable[str], dirs: Iterable[str]) -> list[dict]:
    out: list[dict] = []
    for f in jsonl:
        out += read_jsonl(Path(f))
    dirs = list(dirs)
    if dirs:
        out += audit_folders(dirs)
    return out


def relative_name(path: str) -> str:
    """The document's path below `shared/` (or its last two parts): never absolute, the same on every machine."""
    first = path.split(" + ")[0]
    parts = Path(first).parts
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] in FOLDERS:
            return "/".join(parts[i:])
    return "/".join(parts[-2:]) if len(parts) > 1 else parts[0]


def doubtful_tables(doc: dict) -> set[str]:
    return {t["id"] for t in doc.get("tables") or [] if (t.get("reading") or {}).get("status") == "doubtful"}


def relations(doc: dict) -> dict[str, int]:
    """T/X results held (pass or warn) of all; a relation in or against a doubtful table is not held."""
    doubtful = doubtful_tables(doc)
    held = total = 0
    for r in doc.get("results") or []:
        if r["rule"][0] not in "TX" or r["rule"] == "T100":
            continue
        total += 1
        if any(e.get("table_id") in doubtful for e in r.get("evidence") or []):
            continue
        held += r["verdict"] in ("pass", "warn")
    return {"held": held, "total": total}


def figures(doc: dict) -> dict[str, int]:
    """N results checked (pass, fail or warn) of all N results."""
    ns = [r for r in doc.get("results") or [] if r["rule"].startswith("N")]
    return {"placed": sum(1 for r in ns if r["verdict"] != "unverified"), "total": len(ns)}


def verdicts(doc: dict) -> dict[str, dict[str, int]]:
    """Counts by rule family and verdict: a coarse trace of what the rules said."""
    c: Counter[tuple[str, str]] = Counter((r["rule"][0], r["verdict"]) for r in doc.get("results") or [])
    out: dict[str, dict[str, int]] = {}
    for (fam, v), n in sorted(c.items()):
        out.setdefault(fam, {})[v] = n
    return out


def table_entry(t: dict) -> dict[str, Any]:
    reading = t.get("reading") or {}
    return {
        "id": t.get("id"),
        "title": t.get("title") or "",
        "kind": t.get("kind"),
        "unit": t.get("unit"),
        "pages": t.get("pages") or [],
        "rows": t.get("rows") or 0,
        "columns": t.get("columns") or [],
        "reading": reading.get("status"),
        "reasons": reading.get("reasons") or [],
    }


def snapshot(doc: dict) -> dict[str, Any]:
    """One document's reading, small and stable."""
    if doc.get("status") != "ok":
        return {"document": relative_name(doc["path"]), "status": doc.get("status"),
                "error": (doc.get("error") or {}).get("code")}
    meta = doc.get("meta") or {}
    sources = [relative_name(s) for s in doc["path"].split(" + ")]
    return {
        "document": relative_name(doc["path"]),
        "sources": sources if len(sources) > 1 else None,
        "status": "ok",
        "meta": {k: meta.get(k) for k in ("organization", "year", "kind", "pages")},
        "tables": [table_entry(t) for t in doc.get("tables") or []],
        "relations": relations(doc),
        "figures": figures(doc),
        "verdicts": verdicts(doc),
    }


def dump(obj: dict[str, Any]) -> str:
    """Valid JSON, keys sorted, one line per top-level key and one line per table: a git diff then
    names the table whose reading moved."""
    def one(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, sort_keys=True)

    lines = []
    for k, v in sorted(obj.items()):
        if k == "tables" and v:
            lines.append(f" {one(k)}: [\n" + ",\n".join(f"  {one(t)}" for t in v) + "\n ]")
        else:
            lines.append(f" {one(k)}: {one(v)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write(docs: list[dict], out: Path, prune: bool = True) -> tuple[int, int]:
    """Write each document's snapshot; with prune, snapshots of documents no longer seen in a folder that
    was written are removed (a file renamed or gone). Returns (written, changed)."""
    written = changed = 0
    seen: set[Path] = set()
    folders: set[str] = set()
    for doc in docs:
        snap = snapshot(doc)
        target = out / (snap["document"] + ".json")
        folders.add(snap["document"].split("/")[0])
        seen.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = dump(snap)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old != text:
            target.write_text(text, encoding="utf-8")
            changed += 1
        written += 1
    if prune:
        for folder in folders:
            for f in (out / folder).rglob("*.json"):
                if f not in seen:
                    f.unlink()
                    changed += 1
    return written, changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders to audit (default: ../shared/corpus, regions, wide)")
    ap.add_argument("--jsonl", nargs="*", default=[], help="existing JSONL of `audit DIR --format jsonl`")
    ap.add_argument("--out", default=str(ROOT / "bench" / "snapshots"))
    args = ap.parse_args(argv)
    dirs = args.dirs
    if not dirs and not args.jsonl:
        dirs = [str(SHARED / f) for f in FOLDERS if (SHARED / f).is_dir()]
    docs = reports(args.jsonl, dirs)
    written, changed = write(docs, Path(args.out))
    rel = sum(relations(d)["held"] for d in docs if d.get("status") == "ok")
    tot = sum(relations(d)["total"] for d in docs if d.get("status") == "ok")
    fig = sum(figures(d)["placed"] for d in docs if d.get("status") == "ok")
    ftot = sum(figures(d)["total"] for d in docs if d.get("status") == "ok")
    tables = sum(len(d.get("tables") or []) for d in docs)
    other = sum(1 for d in docs for t in d.get("tables") or [] if t.get("kind") in (None, "other"))
    untitled = sum(1 for d in docs for t in d.get("tables") or [] if not t.get("title"))
    print(f"{written} snapshots ({changed} changed) in {args.out}; tables {tables} (kind other/none {other}, "
          f"untitled {untitled}); relations held {rel}/{tot}; figures placed {fig}/{ftot}")
    print("diff: git diff --stat bench/snapshots")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
