"""Rows a narrative names by their classification code ("行政事业单位养老支出（20805）705.90 万元"), and
the columns of such a row an item's paragraph speaks of ("具体为：人员经费 675.90 万元")."""

from __future__ import annotations

from ..model import Document
from .facts import _CLASS_TABLES, _FUND_TABLES, Fact, current_columns, doc_unit, pick_column

_CODED_TABLES = _CLASS_TABLES + _FUND_TABLES + ("gpb_basic",)


def code_facts(doc: Document, code: str, column: str | None = None) -> list[Fact]:
    """The rows a narrative names by code ("行政事业单位养老支出（20805）705.90 万元"), one fact per
    table that prints the code; with column, that column of the row ("人员经费": the item's part
    in a basic-expenditure table printed by function)."""
    out: list[Fact] = []
    year = doc.meta.year
    for kind in _CODED_TABLES:
        for table in doc.tables_of(kind):
            for row in table.rows:
                if row.code != code:
                    continue
                cols = current_columns(table, year, row.side)
                col = pick_column(cols, column, None, row) if column else pick_column(cols, None)
                cell = row.cells.get(col.key) if col is not None else None
                if cell is not None and cell.amount is not None:
                    out.append(Fact(table=table, row=row, column=col, amount=cell.amount, doc_unit=doc_unit(doc)))
                break
    return out


def has_code(doc: Document, code: str) -> bool:
    return any(r.code == code for kind in _CODED_TABLES for t in doc.tables_of(kind) for r in t.rows)
