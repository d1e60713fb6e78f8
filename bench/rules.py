"""Every rule on the seed, the samples and the corpus: verdict counts by rule and every fail listed,
so each fail can be classified as a real error in the document or a bug of ours.

    python bench/rules.py [--corpus ../shared/corpus] [--rules T,X,D] [--all-verdicts]

Jiangsu disclosures published as a narrative PDF and a tables PDF are audited as one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims import groups  # noqa: E402

from auditor.engine import audit_document  # noqa: E402
from auditor.errors import ReadError  # noqa: E402
from auditor.ingest import load  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--rules", default=None, help="only these rules or families, e.g. T,X,D")
    ap.add_argument("--all-verdicts", action="store_true", help="list warns too")
    args = ap.parse_args()
    select = args.rules.split(",") if args.rules else None
    docs = [[p] for p in sorted((ROOT / "samples").glob("*.txt")) if "pair_2018" not in p.name]
    docs.append([ROOT / "samples" / "pair_2018_narrative.txt", ROOT / "samples" / "pair_2018_tables.txt"])
    corpus = Path(args.corpus)
    if corpus.exists():
        docs += groups(corpus)
    by_rule: dict[str, Counter] = {}
    shown = ("fail", "warn") if args.all_verdicts else ("fail",)
    for group in docs:
        name = " + ".join(p.name for p in group)
        try:
            doc = load(*map(str, group))
        except ReadError as exc:
            print(f"## {name}: {exc.message}")
            continue
        results = audit_document(doc, select=select)
        counts = Counter(r.verdict for r in results)
        print(f"## {name}  " + " ".join(f"{v}={counts[v]}" for v in ("pass", "fail", "warn", "unverified")))
        for r in results:
            by_rule.setdefault(r.rule, Counter())[r.verdict] += 1
            if r.verdict in shown:
                print(f"   {r.rule} {r.verdict} p{r.page or '-'} {r.message[:160]}")
    print("\nby rule (pass/fail/warn/unverified):")
    total = Counter()
    for rule in sorted(by_rule):
        c = by_rule[rule]
        total += c
        print(f"  {rule}  {c['pass']}/{c['fail']}/{c['warn']}/{c['unverified']}")
    print(f"  all   {total['pass']}/{total['fail']}/{total['warn']}/{total['unverified']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
