"""汇总 tables that print the 部门 and each subordinate unit in turn, marked in a 预算单位 column.

Shenzhen's 支出总表 lists "深圳市水务局" (the 部门 total), then "深圳市水务局（本级）" followed by its
科目 rows, then the next unit and its rows. Read as one table, every 类 would be compared with the
款 of all units together. Each unit's rows become a table of their own, its unit row the 合计, with
the unit as the table's section; the leading row that adds up all units is the 部门 (section None).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..model import Row, Table


def _first_value(row: Row) -> tuple[Decimal | None, Decimal]:
    for cell in row.cells.values():
        if cell.amount is not None:
            return cell.amount.value, cell.amount.half_unit
    return None, Decimal(0)


def _is_department(groups: list[tuple[str | None, list[Row]]]) -> bool:
    """The first unit's row is the sum of all the other units' rows: it is the 部门 as a whole."""
    if len(groups) < 2 or groups[0][0] is None:
        return False
    total, half = _first_value(groups[0][1][0])
    if total is None:
        return False
    parts = [_first_value(rows[0]) for _unit, rows in groups[1:]]
    got = sum((v or Decimal(0) for v, _h in parts), Decimal(0))
    slack = half + sum((h for _v, h in parts), Decimal(0))
    return abs(total - got) <= slack


def split_units(table: Table, row_units: list[str | None]) -> list[Table]:
    """One table per unit when rows carry a unit name; the table unchanged otherwise."""
    if not any(row_units):
        return [table]
    groups: list[tuple[str | None, list[Row]]] = []
    for row, unit in zip(table.rows, row_units):
        if unit or not groups:
            if unit and not row.name and not row.code:
                row.name = "合计"  # the unit's own row adds up the rows under it
            groups.append((unit, []))
        groups[-1][1].append(row)
    if all(len(rows) == 1 for _unit, rows in groups):
        return [table]  # every row a unit: a list of units, not sections
    department = _is_department(groups)
    out: list[Table] = []
    for k, (unit, rows) in enumerate(groups):
        for i, r in enumerate(rows):
            r.index = i
        # the 部门's own rows, or the one unit of a 部门 that has only one: the 部门 (section None)
        section = None if (k == 0 and department) or len(groups) - department == 1 else unit
        out.append(dataclasses.replace(
            table,
            id=table.id if k == 0 else f"{table.id}.{k}",
            rows=rows,
            pages=sorted({r.page for r in rows if r.page is not None}),
            section=section,
        ))
    return out
