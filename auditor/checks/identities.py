"""T105: the grand totals of the summary tables are this year's money plus what was carried over, and
a 政府采购 table's total is its 货物, 工程 and 服务 (a part also counted as its parent breaks it).

Which rows make up which total is data (row_identities in patterns/tables.yaml), because budgets and
final accounts, and each region's template, name the carry-over rows differently.
"""

from __future__ import annotations

import re

from .. import patterns
from ..claims.facts import row_key
from ..model import Document, Row, Table
from ..results import Result
from .arithmetic import _relation


@patterns.cached
def _identities() -> list[dict]:
    return patterns.load("tables").get("row_identities", [])


def _find(rows: list[Row], pattern: str) -> Row | None:
    rx = re.compile(pattern)
    return next((r for r in rows if rx.search(row_key(r.name))), None)


def _count(rows: list[Row], pattern: str) -> int:
    rx = re.compile(pattern)
    return sum(1 for r in rows if rx.search(row_key(r.name)))


def _later_parts(rows: list[Row], first: Row, total: Row, patterns_: list[str]) -> list[Row]:
    """Rows printed between this year's line and the grand total that add to the total but not to
    this year's line: 上级补助收入, 附属单位上缴收入 … under 本年收入合计. Only there: the same name
    printed above 本年收入合计 is one of its items, already inside it."""
    try:
        lo, hi = rows.index(first), rows.index(total)
    except ValueError:
        return []
    if hi <= lo:
        return []
    between = rows[lo + 1 : hi]
    out: list[Row] = []
    for pat in patterns_:
        row = _find(between, pat)
        if row is not None and row not in out:
            out.append(row)
    return out


def check_row_identities(table: Table) -> list[Result]:
    out: list[Result] = []
    for ident in _identities():
        if table.kind not in ident["kinds"]:
            continue
        rows = [r for r in table.rows if (r.side or "").startswith(ident["side"]) or (r.side is None and not table.two_sided)]
        if ident.get("unique") and any(_count(rows, pat) > 1 for pat in [ident["total"], *ident["parts"]]):
            continue  # blocks per unit (a 货物 row under each): which rows make up which total is not read
        total = _find(rows, ident["total"])
        if total is None:
            continue
        parts = [p for p in (_find(rows, pat) for pat in ident["parts"]) if p is not None and p is not total]
        if ident.get("any_part"):
            if len(parts) < 2:
                continue  # one category beside the total: the others may be named so we miss them
        elif not parts or not any(p.name for p in parts[:1]) or _find(rows, ident["parts"][0]) is None:
            continue  # without this year's row the identity cannot be read
        parts += [p for p in _later_parts(rows, parts[0], total, ident.get("later_parts", [])) if p not in parts]
        for col in table.value_columns(total.side):
            cell = total.cells.get(col.key)
            if cell is None or cell.amount is None:
                continue
            res = _relation(
                rule="T105",
                table=table,
                total_row=total,
                total_col=col,
                parts=[(p, col) for p in parts],
                what="、".join(f"「{p.name}」" for p in parts),
                anchor=f"{table.kind}/{table.title}/{ident['id']}/{col.key}",
            )
            if res:
                out.append(res)
    return out


def check_document_identities(doc: Document) -> list[Result]:
    return [r for t in doc.tables for r in check_row_identities(t)]
