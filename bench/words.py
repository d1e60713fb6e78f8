"""Row matching by words (jieba) against matching by substring, measured on one reading of each document.

    python3 bench/words.py [DIR_OR_FILE ...] [--list] [--cache DIR]

The design card names jieba for claim subjects: segment the text before a figure with a user
dictionary (the classification names of patterns/codes, the concepts of patterns/claims.yaml, the
document's own row names) and let a row name be a subject only where it is made of whole words ("教育
支出" not inside "职业教育支出"). This script measures that without shipping it: the auditor matches
row names by substring (auditor/claims/subject.py `candidates`, with its own guards: the next
character, the body's own name, longer reference names); here the same candidates are filtered by
jieba word boundaries, and the N rules run with and without the filter on the same reading.

Each disclosure (pairs as the batch forms them) is read once. Prints per run: N results, figures placed
(not 无法核对), pass/fail/warn, and every result whose verdict or message changed (--list), so each change
can be judged against the page. Default folder: ../shared/wide. --cache keeps each reading pickled
there (a second run skips reading). jieba is needed only here (`pip install jieba`).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import pickle
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.ingest import load  # noqa: E402  (first: the package's import order)
from auditor.batch import expand  # noqa: E402
from auditor.claims import lookup, subject  # noqa: E402
from auditor.claims.parts import known_names  # noqa: E402
from auditor.engine import audit_document  # noqa: E402
from auditor.pairing import plan  # noqa: E402

WEIGHT = 10_000_000  # above any word of jieba's dictionary: a whole classification name is one word
_substring_candidates = subject.candidates


@lru_cache(maxsize=1)
def tokenizer():  # noqa: ANN201
    """jieba's dictionary with the classification names and the literal concept wordings."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    words = {n for n in known_names() if len(n) >= 2}
    for c in subject.concepts():
        words |= {rx.pattern for rx in c.wordings if regex.fullmatch(r"[\p{Han}“”（）()]{2,}", rx.pattern)}
    for w in sorted(words):
        tk.add_word(w, freq=WEIGHT)
    return tk


@lru_cache(maxsize=4096)
def boundaries(text: str, names: frozenset[str]) -> frozenset[int]:
    """Word boundaries of text, the document's row names added for this text only (then removed, so one
    document's names never change another's segmentation)."""
    tk = tokenizer()
    saved = {}
    total = tk.total
    for w in names:
        for k in range(1, len(w) + 1):
            saved.setdefault(w[:k], tk.FREQ.get(w[:k]))
        if (tk.FREQ.get(w) or 0) < WEIGHT:
            tk.FREQ[w] = WEIGHT
            tk.total += WEIGHT
        for k in range(1, len(w)):
            tk.FREQ.setdefault(w[:k], 0)
    try:
        cuts, at = {0}, 0
        for tok in tk.cut(text, HMM=False):
            at += len(tok)
            cuts.add(at)
        return frozenset(cuts)
    finally:
        for frag, old in saved.items():
            if old is None:
                tk.FREQ.pop(frag, None)
            else:
                tk.FREQ[frag] = old
        tk.total = total


def word_candidates(doc, norm: str, names: set[str]):  # noqa: ANN001, ANN201
    """subject.candidates, keeping a row name only where it starts and ends on a word boundary."""
    cands = _substring_candidates(doc, norm, names)
    if not any(c[2] == "row" for c in cands):
        return cands
    cuts = boundaries(norm, frozenset(n for n in names if len(n) >= 2))
    return [c for c in cands if c[2] != "row" or (c[0] in cuts and c[1] in cuts)]


def use_words(on: bool) -> None:
    """Every caller of candidates (the subject of a figure, the whole a share names) gets the filter."""
    subject.candidates = lookup.candidates = word_candidates if on else _substring_candidates


def read(group: list[str], cache: Path | None):  # noqa: ANN201
    if cache is None:
        return load(*group)
    f = cache / (hashlib.sha1("|".join(group).encode()).hexdigest()[:16] + ".pickle")
    if f.exists():
        return pickle.loads(f.read_bytes())
    doc = load(*group)
    try:
        f.write_bytes(pickle.dumps(doc))
    except Exception:  # noqa: BLE001 - a document that does not pickle is just read again next time
        pass
    return doc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "wide")])
    ap.add_argument("--list", action="store_true", help="every changed result")
    ap.add_argument("--cache", help="folder for pickled readings")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    groups = plan(expand(args.paths)).groups
    totals = {False: Counter(), True: Counter()}
    changed: list[str] = []
    seconds = {False: 0.0, True: 0.0}
    for group in groups:
        try:
            doc = read(group, cache)
        except Exception as exc:  # noqa: BLE001
            print(f"{Path(group[0]).name}: {type(exc).__name__}", file=sys.stderr)
            continue
        got = {}
        for on in (False, True):
            use_words(on)
            t0 = time.perf_counter()
            results = [r for r in audit_document(doc, select=["N"])]
            seconds[on] += time.perf_counter() - t0
            got[on] = {}
            for r in results:
                got[on].setdefault(r.key, []).append(r)
                totals[on][r.verdict] += 1
                totals[on]["placed"] += r.verdict != "unverified"
                totals[on]["all"] += 1
        name = "/".join(Path(group[0]).parts[-2:])
        for key in sorted(set(got[False]) | set(got[True])):
            a = [(r.verdict, r.message) for r in got[False].get(key, [])]
            b = [(r.verdict, r.message) for r in got[True].get(key, [])]
            if a != b:
                page = next((r.page for r in got[True].get(key, []) + got[False].get(key, []) if r.page), None)
                changed.append(f"{name} p{page} {key}\n    off: {a}\n    on:  {b}")
    use_words(False)
    for on in (False, True):
        c = totals[on]
        print(f"{'words' if on else 'substring':9}: N {c['all']}, placed {c['placed']} "
              f"({100 * c['placed'] / max(c['all'], 1):.1f}%), pass {c['pass']}, fail {c['fail']}, warn {c['warn']}, "
              f"unverified {c['unverified']}; N checks {seconds[on]:.1f}s")
    print(f"results changed: {len(changed)}")
    if args.list:
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
