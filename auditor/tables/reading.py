"""How well a table was read: one Reading per table, computed once after assembly.

Published tables nearly always add up. When a table's own sums break in many places that no single
wrong figure explains, the reader has misread it (columns shifted, a column-number row taken for
data, a header not found), and a figure taken from it proves nothing either way. Such a table is
marked 读取存疑 with the reasons and the relations that broke; the rules then say 存疑, not 不通过
(auditor/checks/doubt.py). A table that reads right keeps its real errors: one wrong figure breaks
only the relations it sits in, and those stay 不通过.
"""

from __future__ import annotations

from collections import Counter

from ..model import Document, Reading, Row, Table
from ..numbers import parse_amount
from ..results import Result
from .header import is_column_number_row

# How many figures, each wrong on its own, may explain the relations that break before the
# reading itself is in question. Two independent errors in one table are rare, three are not
# an error any more but a misreading.
MAX_WRONG_CELLS = 2
# ...and with two, they must not break more than this share of the table's relations.
MAX_BROKEN_SHARE_FOR_TWO = 0.2


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


def _header_missing(table: Table) -> bool:
    """Value columns of a classification table (coded rows or a 合计 row) without any heading:
    nothing says which figure is which. Form-like tables (绩效目标表) have no column header to find."""
    if not table.columns or table.empty or any(c.path for c in table.columns):
        return False
    return any(r.code or r.name.startswith(("合计", "总计")) for r in table.rows)


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
    if _header_missing(table):
        doubt.append("未识别表头，各列含义不明")
    if broken:
        need = wrong_cells_needed(broken)
        share = len(broken) / len(checked)
        if need > MAX_WRONG_CELLS or (need == MAX_WRONG_CELLS and share > MAX_BROKEN_SHARE_FOR_TWO):
            doubt.append(f"本表 {len(checked)} 项勾稽关系中 {len(broken)} 项不成立，不是个别数字之误")
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


def assess_document(doc: Document) -> None:
    """Called once when a Document is assembled (and again for last year's, when given)."""
    for t in doc.tables:
        t.reading = assess(t)


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
