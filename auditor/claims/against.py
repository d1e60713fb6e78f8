"""Checks of one claim against the table value it speaks of: an amount, a change from last year, a share.

A printed figure stands for an interval (171.12万元 covers ±0.005万元); claimed and table values are
compared as intervals after converting units, and percentages are computed at the interval ends,
so a difference that rounding explains is never a fail. The dispatch (which check, under which
unit's view, with which policy) is align.check_claims.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Document
from ..numbers import UNIT_SCALE, change_rate_interval, fmt, percent_interval
from ..results import Figure, Result, dec
from .extract import Claim
from .stated import narrative_share, speaks_of_prior_year
from ..verdicts.basis import Comparison, Source
from .verdict import DIRECTION, claim_result, compare_figures, quoted
from .facts import Fact, evidence_of, same_value_rows
from .lookup import (
    claim_scope,
    clause_scope,
    denominator,
    denominators,
    fact_for,
    other_scope_agrees,
    places,
    prior_fact,
    scope_name,
)


def check_amount(doc: Document, claim: Claim, subj: tuple[str, str],
                 given: tuple[Fact | None, str] | None = None) -> Result:
    fact, label = given or fact_for(doc, subj, claim)
    unit = claim.unit or "元"
    a = claim.amount
    if fact is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对 {a.text}{unit}。")
    if speaks_of_prior_year(doc, claim):
        # "（2016 年度部门支出预算安排为8,648.07万元）": last year's figure, checked against last year's column
        prior = prior_fact(doc, subj, fact)
        if prior is None:
            return claim_result(claim, "unverified", f"这是上年的{quoted(label)}，公开表格未列示上年数，无法核对 {a.text}{unit}。")
        fact, label = prior, f"{label}（上年）"
    exp, etol = fact.in_unit(unit)
    verdict = compare_figures(a.value, a.half_unit, exp, etol, a.decimals)
    tol = a.half_unit + etol
    shown = f"{fmt(exp, max(a.decimals, 2))}{unit}"
    where = f"{fact.table.title}「{fact.row.label}」{fact.column.key} {current_txt(fact)}"
    evidence = [evidence_of(fact)]
    others: list[Fact] = []
    if fact.confirm_only:
        claim.notes.append("stand_in")
    if verdict == "pass":
        msg = f"{quoted(label)}{a.text}{unit}与{where}相符（折合{shown}）。"
    elif verdict == "warn":
        msg = f"{quoted(label)}{a.text}{unit}与{where}（折合{shown}）相差一个末位单位，请核实四舍五入。"
    else:
        msg = f"{quoted(label)}应为{shown}（{where}），叙述写为{a.text}{unit}。"
        other = other_scope_agrees(doc, subj, claim, fact) if claim_scope(claim) else None
        if other is not None:
            msg += (f"另一口径的{other.table.title}「{other.row.label}」{other.column.key} {current_txt(other)}"
                    f"与叙述相同，但叙述所指为{scope_name(claim_scope(claim))}口径。")
            evidence.append(evidence_of(other))
        others = same_value_rows(doc, a.value, unit, a.half_unit, fact)
        # 类 rows first (the seed's 688.27 is 公共安全支出), then 款/项 rows of the same value
        others = sorted(others, key=lambda o: len(o.row.code or ""))
        if others and other is None:
            names = "、".join(f"“{o.row.name}”" for o in others[:3])
            msg += f"叙述中的数值等于{names}的数值，可能写错了科目。"
            evidence += [evidence_of(o) for o in others[:3]]
    res = claim_result(
        claim, verdict, msg,
        expected=Figure(dec(exp.quantize(Decimal(1).scaleb(-max(a.decimals, 2)))), unit),
        tolerance=f"±{dec(tol)}{unit}", evidence=evidence,
    )
    if verdict == "fail":
        res.basis = amount_basis(doc, claim, subj, fact, label, [o.row.name for o in others])
    return res


def amount_basis(doc: Document, claim: Claim, subj: tuple[str, str], fact: Fact, label: str,
                 wrong_label: list[str]) -> Comparison:
    """What the cross-examination (auditor/verdicts) needs of an amount that disagrees: the fact and
    how it was found, every other place the subject is printed, the narrative's words before it."""
    scale = UNIT_SCALE.get(claim.unit or "元", Decimal(1))
    a = claim.amount
    exp, etol = fact.in_unit("元")
    how, why = "direct", ""
    if fact.row.index < 0 and fact.amount is None:
        how, why = "fallback", "是表中没有此行时按0计的"
    sources = [Source(fact.table, fact.row, fact.column, how=how, why=why)]
    if subj[0] != "chain":
        sources += [Source(f.table, f.row, f.column, role="place") for f in places(doc, subj)[0]
                    if not (f.row is fact.row and f.column is fact.column)]
    before = claim.sentence.text[: claim.start - claim.sentence.start]
    return Comparison(
        family="N", relation="eq", claimed=a.value * scale, claimed_half=a.half_unit * scale, expected=exp,
        expected_half=etol, sources=sources, subject=label, strong="weak" not in claim.notes,
        scope_named=bool(claim_scope(claim) or clause_scope(claim)), context=f"{claim.sentence.section or ''}|{before}",
        wrong_label=wrong_label,
    )


def check_change(doc: Document, claim: Claim, subj: tuple[str, str]) -> Result:
    fact, label = fact_for(doc, subj)
    a = claim.amount
    unit = claim.unit or "万元"
    word = DIRECTION.get(claim.direction or "", "")
    if fact is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对其变动。")
    prior = prior_fact(doc, subj, fact)
    if prior is None:
        return claim_result(
            claim, "unverified",
            f"表格中没有{quoted(label)}的上年数，无法核对{word}{a.text if claim.unit else ''}{claim.unit or ''}。",
            evidence=[evidence_of(fact)],
        )
    pct = claim.kind == "change_pct"
    elsewhere = not any(t is prior.table for t in doc.tables)  # read from last year's own document
    if elsewhere:
        claim.notes.append("prior_elsewhere")  # the narrative's own figures decide first (align.py)
    cu, ct = fact.in_unit("元")
    pu, pt = prior.in_unit("元")
    diff = cu - pu
    evidence = [evidence_of(fact), evidence_of(prior)]
    if pct:
        if pu == 0:
            return claim_result(claim, "unverified", "上年数为零，无法计算增减幅度。", evidence=evidence)
        if prior.confirm_only:
            claim.notes.append("stand_in")  # only a pass is worth anything; see below
        lo, hi = change_rate_interval(cu, ct, pu, pt)
        exp = diff / pu * 100
        claimed = a.value if claim.direction != "decrease" else -a.value
        h = a.half_unit
        ok = claimed + h >= lo and claimed - h <= hi
        verdict = "pass" if ok else ("warn" if abs(claimed - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
        msg = (
            f"{quoted(label)}{word}{a.text}%：按表计算为{dec(exp.quantize(Decimal('0.01')))}%"
            f"（本年{current_txt(fact)}，上年{current_txt(prior)}）。"
        )
        res = claim_result(
            claim, verdict, msg + ("" if ok else "叙述与表格不符。"),
            expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
            tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
            evidence=evidence,
        )
        if verdict == "fail":
            res.basis = change_basis(fact, prior, elsewhere, claimed, h, exp, Decimal(0), percent=True)
        return res
    scale = UNIT_SCALE.get(unit, Decimal(1))
    exp = diff / scale
    tol = a.half_unit + (ct + pt) / scale
    if claim.direction == "flat":
        # "持平" prints no figure: only the tables' own rounding may excuse a difference
        tol = (ct + pt) / scale
        verdict = "pass" if abs(exp) <= tol else "fail"
        msg = f"{quoted(label)}与上年持平：本年{current_txt(fact)}，上年{current_txt(prior)}。"
        if verdict == "fail":
            msg = f"{quoted(label)}并非持平：本年{current_txt(fact)}，上年{current_txt(prior)}，相差{fmt(exp)}{unit}。"
        return claim_result(claim, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), unit),
                       tolerance=f"±{dec(tol)}{unit}", evidence=evidence)
    signed = a.value if claim.direction == "increase" else -a.value
    verdict = compare_figures(signed, a.half_unit, exp, (ct + pt) / scale, a.decimals)
    if prior.confirm_only and verdict != "pass":
        claim.notes.append("stand_in")
    if verdict != "pass" and abs(a.value - abs(exp)) <= tol and (exp > 0) != (signed > 0):
        msg = f"{quoted(label)}方向写反：按表计算为{'增加' if exp > 0 else '减少'}{fmt(abs(exp))}{unit}，叙述为{word}。"
        verdict = "fail"
    elif verdict == "pass":
        msg = f"{quoted(label)}{word}{a.text}{unit}与表格相符：本年{current_txt(fact)}，上年{current_txt(prior)}。"
    else:
        msg = (
            f"{quoted(label)}{word}应为{fmt(abs(exp))}{unit}（本年{current_txt(fact)}，上年{current_txt(prior)}），"
            f"叙述写为{a.text}{unit}。"
        )
    res = claim_result(claim, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), unit),
                       tolerance=f"±{dec(tol)}{unit}", evidence=evidence)
    if verdict == "fail":
        res.basis = change_basis(fact, prior, elsewhere, signed * scale, a.half_unit * scale, diff, ct + pt)
    return res


def change_basis(fact: Fact, prior: Fact, elsewhere: bool, claimed: Decimal, claimed_half: Decimal,
                 expected: Decimal, expected_half: Decimal, percent: bool = False) -> Comparison:
    """A change's two cells for the cross-examination. Last year's figure taken from last year's own
    disclosure is not this document's reading: this year's narrative may compare with the adjusted
    上年 figure, which the earlier document never printed."""
    prior_how, why = "direct", ""
    if elsewhere:
        prior_how, why = "fallback", "（上年数）取自上年的公开文件，本年叙述的比较基数可能是调整后的上年数"
    return Comparison(family="N", relation="eq", claimed=claimed, claimed_half=claimed_half, expected=expected,
                      expected_half=expected_half, percent=percent, of_change=True,
                      sources=[Source(fact.table, fact.row, fact.column),
                               Source(prior.table, prior.row, prior.column, how=prior_how, role="prior", why=why)])


def current_txt(f: Fact) -> str:
    return f"{f.shown}{f.unit}" if f.amount else f.shown


def check_share(doc: Document, claim: Claim, subj: tuple[str, str] | None, claims: list[Claim] | None = None,
                i: int | None = None) -> Result:
    """A share against the narrative's own part and whole, else the tables'. With no subject (a
    part of another quantity, "上年结转结余的一般公共预算收入0万元，占0%") only the narrative's
    own figures can check it."""
    fact, label = fact_for(doc, subj) if subj is not None else (None, "该项")
    a = claim.amount
    h = a.half_unit
    pair = narrative_share(claims, i) if claims is not None and i is not None else None
    if pair is not None:
        part, total = pair
        n = part.amount.value * UNIT_SCALE[part.unit]
        d = total.amount.value * UNIT_SCALE[total.unit]
        if d:
            lo, hi = percent_interval(n, part.amount.half_unit * UNIT_SCALE[part.unit],
                                     d, total.amount.half_unit * UNIT_SCALE[total.unit])
            if a.value + h >= lo and a.value - h <= hi:
                exp = n / d * 100
                return claim_result(
                    claim, "pass",
                    f"{quoted(label)}占比{a.text}%：按叙述中的数字计算 {part.amount.text}{part.unit} ÷ "
                    f"{total.amount.text}{total.unit} = {dec(exp.quantize(Decimal('0.01')))}%。",
                    expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
                    tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
                )
    stated = _stated_part(claims, i) if claims is not None and i is not None else None
    if stated is not None and stated.amount.value == 0 and a.value == 0:
        return claim_result(claim, "pass", f"{quoted(label)}为{stated.amount.text}{stated.unit}，占比为0%。",
                            expected=Figure("0", "%"), tolerance="0")
    if subj is None:
        return claim_result(claim, "unverified", "未能识别这个数字说的是哪一项，无法核对。")
    if fact is None and stated is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对占比。")
    if stated is not None:
        # "X 0万元，占0%": the share of the figure the sentence states (N101 checks that figure)
        n, nt = stated.amount.value * UNIT_SCALE[stated.unit], stated.amount.half_unit * UNIT_SCALE[stated.unit]
        shown_n = f"{stated.amount.text}{stated.unit}（叙述）"
    else:
        n, nt = fact.in_unit("元")
        shown_n = current_txt(fact)
    own = denominator(doc, fact) if fact is not None else None
    wholes = [fact]
    if stated is not None and fact is not None and subj[0] != "chain":
        # the part's figure is the narrative's own: the whole may be that of any table printing the
        # subject ("一般公共服务支出 15,291.3万元，占81.65%" under 财政拨款收支总表 counts carry-over)
        wholes += [f for f in places(doc, subj)[0] if f.table is not fact.table]
    dens = [d for w in wholes for d in denominators(doc, w, claim) if d.value != 0
            and not (stated is None and fact is not None and d.row is fact.row and d.column is fact.column)]
    if not dens:
        return claim_result(claim, "unverified", f"找不到{quoted(label)}占比的分母，无法核对。",
                            evidence=[evidence_of(fact)] if fact else [])
    den = dens[0]
    for d in dens:  # the whole the sentence names, else the totals the part's table prints
        dv, dh = d.in_unit("元")
        lo, hi = percent_interval(n, nt, dv, dh)
        if a.value + h >= lo and a.value - h <= hi:
            den = d
            break
    d, dt = den.in_unit("元")
    lo, hi = percent_interval(n, nt, d, dt)
    exp = n / d * 100
    ok = a.value + h >= lo and a.value - h <= hi
    verdict = "pass" if ok else ("warn" if abs(a.value - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
    if verdict == "fail" and not (own is not None and den.row is own.row and den.column is own.column):
        claim.notes.append("stand_in")  # a whole we inferred: it may confirm the share, not refute it
    msg = (
        f"{quoted(label)}占比{a.text}%：按表计算 {shown_n} ÷ {current_txt(den)}"
        f"（{den.row.label}·{den.column.key}）= {dec(exp.quantize(Decimal('0.01')))}%。"
    )
    return claim_result(
        claim, verdict, msg if ok else msg + "叙述与表格不符。",
        expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
        tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
        evidence=([evidence_of(fact)] if fact else []) + [evidence_of(den)],
    )


def _stated_part(claims: list[Claim], i: int) -> Claim | None:
    """The money figure a share follows in its sentence ("X 0万元，占0%")."""
    share = claims[i]
    before = [c for c in claims[:i] if c.sentence is share.sentence and c.kind == "amount" and c.amount is not None
              and c.unit in UNIT_SCALE]
    if not before:
        return None
    between = share.sentence.text[before[-1].end - share.sentence.start: share.start - share.sentence.start]
    at = between.find("占")
    return before[-1] if 0 <= at <= 4 else None
