"""How well a table was read: one Reading per table, computed once after assembly.

Published tables nearly always add up. When a table's own sums break in many places that no single
wrong figure explains, the reader has misread it (columns shifted, a column-number row taken for
data, a header not found), and a figure taken from it proves nothing either way. Such a table is
marked 读取存疑 with the reasons and the relations that broke; the rules then say 存疑, not 不通过
(auditor/checks/doubt.py). A table that reads right keeps its real errors: one wrong figure breaks
only the relations it sits in, and those stay 不通过. So does a total the document itself got wrong
in every row (a spreadsheet formula that left out a column): when each figure of a broken relation
is confirmed in its place by another relation that holds along the same line (another sum in the
row, or 增减 = 本年 − 上年 beside it), the figures were read right and the arithmetic is the
document's (see `confirmed_breaks`).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ..model import Cell, Column, Document, Reading, Row, Table
from ..numbers import parse_amount
from ..results import Result
from .header import is_column_number_row

# How many figures, each wrong on its own, may explain the relations that break before the
# reading itself is in question. Two independent errors in one table are rare, three are not
# an error any more but a misreading.
MAX_WRONG_CELLS = 2
# ...and with two, they must not break more than this share of the table's relations.
MAX_BROKEN_SHARE_FOR_TWO = 0.2
# Broken relations whose figures are all confirmed elsewhere are the document's own errors only
# while most of the table's relations hold: a header read wholly wrong breaks most of them.
MAX_BROKEN_SHARE_CONFIRMED = 0.5
# A column group holding the change between two others ("增减变化情况", "增减额", "比上年增减").
_CHANGE_HEAD = re.compile(r"增减|变动|增加额|比上年|较上年")
_YEAR_HEAD = re.compile(r"年|上年|本年|预算数|决算数|执行数")

CellKey = tuple[str, str]  # (row label, column key), as a relation's evidence names a cell


def _relations(table: Table) -> list[Result]:
    from ..checks.arithmetic import check_table
    from ..checks.identities import check_row_identities

    return check_table(table) + check_row_identities(table)


def wrong_cells_needed(broken: list[Result]) -> int:
    """The fewest figures that, each being wrong, would break every relation in `broken`.

    Greedy cover over the cells each relation compares (its evidence): exact enough here, where
    the answer that matters is 1, 2 or "many".
    """
    left = [{(e.row, e.column) for e in r.evidence} for r in broken]
    picks = 0
    while left:
        counts = Counter(c for cells in left for c in cells)
        if not counts:
            break
        best = counts.most_common(1)[0][0]
        left = [cells for cells in left if best not in cells]
        picks += 1
    return picks


def _line(cells: list[CellKey]) -> tuple[str, str] | None:
    """("row", label) when every cell lies in one row, ("col", key) when in one column, else None."""
    rows = {r for r, _ in cells}
    cols = {c for _, c in cells}
    if len(rows) == 1:
        return ("row", next(iter(rows)))
    if len(cols) == 1:
        return ("col", next(iter(cols)))
    return None


def _change_groups(table: Table) -> list[tuple[list[Column], list[Column], list[Column]]]:
    """(earlier, later, change) column groups of a header like 2018年 | 2019年 | 增减变化情况, each
    with the same sub-headings in the same order. Groups are the first heading level; with one
    column each (上年预算数 | 本年预算数 | 增减额) the two others must name a year or a 数."""
    groups: dict[str, list[Column]] = {}
    for c in table.value_columns():
        if c.path:
            groups.setdefault(c.path[0], []).append(c)
    out = []
    for head, cols in groups.items():
        if not _CHANGE_HEAD.search(head):
            continue
        peers = [g for h, g in groups.items() if h != head and not _CHANGE_HEAD.search(h) and len(g) == len(cols)
                 and (len(cols) > 1 or _YEAR_HEAD.search(h))]
        if len(peers) != 2:
            continue
        if len(cols) > 1:  # the sub-headings must mostly agree (a heading may be cut short in one group)
            same = sum(a.path[1:] == b.path[1:] == c.path[1:] for a, b, c in zip(peers[0], peers[1], cols))
            if 2 * same < len(cols):
                continue
        out.append((peers[0], peers[1], cols))
    return out


def _value(cell: Cell | None) -> Decimal:
    return cell.value if cell is not None and cell.value is not None else Decimal(0)


def _held_differences(table: Table) -> list[list[CellKey]]:
    """The cells of each 增减 = 后 − 前 (either sign: a template may print 前 − 后) that holds within
    rounding and has at least two figures: a coincidence of blanks confirms nothing."""
    from ..checks.arithmetic import tolerance

    out = []
    for earlier, later, change in _change_groups(table):
        for row in table.rows:
            for a, b, d in zip(earlier, later, change):
                cells = [row.cells.get(k.key) for k in (a, b, d)]
                present = [c for c in cells if c is not None and c.amount is not None]
                if sum(1 for c in present if c.value) < 2:
                    continue
                va, vb, vd = (_value(c) for c in cells)
                tol = tolerance(present)
                if abs(vd - (vb - va)) <= tol or abs(vd - (va - vb)) <= tol:
                    out.append([(row.label, a.key), (row.label, b.key), (row.label, d.key)])
    return out


def confirmed_breaks(table: Table, results: list[Result]) -> list[Result]:
    """The broken relations whose every printed figure is confirmed in its place by a relation that
    holds along the same row (or column): another sum, or 增减 = 本年 − 上年.

    A misreading moves figures, and a moved figure breaks every relation along its line; a figure
    that satisfies one of them was read where it is printed. When all the figures of a broken sum
    are so confirmed, the sum is wrong in the document, not in the reading.
    """
    def nonzero(r: Result) -> list[CellKey]:
        return [(e.row, e.column) for e in r.evidence if (a := parse_amount(e.value)) is not None and a.value]

    confirmed: dict[tuple[str, str], set[CellKey]] = {}
    anywhere: set[CellKey] = set()
    held = [[(e.row, e.column) for e in r.evidence] for r in results if r.verdict in ("pass", "warn")
            and len(nonzero(r)) >= 2]
    for cells in held + _held_differences(table):
        line = _line(cells)
        if line is not None:
            confirmed.setdefault(line, set()).update(cells)
        anywhere.update(cells)
    out = []
    for r in results:
        if r.verdict != "fail":
            continue
        cells = nonzero(r)
        line = _line([(e.row, e.column) for e in r.evidence])
        if not cells:
            continue
        # along its own line (another sum in the row), or across it: a 合计 column that left out 项目支出
        # in every row breaks each row's sum, while every column's own sums hold, each figure in place
        if (line is not None and set(cells) <= confirmed.get(line, set())) or set(cells) <= anywhere:
            out.append(r)
    return out


def _column_number_rows(table: Table) -> list[Row]:
    """Rows whose figures are the column numbers 1, 2, 3 … (a reader that did not drop them)."""
    out = []
    for r in table.rows:
        if r.code:
            continue
        texts = [r.name] + [c.text for c in r.cells.values()]
        if is_column_number_row(texts):
            out.append(r)
    return out


def _merged_figures(table: Table) -> tuple[Row, str] | None:
    """A value cell holding two figures ("579.89 12,418.84"): two columns were read as one, and the
    figures beside it are in the wrong columns."""
    for r in table.rows:
        for key, c in r.cells.items():
            parts = c.text.split()
            if len(parts) >= 2 and all(parse_amount(p) is not None and ("." in p or "," in p) for p in parts):
                return r, key
    return None


# Rows with figures but neither name nor code: this many, and this share of the rows with figures,
# say a list's name column was not found (its names read as something else, the figures kept).
MIN_NAMELESS_ROWS = 3
MAX_NAMELESS_SHARE = 0.2
# the tables whose every row with figures is a named (or coded) budget line
_LISTED_KINDS = {"summary", "fiscal_summary", "income", "expenditure", "gpb_basic", "gpb_expenditure",
                 "gov_fund", "state_capital"}


def _nameless_rows(table: Table) -> list[Row]:
    """Rows carrying figures with no name and no code. A table read so has lost what each figure is
    (Xi'an's four-list 收支总表 read as one list: 29 expenditure figures beside the income names); its
    sums may still hold, so only this says the reading is wrong."""
    if table.kind not in _LISTED_KINDS:
        return []  # forms (采购, 绩效, 三公) group rows under text columns of their own
    valued = [r for r in table.rows if any(c.value for c in r.cells.values())]
    nameless = [r for r in valued if not r.name.strip() and not r.code]
    if len(nameless) >= MIN_NAMELESS_ROWS and len(nameless) > MAX_NAMELESS_SHARE * len(valued):
        return nameless
    return []


def _header_missing(table: Table) -> bool:
    """Value columns of a classification table (coded rows or a 合计 row) without any heading:
    nothing says which figure is which. Form-like tables (绩效目标表) have no column header to find."""
    if not table.columns or table.empty or any(c.path for c in table.columns):
        return False
    return any(r.code or r.name.startswith(("合计", "总计")) for r in table.rows)


_GLUED = re.compile(r"^\d{3,}")
_TWO_NUMBERS = re.compile(r"\d\s+[-\d]")
_TOTAL_NAME = re.compile(r"合\s*计|总\s*计|小\s*计|^\s*$")


def _row_doubt(table: Table) -> list[str]:
    """Signs that rows were misread though the sums may hold: a code glued to its name, two figures in
    one cell, or a row with figures and neither code nor total name in a coded table. A requirement
    about what a table shows (its depth, its codes' names) would report such a reader's error as the
    document's."""
    coded = any(r.code for r in table.rows)
    for r in table.rows:
        if _GLUED.match(r.name.strip()):
            return [f"编码与名称连在一起（{r.name[:20]}）"]
        if any(_TWO_NUMBERS.search(c.text.strip()) for c in r.cells.values()):
            return [f"一个单元格里有两个数字（{r.label[:20]}）"]
        if coded and not r.code and any(c.value for c in r.cells.values()) and not _TOTAL_NAME.search(r.name):
            return [f"有编码的表中一行没有编码（{r.label[:20]}）"]
    return []


def rows_readable(table: Table) -> bool:
    """For the requirement checks: the table's rows can be judged for what they show."""
    return reading_of(table).rows_readable


def assess(table: Table) -> Reading:
    results = _relations(table)
    checked = [r for r in results if r.verdict in ("pass", "warn", "fail")]
    broken = [r for r in checked if r.verdict == "fail"]
    reading = Reading(checked=len(checked), held=len(checked) - len(broken))
    reading.broken = [
        {
            "rule": r.rule,
            "row": r.evidence[0].row if r.evidence else "",
            "column": r.evidence[0].column if r.evidence else "",
            "page": r.page,
            "message": r.message,
        }
        for r in broken
    ]
    doubt: list[str] = []
    numbered = _column_number_rows(table)
    if numbered:
        doubt.append(f"栏次（列序号）行被读成了数据（{numbered[0].label}）")
    merged = _merged_figures(table)
    if merged:
        doubt.append(f"一个单元格里读到两个数字，列未分开（{merged[0].label}「{merged[1]}」）")
    nameless = _nameless_rows(table)
    if nameless:
        doubt.append(f"{len(nameless)} 行有数字而无名称或编码，名称列未读出")
    if _header_missing(table):
        doubt.append("未识别表头，各列含义不明")
    if broken and len(broken) <= MAX_BROKEN_SHARE_CONFIRMED * len(checked):
        confirmed = confirmed_breaks(table, results)
        mine = {id(r) for r in confirmed}
        unexplained = [r for r in broken if id(r) not in mine]
        reading.confirmed = [r.anchor for r in confirmed if r.anchor]
    else:
        unexplained = broken
    if unexplained:
        need = wrong_cells_needed(unexplained)
        share = len(unexplained) / len(checked)
        if need > MAX_WRONG_CELLS or (need == MAX_WRONG_CELLS and share > MAX_BROKEN_SHARE_FOR_TWO):
            doubt.append(f"本表 {len(checked)} 项勾稽关系中 {len(broken)} 项不成立，不是个别数字之误")
    reading.row_reasons = _row_doubt(table)
    if table.unit is None and not table.empty:
        reading.unit_found = False
        reading.reasons.append("单位未标明")
    if doubt:
        reading.status = "doubtful"
        reading.reasons[:0] = doubt
    return reading


def reading_of(table: Table) -> Reading:
    """The table's Reading, assessed on first use for a table built outside the readers (tests)."""
    if table.reading is None:
        table.reading = assess(table)
    return table.reading


def printed_table(table: Table) -> str:
    """The printed table a table comes from: a 汇总 table split per 预算单位 (tables/units.py) gives
    "t22", "t22.1", "t22.2" …, pieces that share one header and so one way of being read."""
    return table.id.split(".")[0]


def assess_document(doc: Document) -> None:
    """Called once when a Document is assembled (and again for last year's, when given).

    A piece of a split table whose own few relations happen to hold (or break only once) is read
    with the same header as its doubtful siblings: it is doubtful too when most of them are.
    """
    for t in doc.tables:
        t.reading = assess(t)
    groups: dict[str, list[Table]] = {}
    for t in doc.tables:
        groups.setdefault(printed_table(t), []).append(t)
    for pieces in groups.values():
        doubtful = [t for t in pieces if t.reading.doubtful]
        if len(pieces) < 2 or 2 * len(doubtful) < len(pieces):
            continue
        for t in pieces:
            if not t.reading.doubtful:
                t.reading.status = "doubtful"
                t.reading.reasons.insert(0, f"与同一张表的其他部分（{doubtful[0].id}）表头相同，"
                                            f"那些部分读取存疑：{doubtful[0].reading.reasons[0]}")


def doubtful_tables(doc: Document) -> list[Table]:
    return [t for t in doc.tables if reading_of(t).doubtful]


def reading_summary(doc: Document) -> dict[str, int]:
    """For the document summary: how many tables were doubtful, how many had no unit."""
    readings = [reading_of(t) for t in doc.tables]
    return {
        "tables": len(readings),
        "doubtful": sum(r.doubtful for r in readings),
        "unit_missing": sum(not r.unit_found for r in readings),
    }
