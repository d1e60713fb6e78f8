"""Measures the claim checks on the seed and the corpus: verdict counts, every fail, recall.

    python bench/claims.py [--corpus ../shared/corpus]

Recall: numbers in the narrative (every digit run except years, dates, list numbers, document
numbers and codes, see `not_figures` in patterns/claims.yaml) that fall inside an extracted claim.
Jiangsu disclosures published as a narrative PDF and a tables PDF are audited as one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.claims.align import check_claims  # noqa: E402
from auditor.claims.extract import narrative_numbers  # noqa: E402
from auditor.errors import ReadError  # noqa: E402
from auditor.ingest import load  # noqa: E402

PAIRS = {
    "江苏省委办公厅2017年部门预算.pdf": "江苏省委办公厅2017年预算公开表格.pdf",
    "江苏省委办公厅2018年度部门预算公开文件.pdf": "江苏省委办公厅2018年度部门预算公开表.pdf",
    "江苏省政协办公厅2017年度部门预算.pdf": "2017年度部门预算公开表.pdf",
    "江苏省政协办公厅2018年度部门预算.pdf": "江苏省政协办公厅2018度部门预算公开表.pdf",
}


def groups(corpus: Path) -> list[list[Path]]:
    files = sorted(corpus.rglob("*.pdf"))
    partners = {f.parent / PAIRS[f.name] for f in files if f.name in PAIRS}
    out = []
    for f in files:
        if f in partners:
            continue
        out.append([f, f.parent / PAIRS[f.name]] if f.name in PAIRS else [f])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    corpus = Path(args.corpus)
    todo = [[ROOT / "samples" / "seed.txt"]] + (groups(corpus) if corpus.exists() else [])
    tot = {"pass": 0, "fail": 0, "warn": 0, "unverified": 0}
    numbers = claims_n = 0
    fails = []
    rules: dict[str, dict[str, int]] = {}
    for g in todo:
        try:
            doc = load(*map(str, g))
        except ReadError as exc:
            print(f"{g[0].name}: {exc.message}")
            continue
        results, claims = check_claims(doc)
        spans = narrative_numbers(doc)
        n = len(spans)
        covered = sum(any(c.start <= a < c.end for c in claims) for a, _ in spans)
        numbers += n
        claims_n += covered
        for r in results:
            rules.setdefault(r.rule, {k: 0 for k in tot})[r.verdict] += 1
        c = {k: sum(r.verdict == k for r in results) for k in tot}
        for k in tot:
            tot[k] += c[k]
        print(f"{g[0].name[:50]:50s} numbers {n:4d} in claims {covered:4d}  pass {c['pass']:3d} fail {c['fail']:3d} warn {c['warn']:3d} unverified {c['unverified']:3d}")
        fails += [f"{g[0].name} p{r.page} {r.rule}: {r.message}" for r in results if r.verdict == "fail"]
    print(f"\nnarrative numbers inside a claim: {claims_n} of {numbers} ({100 * claims_n / max(numbers, 1):.1f}%)")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in tot.items()))
    for rule in sorted(rules):
        print(f"  {rule}: " + ", ".join(f"{k} {v}" for k, v in rules[rule].items()))
    print("\nfails:")
    for f in fails:
        print("  " + f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
