"""Exercises: a sample with one introduced error, the claims and checks the trainee judges, and the set.

generate(seed, count) is deterministic: random.Random(seed) picks operators, samples, sites and
distractors, and the audit itself is deterministic, so the same seed gives the same set byte for
byte (what `audit train --export FILE --seed N` relies on to give a group one set).

Every exercise is verified before it is kept (verify()): the edited text is audited, exactly one
result must fail or warn that did not on the unmodified sample, no earlier finding may disappear,
and that one result must be the intended rule at the intended place.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..model import Document
from ..results import Result
from . import DEFAULT_COUNT
from .operators import OPERATORS, Mutation
from .source import BAD, SAMPLE_NAMES, Baseline, audit_text, bad_keys, baseline

SET_FORMAT = "auditor-train-set"
SET_VERSION = 1
ITEMS_PER_EXERCISE = 3  # the error and two claims or checks that hold
MAX_TRIES = 15  # sites tried per sample before the next sample (hexi's cells all break T103 too)


@dataclass
class Item:
    """One claim or check the trainee judges: 通过 or 不通过, and which rule."""

    id: str  # Result.id in the exercise's document (stable: derived from the result's key)
    rule: str
    verdict: str  # what the auditor says: pass, fail or warn
    prompt: str  # what to look at, worded so it gives nothing away

    @property
    def passes(self) -> bool:
        return self.verdict not in BAD


@dataclass
class Exercise:
    id: str
    sample: str
    operator: str
    rule: str  # the rule the introduced error breaks
    verdict: str
    description: str  # what was changed (shown after the reveal)
    edits: list[list]  # [start, end, replacement] in the sample's text
    target: str  # the id of the item that carries the error
    items: list[Item]
    text: str  # the whole exercise document

    @property
    def family(self) -> str:
        return self.rule[0]

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Exercise":
        items = [Item(**i) for i in d["items"]]
        return cls(**{**d, "items": items})

    def audit(self) -> tuple[Document, list[Result]]:
        return audit_text(self.text, f"练习 {self.id}")


@dataclass
class ExerciseSet:
    seed: int | None
    exercises: list[Exercise] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Names the set in a trainee's progress file: answers belong to one set."""
        blob = json.dumps([e.as_dict() for e in self.exercises], ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]

    def as_dict(self) -> dict:
        return {
            "format": SET_FORMAT,
            "version": SET_VERSION,
            "seed": self.seed,
            "count": len(self.exercises),
            "exercises": [e.as_dict() for e in self.exercises],
        }

    def dumps(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def loads(cls, text: str) -> "ExerciseSet":
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != SET_FORMAT:
            raise ValueError("不是练习集文件")
        if data.get("version") != SET_VERSION:
            raise ValueError(f"练习集版本 {data.get('version')} 不受支持")
        return cls(seed=data.get("seed"), exercises=[Exercise.from_dict(e) for e in data["exercises"]])

    @classmethod
    def read(cls, path: str | Path) -> "ExerciseSet":
        return cls.loads(Path(path).read_text(encoding="utf-8"))


# ---- verification -----------------------------------------------------------------------------


@dataclass
class Verified:
    text: str
    doc: Document
    results: list[Result]
    target: Result


def verify(m: Mutation, base: Baseline) -> Verified | None:
    """The edited document, if the edit causes exactly the intended finding and nothing else."""
    text = m.apply(base.text)
    doc, results = audit_text(text, base.name)
    after = bad_keys(results)
    new, gone = after - base.bad, base.bad - after
    if gone or sum(new.values()) != 1:
        return None
    key = next(iter(new))
    hits = [r for r in results if r.key == key and r.verdict in BAD]
    if len(hits) != 1 and m.doc_at is None:
        return None
    for r in hits:
        if r.rule != m.rule:
            continue
        if m.anchor and r.anchor != m.anchor:
            continue
        if m.doc_at is not None and not (r.span and r.span[0] <= m.doc_at <= r.span[1]):
            continue
        if m.names and m.names not in r.message:
            continue
        return Verified(text=text, doc=doc, results=results, target=r)
    return None


def new_findings(text: str, sample: str) -> tuple[list[str], list[str]]:
    """(findings the text has that the sample has not, findings of the sample that went away)."""
    base = baseline(sample)
    _doc, results = audit_text(text, sample)
    after = bad_keys(results)
    return sorted((after - base.bad).elements()), sorted((base.bad - after).elements())


# ---- items ---------------------------------------------------------------------------------------


_CLAUSE = "，。；：:;,、\n"


def prompt(doc: Document, r: Result) -> str:
    """What the trainee is asked about, without the verdict: the words before a claimed figure and
    the figure, or the table, row and column a check is about."""
    if r.span is not None:
        start, end = r.span
        text = doc.text
        k = start
        while k > 0 and start - k < 24 and text[k - 1] not in _CLAUSE:
            k -= 1
        return ("…" if k > 0 and text[k - 1] not in _CLAUSE else "") + text[k:end].strip()
    if r.kind == "disclosure" and r.evidence:
        return f"《{r.evidence[0].table}》"
    if r.evidence:
        e = r.evidence[0]
        return f"《{e.table}》「{e.row}」{e.column}".rstrip()
    return r.text or r.anchor


def _item(doc: Document, r: Result) -> Item:
    return Item(id=r.id, rule=r.rule, verdict=r.verdict, prompt=prompt(doc, r))


def _distractors(v: Verified, rng: random.Random, n: int) -> list[Result]:
    """Claims or checks that hold, near the error when possible: the same paragraph for a claim,
    the same table for a table check; otherwise any of the same kind."""
    t = v.target
    ok = [r for r in v.results if r.verdict == "pass" and (r.span is not None or r.evidence) and r.kind != "disclosure"]
    prompts = {prompt(v.doc, t)}
    near: list[Result] = []
    if t.span is not None:
        para = next((p for p in v.doc.paragraphs if p.start <= t.span[0] <= p.end), None)
        if para is not None:
            near = [r for r in ok if r.span and para.start <= r.span[0] <= para.end]
    elif t.evidence:
        near = [r for r in ok if r.evidence and r.evidence[0].table_id == t.evidence[0].table_id]
    same_kind = [r for r in ok if r.kind == t.kind] or ok
    picked: list[Result] = []
    for pool in (near, same_kind):
        pool = [r for r in pool if r not in picked]
        rng.shuffle(pool)
        for r in pool:
            p = prompt(v.doc, r)
            if len(picked) < n and p not in prompts:
                picked.append(r)
                prompts.add(p)
    return picked


# ---- generation ----------------------------------------------------------------------------------


def generate(seed: int, count: int = DEFAULT_COUNT, *, operators: list[str] | None = None,
             samples: tuple[str, ...] = SAMPLE_NAMES,
             on_progress: Callable[[int, int], None] | None = None) -> ExerciseSet:
    """`count` verified exercises, operators taken in turns (shuffled each round) so a set mixes them.

    on_progress(done, count) is called as each exercise is kept (the trainer shows it: a set takes
    seconds, each candidate edit is audited)."""
    rng = random.Random(seed)
    live = [op for op in (operators or list(OPERATORS))]
    used: set[tuple[str, int]] = set()
    out: list[Exercise] = []
    order: list[str] = []
    while len(out) < count and live:
        if not order:
            order = sorted(live)
            rng.shuffle(order)
        op = order.pop()
        ex = _one(op, rng, used, samples, len(out) + 1)
        if ex is None:
            live.remove(op)
            order = [o for o in order if o != op]
            continue
        out.append(ex)
        if on_progress is not None:
            on_progress(len(out), count)
    return ExerciseSet(seed=seed, exercises=out)


def _one(op: str, rng: random.Random, used: set, samples: tuple[str, ...], number: int) -> Exercise | None:
    operator = OPERATORS[op]
    order = list(samples)
    rng.shuffle(order)
    for name in order:
        base = baseline(name)
        sites = [m for m in operator.sites(base, rng) if m.site not in used]
        rng.shuffle(sites)
        for m in sites[:MAX_TRIES]:
            v = verify(m, base)
            if v is None:
                continue
            used.add(m.site)
            items = [v.target, *_distractors(v, rng, ITEMS_PER_EXERCISE - 1)]
            rng.shuffle(items)
            return Exercise(
                id=f"E{number:02d}",
                sample=name,
                operator=op,
                rule=v.target.rule,
                verdict=v.target.verdict,
                description=m.description,
                edits=[list(e) for e in m.edits],
                target=v.target.id,
                items=[_item(v.doc, r) for r in items],
                text=v.text,
            )
    return None
