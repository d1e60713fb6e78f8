"""R101/R102: spending shown to the depth the law asks for.

预算法实施条例 §6: 一般公共预算支出 by function to 项 (7-digit codes), 基本支出 by economic nature to 款
(30101…). A table that stops at 类 or 款 while it has amounts is complete arithmetic but incomplete
disclosure; the inspections score it under 细化程度.

A table is judged as a whole: one 类 without 项 rows is far more often a page break or a misread row
than a document that chose to stop there, so only a table with no row at the required depth fails.
"""

from __future__ import annotations

from ... import patterns
from ...model import Document, Row, Table
from ...results import Result
from ...tables.reading import rows_readable
from .codes import name_key
from .common import config, result, row_evidence, table_evidence


@patterns.cached
def _class_names() -> frozenset[str]:
    """Every name a function 类 (3-digit code) has had: the reference list has all 类."""
    return frozenset(name_key(n) for code, entries in patterns.reference_codes().items() if len(code) == 3
                     for n, *_ in entries)


def _coded_rows_with_amounts(t: Table, first: str) -> list[Row]:
    return [r for r in t.rows if r.code and r.code.isdigit() and r.code.startswith(first)
            and any(c.value not in (None, 0) for c in r.cells.values())]


def _depth(t: Table, *, rule: str, first: str, depth: int, what: str, level: str) -> Result | None:
    if not rows_readable(t):
        return None
    rows = [r for r in _coded_rows_with_amounts(t, first) if len(r.code) in (3, 5, 7)]
    if first == "2":  # a 3-digit code beside a unit's name is a unit code in a table listed by unit
        rows = [r for r in rows if len(r.code) != 3 or name_key(r.name) in _class_names()]
    if not rows:
        return None
    if any(len(r.code) >= depth for r in rows):
        return result(rule, "pass", f"《{t.title}》{what}列示到{level}级科目（{depth}位编码）。", anchor=f"{t.id}/{rule}",
                      evidence=[table_evidence(t)])
    deepest = max(len(r.code) for r in rows)
    shown = {3: "类", 5: "款", 7: "项"}[deepest]
    return result(rule, "fail", f"《{t.title}》{what}只列到{shown}级（如“{rows[0].label}”），没有{level}级科目"
                  f"（{depth}位编码）：应按{what}公开到{level}。", anchor=f"{t.id}/{rule}", page=rows[0].page,
                  evidence=[row_evidence(t, r) for r in rows[:10]])


def check_depth(doc: Document) -> list[Result]:
    cfg = config()["depth"]
    out: list[Result] = []
    for t in doc.tables:
        if t.kind in cfg["function_tables"]:
            r = _depth(t, rule="R101", first="2", depth=7, what="功能分类", level="项")
            if r:
                out.append(r)
        if t.kind in cfg["economic_tables"]:
            r = _depth(t, rule="R102", first="3", depth=5, what="经济分类", level="款")
            if r:
                out.append(r)
    return out
