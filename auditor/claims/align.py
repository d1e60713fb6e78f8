"""Aligns each claim with the table value it speaks of and gives a verdict with its evidence.

This is the per-claim dispatch: which subject and unit's view a claim has, which check applies
(against.py compares an amount, a change or a share with the tables as intervals), and the verdict
policy on top of it. Results the narrative's own figures already checked are reported once.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..model import Document
from ..results import Result
from .against import check_amount, check_change, check_share
from .extract import Claim, extract
from .completion import check_comparisons, check_completion, completion_pair
from .internal import check_components, check_count_lists
from .repeats import check_repeats
from .stated import change_from_rate, narrative_pct, stated_change
from .verdict import DIRECTION, SEVERITY, claim_result, decide, quoted
from .facts import class_names, concepts
from .lookup import fact_for, scope_name
from .subject import subject_of
from .parts import code_row_name, line_of, named_code, part_fact, similar_line_policy, splits_line
from .body import body_of, other_level_agrees, unit_message, view_for


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
        if claim.kind in ("change", "change_pct") and (res.verdict == "unverified" or (res.verdict != "pass" and (
                "stand_in" in claim.notes or "prior_elsewhere" in claim.notes))):
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
