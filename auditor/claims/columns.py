"""Which column of a table a value is read from: this year's, by header meaning.

One vocabulary (patterns/tables.yaml `columns`) serves the narrative claims and the cross-table
checks, so that "the 科目's amount" means the same column everywhere. The hard case is a table whose
columns are 总计 | 基本支出·小计 | 基本支出·人员经费 | … | 项目支出: a 小计 under a part header is the
part's subtotal, and reading it as the row's total turns every right figure of the narrative into a
false 不通过.
"""

from __future__ import annotations

import re

import regex

from .. import patterns
from ..model import Column, Row, Table


@patterns.cached
def _words() -> dict[str, str]:
    return dict(patterns.load("tables").get("columns") or {})


def expand(pattern: str) -> str:
    """A column pattern with '@total' replaced by the shared vocabulary of total columns."""
    return pattern.replace("@total", f"(?:{_words()['total']})") if "@total" in pattern else pattern


def _year_of(key: str) -> int | None:
    m = re.search(r"(20\d\d)", key)
    return int(m.group(1)) if m else None


def current_columns(table: Table, year: int | None, side: str | None = None) -> list[Column]:
    cols = []
    for c in table.columns:
        if side is not None and not (c.side or "").startswith(side):
            continue
        y = _year_of(c.key)
        if "上年" in c.key or (y is not None and year is not None and y < year):
            continue
        if regex.search(_words().get("change", "(?!)"), c.key):
            continue  # the change from last year is no figure of this year
        cols.append(c)
    return cols


def prior_columns(table: Table, year: int | None) -> list[Column]:
    out = []
    for c in table.columns:
        y = _year_of(c.key)
        if "上年" in c.key or (y is not None and year is not None and y == year - 1):
            out.append(c)
    return out


def part_subtotal(col: Column, cols: list[Column], asked: regex.Pattern | None = None) -> bool:
    """A 小计/合计 under a part header ("基本支出·小计") while the table has columns outside that
    group: the part's subtotal, not the row's whole. Not so when the pattern asks for the part
    itself (a pattern "基本支出" that matches the header)."""
    words = _words()
    if len(col.path) < 2 or not regex.search(words["subtotal"], col.path[-1]):
        return False
    for depth, head in enumerate(col.path[:-1]):
        if not regex.search(words["parts"], head):
            continue
        if asked is not None and asked.search(head):
            return False
        group = col.path[: depth + 1]
        if any(c.path[: depth + 1] != group for c in cols if c.side == col.side):
            return True
    return False


def rank(hits: list[Column], cols: list[Column], asked: regex.Pattern | None = None) -> list[Column]:
    """Hits in order of preference: a part's subtotal after every whole (stable otherwise)."""
    return sorted(hits, key=lambda c: part_subtotal(c, cols, asked))


def pick_column(
    cols: list[Column], pattern: str | None, prefer: str | None = None, row: Row | None = None
) -> Column | None:
    """The column a fact is read from; in a 决算 the 决算数 column before the 预算数 beside it.

    Column keys are matched as read and with the "·" joins removed, because a header word broken
    over two lines ("公务用车运·行维护费") is still the same word. When a row is given, a column
    whose cell holds a figure is preferred over a blank one: a header split into two columns leaves
    a blank twin beside the real one, and a blank twin is no evidence of 0. A part's subtotal
    ("基本支出·小计") comes after the row's whole ("总计") unless the pattern names the part.
    """
    if pattern:
        rx = regex.compile(expand(pattern))
        hits = [c for c in cols if rx.search(c.key) or rx.search(c.key.replace("·", ""))]

        def blank(c: Column) -> bool:
            return row is not None and (row.cells.get(c.key) is None or row.cells[c.key].amount is None)

        hits.sort(key=lambda c: (bool(prefer) and prefer not in c.key, part_subtotal(c, cols, rx), blank(c)))
        return hits[0] if hits else None
    hint = rank([c for c in cols if regex.search(_words()["current"], c.key)], cols)
    return (hint or cols or [None])[0]
