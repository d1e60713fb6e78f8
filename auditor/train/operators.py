"""Mutation operators: each introduces one typical error into the text of a correct disclosure.

An operator lists the places in a sample where it can act (sites, from the sample's own audit:
claims that pass, sums that hold, empty tables that are explained) and, for each, the edit and the
finding it should cause. Whether the edit really causes that finding and nothing else is decided
by verify() in exercises.py, which runs the audit; the operators only propose.

Which finding counts as "the one error" (see the README): the edit must make exactly one result
fail or warn that did not before, and no earlier finding may disappear. A table cell changed in a
number that also appears in another table would break T101, T103 and X101 at once; such sites are
discarded, so a T101 exercise is a cell whose only consequence is its parent's sum.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..model import Table
from ..numbers import fmt, parse_amount
from ..results import Result
from .source import Baseline


@dataclass(frozen=True)
class Mutation:
    operator: str
    sample: str
    edits: tuple[tuple[int, int, str], ...]  # (start, end, replacement) in the sample's text, in order
    rule: str  # the rule that must report it
    description: str  # what was changed, for the trainee after the reveal
    anchor: str = ""  # the intended result's anchor, when known in advance (tables, D rules)
    doc_at: int | None = None  # else: an offset in the edited Document.text inside the intended claim
    names: str = ""  # a phrase the intended message must contain (the row a relabelled figure belongs to)

    def apply(self, text: str) -> str:
        for start, end, new in sorted(self.edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text

    @property
    def site(self) -> tuple[str, int]:
        """Where it acts: two mutations at one site are the same exercise, whatever the new text."""
        return (self.sample, self.edits[0][0])


# ---- helpers ---------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d")


def _figure_at(base: Baseline, r: Result) -> tuple[int, int] | None:
    """Doc offsets of the printed figure of a claim (the span also holds the unit and words)."""
    if r.span is None or r.claimed is None:
        return None
    s, e = r.span
    value = r.claimed.value
    for v in (value, value.replace(",", "")):
        k = base.doc.text.find(v, s, max(e, s + len(v)))
        if k >= 0:
            return k, k + len(v)
    return None


def altered_number(printed: str, rng: random.Random) -> str | None:
    """A typist's slip on a printed figure: two adjacent digits swapped, or one digit changed.

    The last digit is left alone so the difference is never within rounding of the original.
    """
    pos = [m.start() for m in _DIGITS.finditer(printed)]
    if len(pos) < 2:
        return None
    choices: list[str] = []
    for a, b in zip(pos, pos[1:-1] if len(pos) > 2 else pos[1:]):
        if printed[a] != printed[b] and not (a == pos[0] and printed[b] == "0"):
            choices.append(printed[:a] + printed[b] + printed[a + 1 : b] + printed[a] + printed[b + 1 :])
    for a in pos[:-1]:
        d = int(printed[a])
        for nd in ((d + 1) % 10, (d + 9) % 10):
            if a == pos[0] and nd == 0:
                continue
            choices.append(printed[:a] + str(nd) + printed[a + 1 :])
    choices = [c for c in choices if c != printed]
    return rng.choice(choices) if choices else None


def _passing(base: Baseline, rule: str) -> list[Result]:
    return [r for r in base.results if r.rule == rule and r.verdict == "pass"]


def _table_by_id(base: Baseline, table_id: str | None) -> Table | None:
    return next((t for t in base.doc.tables if t.id == table_id), None)


# ---- operators ------------------------------------------------------------------------------


def figure_sites(base: Baseline, rng: random.Random, *, rule: str = "N101", op: str = "figure") -> list[Mutation]:
    """N101 (amounts) and N104 (shares): the figure of a passing claim retyped wrongly."""
    out = []
    for r in _passing(base, rule):
        if r.kind != "claim":
            continue
        at = _figure_at(base, r)
        if at is None:
            continue
        printed = base.doc.text[at[0] : at[1]]
        amount = parse_amount(printed)
        if amount is None or amount.value == 0:
            continue
        new = altered_number(printed, rng)
        src = base.src_offset(at[0])
        if new is None or src is None:
            continue
        out.append(Mutation(op, base.name, ((src, src + len(printed), new),), rule,
                            f"叙述中的“{printed}”改为“{new}”。", doc_at=at[0]))
    return out


def share_sites(base: Baseline, rng: random.Random) -> list[Mutation]:
    return figure_sites(base, rng, rule="N104", op="share")


_DIRECTION = {"增加": "减少", "减少": "增加", "较少": "增加", "增长": "下降", "下降": "增长"}


def direction_sites(base: Baseline, rng: random.Random) -> list[Mutation]:
    """N102: 增加 written where the tables show a decrease, or the other way round."""
    out = []
    for r in _passing(base, "N102"):
        if r.span is None:
            continue
        s, e = r.span
        lo = max(0, s - 6)  # the span starts at the figure; the word is just before it
        found = list(re.finditer("|".join(_DIRECTION), base.doc.text[lo:e]))
        if not found:
            continue
        m = found[-1]
        at = lo + m.start()
        src = base.src_offset(at)
        if src is None:
            continue
        old = m.group(0)
        out.append(Mutation("direction", base.name, ((src, src + len(old), _DIRECTION[old]),), "N102",
                            f"方向词“{old}”改为“{_DIRECTION[old]}”。", doc_at=s))
    return out


def _class_rows(table: Table) -> dict[str, str]:
    """Name → code of the 类 rows (three-digit function codes) of a table."""
    return {row.name: row.code for row in table.rows if row.code and len(row.code) == 3 and row.name}


def label_sites(base: Baseline, rng: random.Random) -> list[Mutation]:
    """N101 naming another row: a 类 figure put under the name of a different 类 of the same table."""
    out = []
    for r in _passing(base, "N101"):
        if r.kind != "claim" or not r.evidence:
            continue
        ev = r.evidence[0]
        table = _table_by_id(base, ev.table_id)
        at = _figure_at(base, r)
        if table is None or at is None:
            continue
        classes = _class_rows(table)
        name = next((n for n, code in classes.items() if ev.row in (n, f"{code} {n}")), None)
        if name is None:
            continue
        window_start = max(0, at[0] - len(name) - 4)
        k = base.doc.text.rfind(name, window_start, at[0])
        if k < 0:
            continue
        para = next((p for p in base.doc.paragraphs if p.start <= at[0] < p.end), None)
        others = sorted(n for n in classes if n != name and (para is None or n not in para.text))
        if not others:
            continue
        new = rng.choice(others)
        src = base.src_offset(k)
        if src is None:
            continue
        out.append(Mutation("label", base.name, ((src, src + len(name), new),), "N101",
                            f"“{name}”的金额写在了“{new}”名下。", doc_at=at[0] + len(new) - len(name), names=name))
    return out


def _child_code_len(table: Table, parent: str) -> int | None:
    lens = sorted({len(r.code) for r in table.rows if r.code and r.code.startswith(parent) and len(r.code) > len(parent)})
    return lens[0] if lens else None


def cell_sites(base: Baseline, rng: random.Random) -> list[Mutation]:
    """T101: a 款 or 项 cell changed, so its parent no longer equals the sum of its children."""
    out = []
    for r in _passing(base, "T101"):
        parts = r.anchor.rsplit("/", 2)
        if len(parts) != 3:
            continue
        head, parent, col_key = parts
        table = next((t for t in base.doc.tables if f"{t.kind}/{t.title}" == head), None)
        if table is None:
            continue
        n = _child_code_len(table, parent)
        col = next((c for c in table.columns if c.key == col_key), None)
        if n is None or col is None:
            continue
        for row in table.rows:
            if not (row.code and row.code.startswith(parent) and len(row.code) == n and row.line):
                continue
            cell = row.cells.get(col_key)
            if cell is None or cell.amount is None or cell.amount.value == 0:
                continue
            where = _cell_in_line(base, row.line, col.index, cell.text)
            if where is None:
                continue
            new = _changed_cell(cell.text, rng)
            out.append(Mutation("cell", base.name, ((where[0], where[1], new),), "T101",
                                f"《{table.title}》「{row.label}」{col_key} 由 {cell.text} 改为 {new}。",
                                anchor=r.anchor))
    return out


def _cell_in_line(base: Baseline, lineno: int, index: int, printed: str) -> tuple[int, int] | None:
    start, end = base.line_span(lineno)
    cells = base.text[start:end].split("\t")
    hits = [i for i, c in enumerate(cells) if c.strip() == printed]
    i = index if index in hits else (hits[0] if len(hits) == 1 else None)
    if i is None:
        return None
    k = start + sum(len(c) + 1 for c in cells[:i])
    k += len(cells[i]) - len(cells[i].lstrip())
    return k, k + len(printed)


def _changed_cell(printed: str, rng: random.Random) -> str:
    """The value moved by one unit of its third significant digit, printed the way the table prints."""
    amount = parse_amount(printed)
    assert amount is not None
    value = amount.value
    magnitude = len(str(int(abs(value)))) - 3
    step = Decimal(10) ** max(magnitude, -amount.decimals)
    new = value + step if rng.random() < 0.5 or value - step < 0 else value - step
    text = fmt(new, amount.decimals)
    return text if "," in printed else text.replace(",", "")


def note_sites(base: Baseline, rng: random.Random) -> list[Mutation]:
    """D103: an empty table no longer says why it is empty.

    The reason may be given twice, in a note under the table (“本单位无政府性基金收支，故此表无数
    据”) and in a sentence of the narrative; D103 accepts either, so the error is introduced by
    deleting every statement of the reason: the note line and each sentence D103 then falls back to.
    """
    from .source import audit_text

    out = []
    for r in _passing(base, "D103"):
        table = _table_by_id(base, r.anchor)
        if table is None:
            continue
        edits: list[tuple[int, int, str]] = []
        last = max((row.line for row in table.rows if row.line), default=0)
        for note in table.notes:
            for lineno in range(last + 1, min(last + 6, len(base.lines) + 1)):
                if note in base.lines[lineno - 1].replace("\t", " ").strip():
                    edits.append((base.line_starts[lineno - 1], base.line_starts[lineno], ""))
                    break
        for _ in range(3):  # each round removes the statement D103 found next
            text = Mutation("note", base.name, tuple(edits), "D103", "").apply(base.text) if edits else base.text
            doc, results = audit_text(text, base.name)
            hit = next((x for x in results if x.rule == "D103" and x.anchor == table.id), None)
            if hit is None or hit.verdict != "pass":
                break
            sentence = _explaining_sentence(base, doc, hit)
            if sentence is None:
                edits = []
                break
            edits.append(sentence)
        if edits:
            out.append(Mutation("note", base.name, tuple(sorted(edits)), "D103",
                                f"删去了空表《{table.title}》为何无数据的说明。", anchor=table.id))
    return out


def _explaining_sentence(base: Baseline, doc, hit: Result) -> tuple[int, int, str] | None:
    """The narrative sentence a passing D103 quotes, as an edit of the sample's text (None if the
    quoted reason is the table's own note, which the caller already removes)."""
    quoted = hit.message.split("已说明：", 1)[-1]
    for s in doc.sentences():
        if s.text.startswith(quoted[:30]) and quoted:
            # the same sentence in the sample: its paragraph is unchanged by earlier deletions
            k = base.text.find(s.text)
            if k >= 0:
                return (k, k + len(s.text), "")
    return None


@dataclass(frozen=True)
class Operator:
    name: str
    label: str  # Chinese, shown in the trainer and the export
    rule: str
    sites: Callable[[Baseline, random.Random], list[Mutation]]


OPERATORS: dict[str, Operator] = {
    op.name: op
    for op in (
        Operator("figure", "叙述金额改错", "N101", figure_sites),
        Operator("direction", "增减方向写反", "N102", direction_sites),
        Operator("label", "科目名称张冠李戴", "N101", label_sites),
        Operator("cell", "表格单元格与上级合计不符", "T101", cell_sites),
        Operator("note", "删去空表说明", "D103", note_sites),
        Operator("share", "占比改错", "N104", share_sites),
    )
}
