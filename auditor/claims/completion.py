"""决算 against 预算 in final accounts: "完成年初预算的95.89%" (N105) and "决算数小于预算数" (N108).

The two figures a completion rate is computed from are printed in the narrative itself ("年初预算为
A万元，支出决算为B万元，完成年初预算的P%"), in the same sentence or the ones before it in the
paragraph; when they are not, a table that prints both a 预算数 and a 决算数 column for the
subject (the “三公” table of a 决算) gives them. Both figures are intervals: P passes when some
pair of values inside them gives P.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import patterns
from ..model import Document
from ..numbers import UNIT_SCALE, percent_interval
from ..results import Figure, Result, dec
from .extract import Claim, normalize
from .facts import Fact, evidence_of
from .internal import narrative_evidence, narrative_result


@patterns.cached
def _grammar() -> dict:
    data = patterns.load("claims")
    return {
        "budget": regex.compile(data["budget_figure"]),
        "final": regex.compile(data["final_figure"]),
        "statement": regex.compile(data["comparison_statement"]),
    }


def _role(claim: Claim) -> str | None:
    """budget / final for a money figure introduced by 预算为 / 决算为."""
    if claim.kind != "amount" or claim.unit not in UNIT_SCALE:
        return None
    s = claim.sentence
    before, _ = normalize(s.text[: claim.start - s.start])
    if _grammar()["final"].search(before):
        return "final"
    if _grammar()["budget"].search(before):
        return "budget"
    return None


def _pair_before(claims: list[Claim], i: int, qualifier: str | None = None) -> tuple[Claim | None, Claim | None]:
    """The latest 决算 figure at or before claims[i] in its paragraph, and the 预算 figure that
    goes with it: earlier in the same sentence, with no "其中" between them (a part's 决算 is not
    measured against the whole's 预算)."""
    para = claims[i].sentence.paragraph
    final = None
    for c in reversed(claims[: i + 1]):
        if c.sentence.paragraph != para:
            break
        if _role(c) == "final":
            final = c
            break
    if final is None:
        return None, None
    budgets: list[Claim] = []
    for c in reversed(claims[: claims.index(final)]):
        if c.sentence is not final.sentence:
            break
        if _role(c) == "budget":
            between = final.sentence.text[c.end - final.sentence.start : final.start - final.sentence.start]
            if "其中" in between:
                break
            budgets.append(c)
    if not budgets:
        # "支出决算为 0.16万元，完成预算 0万元的 0%": the 预算数 named after the 决算数, before the rate
        budgets = [c for c in claims[claims.index(final) + 1: i + 1]
                   if c.sentence is final.sentence and _role(c) == "budget"][:1]
    if not budgets:
        return None, final
    if qualifier:
        named = [b for b in budgets if qualifier in b.sentence.text[max(0, b.start - b.sentence.start - 8) : b.start - b.sentence.start]]
        if named:
            return named[0], final
    return budgets[0], final


def _interval(c: Claim) -> tuple[Decimal, Decimal]:
    f = UNIT_SCALE[c.unit]
    return c.amount.value * f, c.amount.half_unit * f


def _table_pair(fact: Fact | None) -> tuple[Fact, Fact] | None:
    """A 决算数 fact and the 预算数 printed beside it in the same row."""
    if fact is None or "决算" not in fact.column.key:
        return None
    key = fact.column.key.replace("决算数", "预算数").replace("决算", "预算")
    cell = fact.row.cells.get(key)
    if cell is None:
        return None
    budget = Fact(table=fact.table, row=fact.row, column=next(c for c in fact.table.columns if c.key == key),
                  amount=cell.amount, doc_unit=fact.doc_unit)
    return budget, fact


def completion_pair(claims: list[Claim], i: int) -> tuple[Claim | None, Claim | None]:
    """The narrative's (预算数, 决算数) a completion rate at claims[i] is computed from."""
    claim = claims[i]
    s = claim.sentence
    q = regex.search(r"年初|全年|调整", s.text[: claim.start - s.start].split("完成")[-1])
    return _pair_before(claims, i, q.group(0) if q else None)


def check_completion(doc: Document, claims: list[Claim], i: int, fact: Fact | None) -> Result:
    """N105: a completion rate against 决算 / 预算 from the narrative, else from the table."""
    claim = claims[i]
    budget, final = completion_pair(claims, i)
    a = claim.amount
    if budget is not None and final is not None:
        (b, bt), (f, ft) = _interval(budget), _interval(final)
        where = f"叙述中的预算数{budget.amount.text}{budget.unit}、决算数{final.amount.text}{final.unit}"
        evidence = [narrative_evidence(budget.sentence, "预算数", budget.amount.text, budget.unit),
                    narrative_evidence(final.sentence, "决算数", final.amount.text, final.unit)]
    else:
        pair = _table_pair(fact)
        if pair is None:
            return _unverified(claim, "叙述和表格中都找不到对应的预算数与决算数，无法核对完成比例。")
        bf, ff = pair
        (b, bt), (f, ft) = bf.in_unit("元"), ff.in_unit("元")
        where = f"{ff.table.title}「{ff.row.label}」{bf.column.key} {bf.shown}{bf.unit}、{ff.column.key} {ff.shown}{ff.unit}"
        evidence = [evidence_of(bf), evidence_of(ff)]
    if b - bt <= 0:
        if f - ft <= 0 and a.value == 0:
            return narrative_result("N105", claim.sentence, (claim.start, claim.end), "pass",
                                    f"完成比例{a.text}%：{where}，预算数为零。", Figure(a.text, "%"),
                                    evidence=evidence)
        least = (f - ft) / (b + bt) * 100 if b + bt > 0 else None
        if least is not None and least > 0 and a.value + a.half_unit < least:
            # "年初预算为0万元 … 完成年初预算的0%" with money spent: a rate against nothing (issue 11)
            return narrative_result(
                "N105", claim.sentence, (claim.start, claim.end), "fail",
                f"预算数为零，完成比例无从计算（{where}）；即使按舍入允许的最大预算数计算也至少为"
                f"{dec(least.quantize(Decimal('0.01')))}%，叙述写为{a.text}%。", Figure(a.text, "%"),
                tolerance=f"预算数不超过{dec(b + bt)}元", evidence=evidence)
        return _unverified(claim, f"预算数为零，无法计算完成比例（{where}）。")
    lo, hi = percent_interval(f, ft, b, bt)
    exp = f / b * 100
    ok = a.value + a.half_unit >= lo and a.value - a.half_unit <= hi
    if ok:
        verdict = "pass"
    elif abs(a.value - exp) <= Decimal(1).scaleb(-a.decimals):
        verdict = "warn"
    else:
        verdict = "fail"
    msg = f"完成预算的{a.text}%：按{where}计算为{dec(exp.quantize(Decimal('0.01')))}%。"
    if not ok:
        msg += "叙述与计算不符。"
    return narrative_result(
        "N105", claim.sentence, (claim.start, claim.end), verdict, msg, Figure(a.text, "%"),
        expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
        tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
        evidence=evidence,
    )


def _unverified(claim: Claim, message: str) -> Result:
    return narrative_result("N105", claim.sentence, (claim.start, claim.end), "unverified", message,
                            Figure(claim.amount.text if claim.amount else "", "%"))


_REL = {"大于": 1, "高于": 1, "多于": 1, "超过": 1, "小于": -1, "低于": -1, "少于": -1}


def check_comparisons(doc: Document, claims: list[Claim]) -> list[Result]:
    """N108: "决算数大于/小于/同预算数持平" against the 预算 and 决算 figures just before it."""
    if doc.meta.stage != "决算":
        return []
    g = _grammar()
    out: list[Result] = []
    for s in doc.sentences():
        norm, index = normalize(s.text)
        m = g["statement"].search(norm)
        if m is None:
            continue
        rel = _REL.get(m.group("rel"))
        if rel is None and not m.group("flat") and m.group("rel") != "等于":
            continue  # "决算数与预算数…" without 持平/相等: not a statement of how they compare
        span = (s.start + index[m.start()], s.start + index[m.end()])
        upto = [i for i, c in enumerate(claims) if c.start < span[0] and c.sentence.paragraph == s.paragraph]
        budget, final = _pair_before(claims, upto[-1], m.group("which")) if upto else (None, None)
        said = m.group(0)
        if budget is None or final is None:
            out.append(narrative_result("N108", s, span, "unverified",
                                        f"“{said}”之前找不到预算数和决算数，无法核对。", None))
            continue
        (b, bt), (f, ft) = _interval(budget), _interval(final)
        diff, tol = f - b, bt + ft
        # the printed figures decide the direction; a 持平 is accepted within rounding
        actual = (diff > 0) - (diff < 0)
        want = rel if rel is not None else 0
        ok = actual == want or (want == 0 and abs(diff) <= tol)
        unit = final.unit
        scale = UNIT_SCALE[unit]
        words = {1: "大于", -1: "小于", 0: "持平"}
        msg = (f"“{said}”：决算数{final.amount.text}{unit}，预算数{budget.amount.text}{budget.unit}，"
               f"实为决算数{words[actual]}预算数（相差{dec((diff / scale).quantize(Decimal('0.01')))}{unit}）。")
        if not ok:
            msg += "叙述与数字不符。"
        out.append(narrative_result(
            "N108", s, span, "pass" if ok else "fail", msg, None,
            expected=Figure(dec((diff / scale).quantize(Decimal("0.01"))), unit),
            tolerance=f"±{dec(tol / scale)}{unit}",
            evidence=[narrative_evidence(budget.sentence, "预算数", budget.amount.text, budget.unit),
                      narrative_evidence(final.sentence, "决算数", final.amount.text, final.unit)],
        ))
    return out
