"""The 不通过 ledger: every fail on corpus, regions and wide, one line each, classified real or false.

    python3 bench/ledger.py [--jsonl F.jsonl ...] [DIR ...] [--out bench/ledger] [--check] [--import-review MD]

Writes `bench/ledger/<folder>.tsv` (one line per fail, sorted: document, page, rule, key, message,
class, note) and `bench/ledger/summary.txt`, and prints the totals: fails, real, false, unclassified,
% real (of the classified), documents with more than one false fail, median false fails per document
(over documents with a fail).

The classification is kept by hand in `bench/ledger/classified.tsv` (document, key, class, note; the
key is the result's stable key, rule + anchor), merged in here: a fail not in it shows as
`unclassified` until a reviewer marks it `real` or `false` with the page evidence in the note. A
classified line whose fail is gone stays in classified.tsv (it may come back) and is counted as
`gone` in the summary. Why TSV: one line per finding diffs line by line in git, so a change that adds
or removes a 不通过 shows as exactly those lines.

Without arguments the three folders ../shared/{corpus,regions,wide} are audited (slow: prefer the
JSONL of `python3 -m auditor DIR --format jsonl -o F --fail-on never`). With --check the files are
not written and the exit status is 1 when a fail is unclassified. --import-review adds the classes of
a markdown review table (bench/fails_review.md: document | page | rule | key | verdict | class | why)
to classified.tsv; what the file already says is kept.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot import FOLDERS, SHARED, ROOT, relative_name, reports  # noqa: E402

CLASSES = ("real", "false")
_CELL = re.compile(r"(?<!\\)\|")  # a markdown cell border: a | not escaped as \|
HEADER = ("document", "page", "rule", "key", "message", "class", "note")


@dataclass(frozen=True)
class Fail:
    document: str  # path below shared/: corpus/X.pdf
    page: str
    rule: str
    key: str
    message: str

    @property
    def folder(self) -> str:
        return self.document.split("/")[0]


def clean(text: str, limit: int = 0) -> str:
    """One TSV cell: no tabs or newlines; shortened to limit characters when given."""
    text = " ".join(str(text or "").split())
    return text[: limit - 1] + "…" if limit and len(text) > limit else text


def fails_of(docs: list[dict]) -> list[Fail]:
    out = []
    for d in docs:
        if d.get("status") != "ok":
            continue
        name = relative_name(d["path"])
        for r in d.get("results") or []:
            if r["verdict"] != "fail":
                continue
            page = r.get("page")
            if page is None:  # a claim of a text document or a table result: the first evidence page
                page = next((e.get("page") for e in r.get("evidence") or [] if e.get("page")), None)
            out.append(Fail(name, "" if page is None else str(page), r["rule"], clean(r["key"]),
                            clean(r["message"], 120)))
    # duplicates (the same key twice in one document) are kept, each on its own line
    return sorted(out, key=lambda f: (f.document, _page_order(f.page), f.rule, f.key, f.message))


def _page_order(page: str) -> int:
    return int(page) if page.isdigit() else -1


def load_classified(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(document, key) → (class, note). Lines starting with # are comments."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "document":
                continue
            doc, key, cls = row[0], row[1], row[2]
            note = row[3] if len(row) > 3 else ""
            if cls not in CLASSES:
                raise SystemExit(f"{path}: class must be real or false, not {cls!r} ({doc} {key})")
            out[doc, key] = (cls, note)
    return out


def write_tsv(path: Path, rows: list[tuple[str, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(HEADER)] + ["\t".join(clean(c) for c in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(fails: list[Fail], classified: dict[tuple[str, str], tuple[str, str]], label: str) -> str:
    cls = Counter(classified.get((f.document, f.key), ("unclassified", ""))[0] for f in fails)
    real, false, unc = cls["real"], cls["false"], cls["unclassified"]
    done = real + false
    false_by_doc = Counter(f.document for f in fails if classified.get((f.document, f.key), ("",))[0] == "false")
    docs = sorted({f.document for f in fails})
    per_doc = [false_by_doc.get(d, 0) for d in docs]
    pct = f"{100 * real / done:.1f}%" if done else "-"
    return (f"{label}: fails {len(fails)}, real {real}, false {false}, unclassified {unc}, real {pct} of classified; "
            f"documents with a fail {len(docs)}, with >1 false {sum(1 for n in per_doc if n > 1)}, "
            f"median false per document {statistics.median(per_doc) if per_doc else 0:g}")


def build(docs: list[dict], out: Path, write: bool = True) -> tuple[list[str], int]:
    """Write the per-folder ledgers and the summary; returns the summary lines and the unclassified count."""
    fails = fails_of(docs)
    classified = load_classified(out / "classified.tsv")
    folders = sorted({f.folder for f in fails} | {relative_name(d["path"]).split("/")[0] for d in docs})
    lines = []
    for folder in folders:
        mine = [f for f in fails if f.folder == folder]
        rows = []
        for f in mine:
            c, note = classified.get((f.document, f.key), ("unclassified", ""))
            rows.append((f.document, f.page, f.rule, f.key, f.message, c, note))
        if write:
            write_tsv(out / f"{folder}.tsv", rows)
        lines.append(summary(mine, classified, folder))
    lines.append(summary(fails, classified, "all"))
    present = {(f.document, f.key) for f in fails}
    seen_folders = set(folders)
    gone = [k for k in classified if k not in present and k[0].split("/")[0] in seen_folders]
    lines.append(f"classified but no longer failing: {len(gone)}")
    lines += [f"  gone: {d} {k}" for d, k in sorted(gone)]
    by_rule = Counter((f.rule, classified.get((f.document, f.key), ("unclassified",))[0]) for f in fails)
    rules = sorted({r for r, _ in by_rule})
    lines.append("by rule (real/false/unclassified): " + ", ".join(
        f"{r} {by_rule[r, 'real']}/{by_rule[r, 'false']}/{by_rule[r, 'unclassified']}" for r in rules))
    if write:
        (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    unclassified = sum(1 for f in fails if (f.document, f.key) not in classified)
    return lines, unclassified


def review_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a markdown review table with columns document | page | rule | key | verdict | class | why
    (bench/fails_review.md of the verdict work): header names are read from the table itself."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.replace("\\|", "|").strip().strip("`") for c in _CELL.split(line.strip().strip("|"))]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        if len(cells) > len(header) and "key" in header:
            # a stable key holds "|" ("N101:(二)支出预算|一般公共服务支出"): unescaped, it spans cells
            at, extra = header.index("key"), len(cells) - len(header)
            cells[at: at + extra + 1] = ["|".join(c.strip("`") for c in cells[at: at + extra + 1])]
        rows.append(dict(zip(header, cells)))
    return rows


def import_review(path: Path, fails: list[Fail], classified_path: Path) -> tuple[int, int]:
    """Adds a review's real/false classes to classified.tsv for the fails it names (matched by key, and by
    the document's file name, so a review that names documents by file name or by path both work). A
    classification already in the file is kept: the hand-kept file wins. Returns (added, unmatched)."""
    known = load_classified(classified_path)
    by_key: dict[str, list[Fail]] = {}
    for f in fails:
        by_key.setdefault(f.key, []).append(f)
    added: list[tuple[str, str, str, str]] = []
    unmatched = 0
    for row in review_rows(path):
        cls = (row.get("class") or "").lower()
        key = row.get("key") or ""
        if cls not in CLASSES or not key:
            continue
        doc = Path((row.get("document") or "").split(" + ")[0]).name
        hits = [f for f in by_key.get(key, []) if not doc or Path(f.document).name == doc or doc in f.document]
        if not hits:
            unmatched += 1
            continue
        for f in hits:
            if (f.document, f.key) not in known:
                known[f.document, f.key] = (cls, row.get("why") or "")
                added.append((f.document, f.key, cls, f"{row.get('why') or ''} ({path.name})"))
    if added:
        new = not classified_path.exists()
        with classified_path.open("a", encoding="utf-8") as fh:
            if new:
                fh.write("document\tkey\tclass\tnote\n")
            for row in sorted(set(added)):
                fh.write("\t".join(clean(c) for c in row) + "\n")
    return len(added), unmatched


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders to audit (default: ../shared/corpus, regions, wide)")
    ap.add_argument("--jsonl", nargs="*", default=[], help="existing JSONL of `audit DIR --format jsonl`")
    ap.add_argument("--out", default=str(ROOT / "bench" / "ledger"))
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a fail is unclassified")
    ap.add_argument("--import-review", metavar="MD", help="add the real/false classes of a review table "
                    "(document | page | rule | key | verdict | class | why) to classified.tsv first")
    args = ap.parse_args(argv)
    dirs = args.dirs
    if not dirs and not args.jsonl:
        dirs = [str(SHARED / f) for f in FOLDERS if (SHARED / f).is_dir()]
    docs = reports(args.jsonl, dirs)
    if args.import_review:
        added, unmatched = import_review(Path(args.import_review), fails_of(docs), Path(args.out) / "classified.tsv")
        print(f"{args.import_review}: {added} classifications added, {unmatched} rows naming no current fail")
    lines, unclassified = build(docs, Path(args.out), write=not args.check)
    print("\n".join(lines))
    if not args.check:
        print(f"diff: git diff bench/ledger   (classify in {Path(args.out) / 'classified.tsv'})")
    return 1 if args.check and unclassified else 0


if __name__ == "__main__":
    raise SystemExit(main())
