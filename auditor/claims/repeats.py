"""Two statements of the same quantity must agree (issue 11): a change stated twice for the same figure.

"财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元" and, a few lines on, "一般公共预算拨款支出预算
9,101.68万元，比2024年预算减少2,389.52万元": the same subject with the same current figure and the same
base of comparison has one change. Where no table prints last year, the two statements can still be held
against each other. Only changes are compared: an amount of the same name may belong to another unit's
section or another item, a change tied to the same current figure to the cent cannot.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ..numbers import UNIT_SCALE, fmt
from ..results import Figure, Result, dec
from .extract import Claim
from .internal import narrative_evidence
from .verdict import DIRECTION, claim_result

_BASE = regex.compile(r"预算|执行|决算")


def _current(claims: list[Claim], i: int) -> Claim | None:
    """The money figure the change at i is a change of: the last amount before it in its sentence."""
    ch = claims[i]
    before = [c for c in claims[:i] if c.sentence is ch.sentence and c.kind == "amount" and c.amount is not None
              and c.unit in UNIT_SCALE]
    return before[-1] if before else None


def _key(claim: Claim, subj: tuple[str, str], current: Claim) -> tuple:
    base = _BASE.search(claim.comparison or "")
    scope = next((n for n in claim.notes if n.startswith("scope:")), "")
    value = current.amount.value * UNIT_SCALE[current.unit]
    return subj, scope, value, base.group(0) if base else ""


def _signed(c: Claim) -> tuple[Decimal, Decimal]:
    if c.direction == "flat":
        return Decimal(0), Decimal(0)
    f = UNIT_SCALE.get(c.unit or "", Decimal(0))
    v = c.amount.value * f
    return (-v if c.direction == "decrease" else v), c.amount.half_unit * f


def check_repeats(claims: list[Claim], subjects: dict[int, tuple[str, str]], results: dict[int, Result]) -> None:
    """Replaces the 无法核对 of a change that another statement of the same quantity gives too: the
    same change is 通过 (the two statements agree), another is 存疑 naming both."""
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        if c.kind != "change" or i not in subjects or "strong" not in c.notes or c.amount is None:
            continue
        if c.direction != "flat" and c.unit not in UNIT_SCALE:
            continue
        current = _current(claims, i)
        if current is not None:
            groups.setdefault(_key(c, subjects[i], current), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i in members:
            if results.get(i) is None or results[i].verdict != "unverified":
                continue
            other = next(j for j in members if j != i)
            results[i] = _compare(claims[i], claims[other])


def _compare(c: Claim, o: Claim) -> Result:
    (v, h), (w, k) = _signed(c), _signed(o)
    word, other = DIRECTION.get(c.direction or "", ""), DIRECTION.get(o.direction or "", "")
    said = f"第{o.sentence.page}页" if o.sentence.page else "另一处"
    told = f"{other}{o.amount.text}{o.unit or ''}" if o.direction != "flat" else "持平"
    evidence = [narrative_evidence(o.sentence, "同一数字的另一处表述", o.amount.text, o.unit)]
    if abs(v - w) <= h + k:
        return claim_result(c, "pass", f"{word}{c.amount.text if c.unit else ''}{c.unit or ''}与{said}对同一数字的表述"
                            f"（{told}）一致；表格未列示上年数。", evidence=evidence)
    scale = UNIT_SCALE.get(c.unit or o.unit or "万元", Decimal(1))
    return claim_result(
        c, "warn",
        f"同一数字的两处表述增减不一：此处{word}{c.amount.text if c.unit else ''}{c.unit or ''}，{said}为{told}，"
        f"相差{fmt(abs(v - w) / scale)}{c.unit or o.unit or ''}，请核实。",
        expected=Figure(dec((w / scale).quantize(Decimal("0.01"))), c.unit or o.unit), evidence=evidence)
