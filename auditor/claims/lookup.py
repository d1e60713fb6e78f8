"""Finds the table value a subject points at, in the scope the claim names (全部资金, 财政拨款,
一般公共预算), its prior-year value and the denominators of a share.

Kept apart from the checks so that a scope rule is written once and every check reads it.
"""

from __future__ import annotations

import dataclasses

import regex

from ..model import Column, Document, Table
from .extract import Claim, normalize
from .facts import (
    Fact,
    class_names,
    chain_facts,
    class_row_facts,
    concepts,
    find_rows,
    pick_column,
    prior_columns,
    row_key,
    resolve,
    resolve_all,
    year_row,
)
from .subject import _scope_of as scope_of, candidates, closest, grammar


def scope_name(scope: str) -> str:
    return next(s["name"] for s in grammar()["scopes"] if s["id"] == scope)


def table_scope(kind: str) -> str | None:
    return next((s["id"] for s in grammar()["scopes"] if kind in s["tables"]), None)


def claim_scope(claim: Claim | None) -> str | None:
    if claim is None:
        return None
    return next((n[6:] for n in claim.notes if n.startswith("scope:")), None)


_CLAUSE_END = regex.compile(r"[，,；;。]")


def clause_scope(claim: Claim | None) -> str | None:
    """The scope the claim's own clause names, its wording included ("其中一般公共预算拨款政府采购
    0 万元"), else the scope of the list head it belongs to ("…政府采购 0 万元：政府采购货物预算 0 万元、
    …"): the head's clause ends in a colon with no clause break between it and the figure."""
    if claim is None:
        return None
    before = claim.sentence.text[: claim.start - claim.sentence.start]
    own = _CLAUSE_END.split(before)[-1]
    found = scope_of(own.split("：")[-1].split(":")[-1])
    if found:
        return found
    colon = max(before.rfind("："), before.rfind(":"))
    if colon < 0 or _CLAUSE_END.search(before[colon:]):
        return None
    return scope_of(_CLAUSE_END.split(before[:colon])[-1])


def fact_for(doc: Document, subj: tuple[str, str], claim: Claim | None = None) -> tuple[Fact | None, str]:
    """The table value a subject points at. A concept printed in several places (基本支出 of all
    funds in 支出决算表, of 财政拨款 in 一般公共预算支出表) is taken where the claimed figure agrees,
    else at its first place. When the claim names its scope ("财政拨款基本支出"), only that scope's
    places are candidates; another scope's value is used only when the named scope has none, and
    then marked (claim note "other_scope"), so that it can never make the claim pass."""
    kind, key = subj
    facts, label = places(doc, subj)
    scope = claim_scope(claim)
    if any(f.scope for f in facts):
        # places of one scope's part (政府采购 一般公共预算 column): for a claim naming it, the only ones
        named = scope or clause_scope(claim)
        facts = [f for f in facts if f.scope == named] if named and any(f.scope == named for f in facts) \
            else [f for f in facts if not f.scope]
    if scope and facts:
        same = [f for f in facts if table_scope(f.table.kind) == scope]
        facts = same or facts
    pick = facts[0] if facts else None
    if claim is not None and claim.kind == "amount" and claim.amount is not None and len(facts) > 1:
        unit = claim.unit or "元"
        for f in facts:
            v, h = f.in_unit(unit)
            if abs(v - claim.amount.value) <= claim.amount.half_unit + h:
                pick = f
                break
    if pick is not None and claim is not None and table_scope(pick.table.kind):
        claim.notes.append(f"fact_scope:{table_scope(pick.table.kind)}")
    if scope and pick is not None and table_scope(pick.table.kind) not in (None, scope):
        claim.notes.append(f"other_scope:{table_scope(pick.table.kind)}")
    return pick, label


def places(doc: Document, subj: tuple[str, str]) -> tuple[list[Fact], str]:
    """Every place a concept, a classification row or a classification chain is printed, in the
    order of preference (a chain's row may be printed in the all-funds and the 财政拨款 tables)."""
    kind, key = subj
    if kind == "row":
        return class_row_facts(doc, key), key
    if kind == "chain":
        return chain_facts(doc, key.split("/")), key.split("/")[-1]
    c = next(c for c in concepts() if c.id == key)
    return resolve_all(doc, c.facts), c.name


def other_scope_agrees(doc: Document, subj: tuple[str, str], claim: Claim, fact: Fact) -> Fact | None:
    """A place of another scope whose value equals the claimed figure: named in a fail's message."""
    if subj[0] == "chain" or claim.amount is None:
        return None
    unit = claim.unit or "元"
    for f in places(doc, subj)[0]:
        if table_scope(f.table.kind) == table_scope(fact.table.kind):
            continue
        v, h = f.in_unit(unit)
        if abs(v - claim.amount.value) <= claim.amount.half_unit + h:
            return f
    return None


def _yearless(label: str) -> str:
    return regex.sub(r"20\d\d年度?", "", label)


_YEAR_SEGMENT = regex.compile(r"^(?:20\d\d年度?|上年度?|本年度?|当年|今年|去年)$")


def _trail(path: tuple[str, ...]) -> tuple[str, ...]:
    """A header path with its year segments (2021年, 上年, 当年) dropped and years struck from the rest."""
    return tuple(y for y in (_yearless(seg).strip() for seg in path if not _YEAR_SEGMENT.match(seg.strip())) if y)


def _same_place(table: Table, column: Column, prior: list[Column]) -> list[Column]:
    """The column at the same place in last year's block, when the two years' blocks print the same
    leaves in the same order: a header garbled differently in each block ("购置…三公经费预算费" over
    2021, "待费…三公经费预算" over 2022) still puts 公务用车·小计 fifth in both."""
    if len(column.path) < 2:
        return []
    block = [c for c in table.columns if c.path[:1] == column.path[:1]]
    at = next((i for i, c in enumerate(block) if c is column), None)
    for head in dict.fromkeys(c.path[:1] for c in prior):
        other = [c for c in table.columns if c.path[:1] == head]
        if (at is not None and len(other) == len(block) and all(map(_same_leaf, other, block))
                and any(x is other[at] for x in prior)):
            return [other[at]]
    return []


def _same_leaf(a: Column, b: Column) -> bool:
    """Two years' leaves of one column: equal, or one with an overprinted word in front ("购置费会议费"
    for "会议费", a neighbouring header's word read into it)."""
    x, y = _yearless(a.path[-1]), _yearless(b.path[-1])
    return x == y or (min(len(x), len(y)) >= 2 and (x.endswith(y) or y.endswith(x)))


def prior_fact(doc: Document, subj: tuple[str, str], current: Fact) -> Fact | None:
    """Last year's value of the subject: a prior-year column of the same table, the concept's
    prior-year facts, or else last year's own disclosure (`audit FILE --previous LAST`)."""
    found = _prior_in_document(doc, subj, current)
    if found is None and doc.previous is not None:
        found = _from_previous(doc.previous, subj)
    return found


def _from_previous(prev: Document, subj: tuple[str, str]) -> Fact | None:
    """The subject's current value in last year's disclosure, labelled as coming from it."""
    fact, _ = fact_for(prev, subj)
    if fact is None:
        return None
    name = f"{prev.meta.year or '上年'}年公开文件·{fact.table.title}"
    return dataclasses.replace(fact, table=dataclasses.replace(fact.table, title=name))


def _prior_in_document(doc: Document, subj: tuple[str, str], current: Fact) -> Fact | None:
    year = doc.meta.year
    if year is not None and year_row(current.table.rows, year) is current.row:
        # a table with a row per year: last year's row, same column
        last = year_row(current.table.rows, year - 1)
        cell = last.cells.get(current.column.key) if last is not None else None
        if cell is not None:
            return Fact(table=current.table, row=last, column=current.column, amount=cell.amount, doc_unit=current.doc_unit)
    # the same row in a prior-year column of the same table first
    cols = prior_columns(current.table, doc.meta.year)
    if cols:
        leaf = _yearless(current.column.path[-1]) if current.column.path else ""
        # the whole header path without its years first: "2019年·三公·公务用车·小计" is last year's
        # "2020年·三公·公务用车·小计", not the first prior-year "小计" (the 三公 total's)
        same = [c for c in cols if _trail(c.path) == _trail(current.column.path)]
        if not same:
            same = _same_place(current.table, current.column, cols)
        if not same:
            by_leaf = [c for c in cols if c.path and _yearless(c.path[-1]) == leaf]  # 2020年预算数 ~ 2021年预算数
            same = by_leaf if len(by_leaf) == 1 or len(current.column.path) <= 1 else []
        if not same and leaf in ("合计", "小计", "预算数", "决算数", "金额"):
            same = [c for c in cols if len(c.path) == 1]  # a single prior-year total column
        if same:
            cell = current.row.cells.get(same[0].key)
            if cell is not None:
                return Fact(table=current.table, row=current.row, column=same[0], amount=cell.amount, doc_unit=current.doc_unit)
        return None  # the table has prior-year figures, but not for this column
    if subj[0] == "concept":
        c = next(c for c in concepts() if c.id == subj[1])
        if c.prior:
            return resolve(doc, c.prior, prior=True)
    return None


def denominator(doc: Document, fact: Fact) -> Fact | None:
    if fact.row.code:
        total = find_rows(fact.table, ["@total"], fact.row.side)
        if total is not None:
            cell = total.cells.get(fact.column.key)
            if cell is not None and cell.amount is not None:
                return Fact(table=fact.table, row=total, column=fact.column, amount=cell.amount, doc_unit=fact.doc_unit)
    leaf = fact.column.path[-1] if fact.column.path else ""
    if leaf not in ("合计", "小计"):
        siblings = [c for c in fact.table.columns if c.side == fact.column.side and c.path[:-1] == fact.column.path[:-1]]
        col = pick_column(siblings, "合计|小计")
        if col is not None and col is not fact.column:
            cell = fact.row.cells.get(col.key)
            if cell is not None and cell.amount is not None:
                return Fact(table=fact.table, row=fact.row, column=col, amount=cell.amount, doc_unit=fact.doc_unit)
    return None


_SIDE_TOTALS = ("本年收入合计", "本年支出合计", "收入合计", "支出合计", "收入总计", "支出总计", "合计", "总计")


def denominators(doc: Document, fact: Fact | None, claim: Claim) -> list[Fact]:
    """Candidate wholes of a share, in order: what the words after 占 name ("占“三公”经费的",
    "占本年支出合计的"), the total of the part's own column or row, and for a row of a two-sided
    summary table its side's totals (本年收入合计, 收入总计)."""
    out: list[Fact] = []
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    if "占" in norm:
        named = norm[norm.rfind("占") + 1:]
        cands = candidates(doc, named, class_names(doc))
        if cands:
            pick = closest(cands)
            whole, _ = fact_for(doc, (pick[2], pick[3]))
            if whole is not None and whole.amount is not None:
                out.append(whole)
    if fact is None:
        return out
    den = denominator(doc, fact)
    if den is not None:
        out.append(den)
    if not fact.row.code and fact.row.index >= 0:
        rows = [r for r in fact.table.rows if r.side == fact.row.side]
        for name in _SIDE_TOTALS:
            r = next((r for r in rows if row_key(r.name) == name and r is not fact.row), None)
            cell = r.cells.get(fact.column.key) if r is not None else None
            if cell is not None and cell.amount is not None:
                out.append(Fact(table=fact.table, row=r, column=fact.column, amount=cell.amount, doc_unit=fact.doc_unit))
    return out
