"""Aligns each claim with the table value it speaks of and gives a verdict with its evidence.

A printed figure stands for an interval (171.12万元 covers ±0.005万元); claimed and table values are
compared as intervals after converting units, and percentages are computed at the interval ends,
so a difference that rounding explains is never a fail.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import patterns
from ..model import Document
from ..numbers import UNIT_SCALE, change_rate_interval, fmt, percent_interval
from ..results import Figure, Result, dec
from .extract import Claim, extract
from .completion import check_comparisons, check_completion, completion_pair
from .internal import check_components, check_count_lists
from .repeats import check_repeats
from .stated import change_from_rate, narrative_pct, narrative_share, speaks_of_prior_year, stated_change
from .verdict import DIRECTION, SEVERITY, claim_result, compare_figures, decide, quoted
from .facts import Fact, class_names, concepts, evidence_of, same_value_rows
from .lookup import (
    claim_scope,
    denominator,
    denominators,
    fact_for,
    other_scope_agrees,
    places,
    prior_fact,
    scope_name,
)
from .subject import subject_of
from .parts import code_row_name, line_of, named_code, part_fact, similar_line_policy, splits_line
from .body import body_of, other_level_agrees, unit_message, view_for


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
    return claim_result(
        claim, verdict, msg,
        expected=Figure(dec(exp.quantize(Decimal(1).scaleb(-max(a.decimals, 2)))), unit),
        tolerance=f"±{dec(tol)}{unit}", evidence=evidence,
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
        return claim_result(
            claim, verdict, msg + ("" if ok else "叙述与表格不符。"),
            expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
            tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
            evidence=evidence,
        )
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
    return claim_result(claim, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), unit),
                   tolerance=f"±{dec(tol)}{unit}", evidence=evidence)


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


_PARTIAL_MESSAGE = {
    "covered": "这是某项工作涉及的资金，不一定是该项目的全部，无法核对。供参考：",
    "rate": "这是人均或单位标准，不是该项目的金额，无法核对。供参考：",
}


def _partial_figure(claim: Claim) -> str | None:
    """"涉及…0万元" or "人均月补贴90元": which kind of partial figure the claim's own clause makes
    it (patterns/claims.yaml partial_figures), or None."""
    before = claim.sentence.text[: claim.start - claim.sentence.start]
    clause = regex.split(r"[，,；;：:。]", before)[-1]
    for kind, words in patterns.load("claims").get("partial_figures", {}).items():
        if regex.search(words, clause):
            return kind
    return None


_BUDGET_FIGURE = regex.compile(r"(?:年初|全年|调整后?)?预算(?:数)?(?:为|是)?\s*$")


def _policy(claim: Claim, res: Result) -> Result:
    """Applies the verdict policy (verdict.decide) to a claim checked against the tables. Results
    computed from the narrative's own figures (internal) do not depend on the subject."""
    if (res.verdict in ("fail", "warn") and ("bare" in claim.notes or "unnamed" in claim.notes)
            and "internal" not in claim.notes and not claim.typo):
        # a bare 收入/支出 far from the figure is no candidate: nothing to name
        res.verdict, res.severity = "unverified", "info"
        res.message = "未能识别这个数字说的是哪一项，无法核对。"
        return res
    partial = next((n.split(":")[1] for n in claim.notes if n.startswith("partial:")), None)
    if partial and res.verdict in ("fail", "warn") and "internal" not in claim.notes:
        res.verdict, res.severity = "unverified", "info"
        res.message = _PARTIAL_MESSAGE[partial] + res.message
        return res
    if res.verdict != "unverified" and "internal" not in claim.notes:
        other = next((n.split(":")[1] for n in claim.notes if n.startswith("other_scope:")), None)
        opening = next((n.split(":")[1] for n in claim.notes if n.startswith("opening_scope:")), None)
        compared = next((n.split(":")[1] for n in claim.notes if n.startswith("fact_scope:")), None)
        if opening and compared and res.verdict == "fail" and not other and opening != compared:
            other = opening  # the sentence speaks of one scope, the table compared is of another
        verdict, prefix = decide(
            res.verdict,
            strong="weak" not in claim.notes or bool(claim.typo),
            scope=scope_name(other) if other else None,
            stand_in="stand_in" in claim.notes,
            doubtful=None,  # issue 16: the candidate table's reading status goes here
        )
        if verdict != res.verdict:
            res.verdict, res.severity = verdict, SEVERITY[verdict]
            res.message = prefix + res.message
    res = similar_line_policy(claim, res)
    if claim.typo and res.verdict in ("pass", "unverified"):
        # the figure may be right, the word is not: "较少" printed for "减少"
        right = DIRECTION.get(claim.direction or "", "")
        res.verdict, res.severity = "warn", "warning"
        res.message = f"用词有误：原文“{claim.typo}”应为“{right}”。" + res.message
    return res


def _check_line_part(doc: Document, claim: Claim, subj: tuple[str, str], line: tuple[str, str | None]) -> Result:
    """A part of one classification line (its 人员经费, 公用经费, 项目支出): the line's row in the
    column of that part, never the 部门 total. Without such a column it is 无法核对."""
    name = next(c.name for c in concepts() if c.id == subj[1])
    label = f"{line[0]}{f'（{line[1]}）' if line[1] else ''}中的{name}"
    if claim.kind != "amount":
        return claim_result(claim, "unverified", f"叙述说的是{quoted(label)}的变动，表格未列示其上年数，无法核对。")
    fact = part_fact(doc, subj[1], line)
    if fact is None:
        return claim_result(claim, "unverified", f"叙述说的是{quoted(label)}，表格中没有该科目的{name}，无法核对。")
    return check_amount(doc, claim, subj, given=(fact, label))


def check_claims(doc: Document) -> tuple[list[Result], list[Claim]]:
    names = class_names(doc)
    results: list[Result] = []
    claims = extract(doc)
    final_accounts = doc.meta.stage == "决算"
    subjects: dict[int, tuple[str, str]] = {}
    at: dict[int, int] = {}  # claim index → its result's place in results
    for i, claim in enumerate(claims):
        if claim.kind == "count":
            continue  # counts are checked against the narrative itself (N106) below
        before = claim.sentence.text[: claim.start - claim.sentence.start]
        if final_accounts and claim.kind == "amount" and _BUDGET_FIGURE.search(before):
            results.append(claim_result(claim, "unverified", "决算说明中的预算数，公开表格未列示，无法核对。"))
            continue
        subj = subject_of(doc, claim, names)
        partial = _partial_figure(claim)
        if partial:
            claim.notes.append(f"partial:{partial}")
        body = body_of(doc, claim.sentence)
        view = view_for(doc, body)  # a unit's figure is checked against that unit's tables only
        if view is None and subj is not None and claim.kind != "completion":
            results.append(claim_result(claim, "unverified", unit_message(body)))
            continue
        code = named_code(claim) if subj is not None and subj[0] == "row" and view is not None else None
        if code is not None:
            # "机关工资福利支出（501）": the code says which line; a row of another code is not it
            by_code = code_row_name(view, code)
            if by_code is None:
                claim.notes.append(f"similar_line:{code}")
            else:
                subj = ("row", by_code)
        if subj is not None:
            subjects[i] = subj
        at[i] = len(results)
        if claim.kind == "completion":
            fact = fact_for(view, subj)[0] if subj and view is not None else None
            results.append(check_completion(doc, claims, i, fact))
            continue
        if subj is None and claim.kind == "share":
            results.append(_policy(claim, check_share(doc, claim, None, claims, i)))
            continue
        if subj is None:
            stated = None
            if claim.kind in ("change", "change_pct"):
                stated = stated_change(doc, claims, i) or (
                    narrative_pct(doc, claims, i) if claim.kind == "change_pct" else change_from_rate(doc, claims, i))
            if stated is not None:
                claim.notes.append("internal")
            results.append(_policy(claim, stated or claim_result(claim, "unverified", "未能识别这个数字说的是哪一项，无法核对。")))
            continue
        line = line_of(view, claim, names) if splits_line(subj) and claim.kind != "share" else None
        if line is not None:
            # "具体为：人员经费 675.90 万元" in a paragraph on one line: that line's 人员经费
            res = _check_line_part(view, claim, subj, line)
        elif claim.kind == "amount":
            res = check_amount(view, claim, subj)
            if res.verdict == "fail":
                res = other_level_agrees(doc, claim, subj, body, res)
        elif claim.kind in ("change", "change_pct"):
            res = check_change(view, claim, subj)
        elif claim.kind == "share":
            res = check_share(view, claim, subj, claims, i)
        else:
            res = claim_result(claim, "unverified", "未能核对。")
        if claim.kind in ("change", "change_pct") and (res.verdict == "unverified" or
                                                      (res.verdict != "pass" and "stand_in" in claim.notes)):
            own = stated_change(doc, claims, i) or (narrative_pct(doc, claims, i) if claim.kind == "change_pct"
                                                    else change_from_rate(doc, claims, i))
            if own is not None:
                res = own
                claim.notes.append("internal")
        res = _policy(claim, res)
        results.append(res)
    mine = {i: results[k] for i, k in at.items() if k < len(results) and results[k].span == (claims[i].start, claims[i].end)}
    check_repeats(claims, subjects, mine)
    for i, r in mine.items():
        results[at[i]] = r
    results += check_components(doc, claims) + check_count_lists(doc) + check_comparisons(doc, claims)
    covered = _covered_by_identities(claims, results)
    results = [r for r in results
               if not (r.rule in ("N101", "N102") and r.verdict == "unverified" and r.span in covered)]
    return results, claims


def _covered_by_identities(claims: list[Claim], results: list[Result]) -> set[tuple[int, int]]:
    """Spans of amounts and changes that a narrative identity with a verdict has checked: the total
    and the parts of an N107 sum (of amounts or of changes: "支出增加2,515.39万元，主要是基本支出增加
    1,252.5万元，项目支出增加1,262.89万元"), the 预算数 and 决算数 of an N105 completion rate, the
    figures a change or rate was computed from in the narrative (both years, or this year and the
    change). Such a figure is reported once,
    inside that identity's result (its evidence names it), not again as an unchecked N101/N102."""
    covered: set[tuple[int, int]] = set()
    by_start = {c.start: c for c in claims}
    for r in results:
        if r.verdict == "unverified" or r.span is None:
            continue
        if r.rule in ("N102", "N103") and r.span[0] in by_start:
            for note in by_start[r.span[0]].notes:
                if note.startswith("uses:") and int(note[5:]) in by_start:
                    used = by_start[int(note[5:])]
                    covered.add((used.start, used.end))
        if r.rule == "N107":
            total = by_start.get(r.span[0])
            if total is None:
                continue
            covered |= {(c.start, c.end) for c in claims
                        if r.span[0] <= c.start and c.end <= r.span[1] and c.kind == total.kind}
        elif r.rule == "N105" and any(e.table == "叙述" for e in r.evidence):
            i = next((k for k, c in enumerate(claims) if c.start == r.span[0]), None)
            if i is not None:
                budget, final = completion_pair(claims, i)
                covered |= {(c.start, c.end) for c in (budget, final) if c is not None}
    return covered
