"""Printings of one quantity in the tables, and the comparison of two printings.

A Point is one printed cell with its value in 元 and the half-unit of its last digit; compare
judges two printings as intervals (cross_table.py holds the identities X101–X105 built on them).
Which quantities and where they are printed is data (patterns/crosscheck.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import patterns
from ..claims.columns import expand, rank
from ..claims.facts import current_columns, row_key
from ..model import Column, Document, Row, Table
from ..numbers import UNIT_SCALE, fmt
from ..results import Evidence, Figure, Result, dec
from ..verdicts.basis import Comparison, Source

# The row that prints an expenditure measure's whole in any table that lists it (patterns/
# crosscheck.yaml measures read the 支出 side): "本年支出合计" / "一、本年支出" of a 收支总表 as well as
# a 支出表's "合计". Not claims/facts._TOTAL_NAMES (a narrative's total, either side) nor
# checks/arithmetic._TOTAL_ROW (the sum of one side's 类 rows): each reads a different row.
TOTAL = re.compile(r"^(合计|总计|本年支出合计|一、?本年支出|本年支出|支出合计)$")


@dataclass
class Point:
    """One printing of a quantity: a cell of a table, with its value converted to 元."""

    table: Table
    row: Row
    column: Column
    value: Decimal  # in 元; a blank cell in a printed row is 0
    half: Decimal  # half-unit of the last printed digit, in 元
    text: str
    rows: int = 1  # table rows added up into this printing (one code printed on several rows)

    def evidence(self) -> Evidence:
        return Evidence(
            table=self.table.title,
            table_id=self.table.id,
            row=self.row.label,
            column=self.column.key,
            value=self.text or "空白",
            unit=self.table.unit,
            page=self.row.page,
        )

    @property
    def where(self) -> str:
        return f"{self.table.number or ''}《{self.table.title}》"

    @property
    def shown(self) -> str:
        """The figure as printed, with its table's unit: two printings in different units never
        read as "266.80 超过了 266.80"."""
        return f"{self.text}{self.table.unit or '（单位未标明）'}" if self.text else "空白"


@patterns.cached
def config() -> dict:
    return patterns.load("crosscheck")


@patterns.cached
def _class_codes(year: int) -> dict[str, str]:
    """类 names -> codes for the document's year (both the current and the former names)."""
    out: dict[str, str] = {}
    for code, names in patterns.reference_codes().items():
        if len(code) != 3 or not code.startswith("2"):
            continue
        for name, _y0, _y1, _conf in names:
            out.setdefault(name, code)
    return out


def _row_key(row: Row, rows: str, year: int) -> str | None:
    name = row_key(row.name)
    if TOTAL.match(name):
        return "total"
    if rows == "total":
        return None
    if row.code:
        return row.code if row.code.startswith("2") else None
    return _class_codes(year).get(name)


def find_column(doc: Document, table: Table, side: str | None, pattern: str) -> Column | None:
    """The current-year column a measure is printed in: on the named side, the whole before a
    part's 小计, and in a 决算 the 决算数 before a 预算数."""
    cols = [c for c in current_columns(table, doc.meta.year) if side is None or (c.side or "").startswith(side)]
    if side is not None:
        cols = [c for c in cols if "用途" not in (c.side or "") and "经济" not in (c.side or "")]
    rx = re.compile(expand(pattern))
    hits = rank([c for c in cols if rx.search(c.key)], cols, rx)  # a part's 小计 after the whole
    if doc.meta.stage == "决算":
        hits.sort(key=lambda c: "预算" in c.key and "决算" not in c.key)
    return hits[0] if hits else None


def _points(doc: Document, table: Table, column: Column, rows: str) -> dict[str, Point]:
    scale = UNIT_SCALE.get(table.unit or "元", Decimal(1))
    out: dict[str, Point] = {}
    repeats: dict[str, int] = {}
    for row in table.rows:
        if column.side is not None and row.side != column.side:
            continue
        key = _row_key(row, rows, doc.meta.year or 0)
        if key is None:
            continue
        cell = row.cells.get(column.key)
        if cell is None:
            continue
        if cell.amount is None and (not cell.blank or key == "total"):
            continue  # a dash or text, or a blank total (a heading row): nothing to compare
        value = cell.amount.value if cell.amount else Decimal(0)
        half = cell.amount.half_unit if cell.amount else Decimal(0)
        if key in out:
            if not row.code or key == "total":
                continue
            # a code printed on several rows (a listing by 功能 × 经济 科目, or one block per unit):
            # the code's figure is the sum of its rows
            p = out[key]
            repeats[key] = repeats.get(key, 1) + 1
            out[key] = Point(table, p.row, column, p.value + value * scale, p.half + half * scale,
                             f"{fmt((p.value + value * scale) / scale)}（{repeats[key]}行之和）", repeats[key])
            continue
        out[key] = Point(table, row, column, value * scale, half * scale, cell.text)
    return out


def measure_points(doc: Document, measure: dict) -> list[dict[str, Point]]:
    """For each table that prints the measure: row key -> Point."""
    found: list[dict[str, Point]] = []
    for src in measure["sources"]:
        if src.get("docs") and src["docs"] != doc.meta.stage:
            continue
        for table in doc.tables_of(src["kind"]):
            col = find_column(doc, table, src.get("side"), src["column"])
            if col is None:
                continue
            pts = _points(doc, table, col, measure.get("rows", "function"))
            if pts:
                found.append(pts)
    return found


def _in_one_unit(a: Point, b: Point) -> tuple[Point, Point]:
    """A printing from a table whose unit was not found is read in the other table's unit, not as
    元: "300.00" beside "3.00万元" is then 300万元, and a difference is 存疑 ("单位未标明",
    checks/doubt.py), never a pass that rests on reading it as 元."""
    if (a.table.unit is None) == (b.table.unit is None):
        return a, b
    unit = a.table.unit or b.table.unit
    scale = UNIT_SCALE.get(unit or "元", Decimal(1))

    def rescale(p: Point) -> Point:
        return Point(p.table, p.row, p.column, p.value * scale, p.half * scale, p.text, p.rows) if p.table.unit is None else p

    return rescale(a), rescale(b)


def compare(rule: str, anchor: str, title: str, a: Point, b: Point, *, relation: str = "eq",
             extra: str = "") -> Result:
    """a is the reference printing; b must equal it (eq) or not exceed it (le)."""
    a, b = _in_one_unit(a, b)
    unit = a.table.unit or b.table.unit or "元"
    scale = UNIT_SCALE.get(unit, Decimal(1))
    diff = b.value - a.value
    same_grid = a.half == b.half and a.table.unit == b.table.unit
    tol = (a.half + b.half) if not same_grid else Decimal(0)
    rounding = 2 * max(a.half, b.half)  # one unit of the coarser last digit
    if relation == "le" and diff < 0:
        diff_bad = Decimal(0)
    else:
        diff_bad = abs(diff)
    if diff_bad <= tol:
        verdict, severity = "pass", "info"
    elif diff_bad <= rounding:
        verdict, severity = "warn", "info"
    else:
        verdict, severity = "fail", "error"
    if verdict == "pass":
        msg = f"{title}：{b.where}与{a.where}一致（{a.shown if a.text else '0'}）。" if relation == "eq" else (
            f"{title}：{b.where}的 {b.shown if b.text else '0'} 未超过{a.where}的 {a.shown if a.text else '0'}。")
    elif verdict == "warn":
        msg = f"{title}：{b.where}为 {b.shown}，{a.where}为 {a.shown}，相差一个末位单位，属舍入差异。"
    elif relation == "eq":
        msg = f"{title}：{b.where}为 {b.shown}，{a.where}为 {a.shown}，两表不一致（相差 {fmt(abs(diff) / scale, 2)}{unit}）。"
    else:
        msg = f"{title}：{b.where}的 {b.shown} 超过了{a.where}的 {a.shown}（多 {fmt(diff / scale, 2)}{unit}）{extra}。"
    return Result(
        rule=rule,
        kind="cross_table",
        verdict=verdict,
        severity=severity,
        message=msg,
        page=b.row.page,
        text=f"{b.row.label} · {b.column.key}",
        claimed=Figure(value=dec(b.value / scale), unit=unit),
        expected=Figure(value=dec(a.value / scale), unit=unit),
        tolerance=f"±{dec(tol / scale)}{unit}（舍入界 {dec(rounding / scale)}{unit}）",
        evidence=[a.evidence(), b.evidence()],
        anchor=f"{anchor}/{b.table.id}/{a.table.id}",
        basis=Comparison(family=rule[:1], relation=relation, claimed=b.value, claimed_half=b.half, expected=a.value,
                         expected_half=a.half, sources=[_source(a, "expected"), _source(b, "claimed")])
        if verdict == "fail" else None,
    )


_PLACE = re.compile(r"[省市区县州盟旗]|本级")  # a body's name names its place; a 科目's does not (法院 does not)


@patterns.cached
def _body_name() -> re.Pattern:
    return re.compile(patterns.load("claims")["count_lists"]["unit_name"])


def _source(p: Point, role: str) -> Source:
    """A printing as the cross-examination reads it: a code added up over several rows is no
    single printed figure (a row of the listing may be a subtotal, or lie in a block not read); a
    code whose row names a body ("222 西安市交通运输局") may be a 单位编码 that happens to look like
    a 类, so the figure's meaning is not confirmed by the code."""
    name = (p.row.name or "").strip()
    if p.row.code and name and _body_name().search(name) and _PLACE.search(name):
        return Source(p.table, p.row, p.column, how="fallback", role=role,
                      why=f"该行编码{p.row.code}后印的是单位名称“{name}”，编码可能是单位编码而非科目编码")
    if p.rows > 1:
        return Source(p.table, p.row, p.column, how="sum", role=role, why=f"由同一科目的{p.rows}行相加得到")
    if _listing(p.table):
        return Source(p.table, p.row, p.column, how="sum", role=role,
                      why="出自同一科目分多行列示的表，该科目可能还有未读到的行")
    return Source(p.table, p.row, p.column, role=role)


def _listing(table: Table) -> bool:
    """A table that prints one code on several rows (a listing by 功能 × 经济 科目, or a block per unit)."""
    codes = [r.code for r in table.rows if r.code]
    return len(codes) != len(set(codes))


def all_points(doc: Document) -> dict[str, list[dict[str, Point]]]:
    """Every measure's printings, read once for X101 and X102."""
    return {m["id"]: measure_points(doc, m) for m in config()["measures"]}


def point_of(table: Table, row: Row, column: Column) -> Point:
    """One named cell as a printing (X103–X105 compare single cells, not a measure's rows)."""
    scale = UNIT_SCALE.get(table.unit or "元", Decimal(1))
    cell = row.cells[column.key]
    value = cell.amount.value if cell.amount else Decimal(0)
    half = cell.amount.half_unit if cell.amount else Decimal(0)
    return Point(table, row, column, value * scale, half * scale, cell.text)
