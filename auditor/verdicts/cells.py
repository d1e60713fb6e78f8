"""The cells a reader re-reads: a printed cell's value in 元 with its half-unit, a header's path, the
columns under one parent header, and the Alternative a reader returns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Column, Row, Table
from ..numbers import UNIT_SCALE
from ..results import Evidence

TOTAL_LEAF = re.compile(r"^(合计|小计|总计|总数|.*总数|金额合计)$")


PARTS = ("基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出")


@dataclass
class Alternative:
    role: str  # which side of the comparison it replaces: expected or claimed
    value: Decimal  # in 元
    half: Decimal
    reading: str  # "按「基本支出」下各分列之和" — completes "若按…则相符"
    evidence: list[Evidence]


def ev(table: Table, row: Row, col: Column, text: str | None = None) -> Evidence:
    cell = row.cells.get(col.key)
    return Evidence(table=table.title, table_id=table.id, row=row.label, column=col.key,
                    value=text if text is not None else (cell.text if cell else ""), unit=table.unit, page=row.page)


def cell(table: Table, row: Row, col: Column) -> tuple[Decimal, Decimal] | None:
    cell = row.cells.get(col.key)
    if cell is None or cell.amount is None:
        return None
    scale = UNIT_SCALE.get(table.unit or "元", Decimal(1))
    return cell.amount.value * scale, cell.amount.half_unit * scale


def cells_sum(table: Table, row: Row, cols: list[Column]) -> tuple[Decimal, Decimal] | None:
    got = [v for v in (cell(table, row, c) for c in cols) if v is not None]
    if not got:
        return None
    return sum((v for v, _ in got), Decimal(0)), sum((h for _, h in got), Decimal(0))


def segments(col: Column) -> tuple[str, ...]:
    """A column's header path; a header read as one line ("基本支出·人员支出") split at its joins."""
    return col.path if len(col.path) > 1 else tuple(col.key.split("·"))


def leaves_under(table: Table, col: Column) -> list[Column]:
    """The columns under col's parent header (col included), on col's side."""
    path = segments(col)
    return [c for c in table.columns
            if c.side == col.side and len(segments(c)) == len(path) and segments(c)[:-1] == path[:-1]]
