"""Per-document reading and claim figures over a folder of disclosures (default ../shared/regions).

    python bench/regions.py [DIR_OR_JSONL ...] [--fails T,X] [--reasons N] [--doubtful] [--tables]

Per document: tables found and how many were read with doubt (dbt), T/X relations and the share that
hold (pass or warn; relations inside a doubtful table and comparisons resting on one count as not
held, so marking a table doubtful never improves the figure), T/X/N/D fails,
narrative figures (N results) and the share checked (pass, fail or warn rather than 无法核对).
Pooled: relations held, median share checked, and the most frequent 无法核对 reasons.
A .jsonl argument is read as it is (the output of `audit DIR --format jsonl`); a folder is audited.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def reports(paths: list[str]) -> list[dict]:
    out: list[dict] = []
    dirs = [p for p in paths if not p.endswith(".jsonl")]
    for p in paths:
        if p.endswith(".jsonl"):
            out += [json.loads(line) for line in Path(p).read_text(encoding="utf-8").splitlines() if line]
    if dirs:
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "out.jsonl"
            subprocess.run([sys.executable, "-m", "auditor", *dirs, "--format", "jsonl", "-o", str(target),
                            "--fail-on", "never"], cwd=ROOT, check=True)
            out += [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines() if line]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "regions")])
    ap.add_argument("--fails", default="", help="list every fail of these families, e.g. T,X")
    ap.add_argument("--reasons", type=int, default=15, help="how many 无法核对 reasons to tally")
    ap.add_argument("--doubtful", action="store_true", help="list every table read with doubt (读取存疑) and why")
    ap.add_argument("--tables", action="store_true", help="list every table found: page, kind, unit, rows, reading")
    args = ap.parse_args()
    show = {f.strip() for f in args.fails.split(",") if f.strip()}
    reasons: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    unitless = 0
    rows = []
    listed: list[str] = []
    for d in reports(args.paths):
        name = Path(d["path"]).name
        if d["status"] != "ok":
            print(f"{name}: {d['status']} {d.get('error')}")
            continue
        c: Counter = Counter()
        doubtful = {t["id"]: t for t in d["tables"] if (t.get("reading") or {}).get("status") == "doubtful"}
        unitless += sum(1 for t in d["tables"] if not t.get("unit") and t.get("rows")
                        and t.get("kind") not in ("performance", "other", None))  # money tables
        kinds.update(t.get("kind") or "unknown" for t in d["tables"])
        if args.tables:
            for t in d["tables"]:
                listed.append(f"{name} {t['id']} p{(t['pages'] or ['?'])[0]} {t.get('kind') or '未识别'}"
                              f" {t.get('unit') or '单位未标明'} {t.get('rows') or 0}行 "
                              f"{(t.get('reading') or {}).get('status', '-')} {t['title'][:30]}")
        for t in doubtful.values():  # relations inside a doubtful table count as not held
            c["T", "doubt"] += t["reading"]["relations"]["checked"]
            if args.doubtful:
                listed.append(f"{name} {t['id']} p{(t['pages'] or ['?'])[0]} 读取存疑 {t['title'][:30]}："
                              + "；".join(t["reading"]["reasons"]))
        for r in d["results"]:
            fam = r["rule"][0]
            if r["rule"] == "T100":
                continue  # a table's reading verdict, not one of its relations
            if fam == "X" and any(e.get("table_id") in doubtful for e in r["evidence"]):
                c["X", "doubt"] += 1  # a comparison resting on a doubtful table is not held either
                continue
            c[fam, r["verdict"]] += 1
            if fam == "N" and r["verdict"] == "unverified":
                reasons[r["message"].split("，")[0][:40]] += 1
            if fam in show and r["verdict"] == "fail":
                listed.append(f"{name} p{r.get('page')} {r['rule']} {r['message']}")
        tx = sum(c[f, v] for f in "TX" for v in ("pass", "warn", "fail", "doubt"))
        held = sum(c[f, v] for f in "TX" for v in ("pass", "warn"))
        n = sum(c["N", v] for v in ("pass", "warn", "fail", "unverified"))
        checked = n - c["N", "unverified"]
        rows.append((name, len(d["tables"]), tx, held, c["T", "fail"], c["X", "fail"], n, checked,
                     c["N", "fail"], c["D", "fail"], len(doubtful)))
    print(f"{'document':44} {'tables':>6} {'dbt':>3} {'T/X':>5} {'held%':>6} {'Tf':>4} {'Xf':>4} {'N':>4} {'chk%':>5} "
          f"{'Nf':>3} {'Df':>3}")
    for name, nt, tx, held, tf, xf, n, chk, nf, df, nd in rows:
        pct = f"{100 * held / tx:6.1f}" if tx else f"{'-':>6}"
        cpct = f"{100 * chk / n:5.0f}" if n else f"{'-':>5}"
        print(f"{name[:44]:44} {nt:6} {nd:3} {tx:5} {pct} {tf:4} {xf:4} {n:4} {cpct} {nf:3} {df:3}")
    tx = sum(r[2] for r in rows)
    held = sum(r[3] for r in rows)
    shares = [100 * r[7] / r[6] for r in rows if r[6]]
    below = sum(1 for r in rows if r[2] and r[3] / r[2] < 0.99)
    print(f"\nT/X relations held {held}/{tx} = {100 * held / tx if tx else 0:.2f}% pooled; "
          f"{below} of {sum(1 for r in rows if r[2])} documents with tables below 99%")
    print(f"narrative figures checked: median {statistics.median(shares) if shares else 0:.0f}% per document")
    print("fails T/X/N/D:", *(sum(r[i] for r in rows) for i in (4, 5, 8, 9)),
          f"; tables read with doubt: {sum(r[10] for r in rows)} of {sum(r[1] for r in rows)}")
    print(f"tables by kind: {', '.join(f'{k} {n}' for k, n in kinds.most_common())}; "
          f"money tables with rows but no unit found: {unitless}")
    print("\n无法核对 reasons:")
    for reason, k in reasons.most_common(args.reasons):
        print(f"{k:6}  {reason}")
    for line in listed:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
