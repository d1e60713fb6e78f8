"""Table arithmetic: parent rows are the sums of their children, total rows and total columns add up.

Each relation is checked as an interval comparison: a sum of n printed figures may drift from its
printed total by (n+1) half-units of the last printed digit. A difference inside that bound is
rounding (warn, info), never a fail.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..model import UNCOMPUTED, Cell, Column, Row, Table
from ..numbers import UNIT_SCALE, fmt
from ..results import Evidence, Figure, Result, dec
from ..verdicts.basis import Comparison, Source

# The row that must equal the sum of its table's 类 rows on its side (收入合计/支出合计 close the
# sides of a two-sided table). Deliberately not the vocabulary of checks/printings.TOTAL or
# claims/facts._TOTAL_NAMES: those find the row that prints a measure's or a narrative's total,
# where "本年支出合计" of a 收支总表 is wanted; here only a row that sums coded 类 rows is meant,
# matched on its raw name (no numbering removed), and a name outside this list leaves the check unrun.
_TOTAL_ROW = ("合计", "总计", "收入合计", "支出合计")
_TOTAL_COL = ("合计", "小计", "总计")
_WORDY = re.compile(r"[\u4e00-\u9fff≥≤＝=<>%％]")


def tolerance(cells: Iterable[Cell]) -> Decimal:
    """Each printed figure stands for ± half a unit of its own last digit; the relation may drift by
    their sum: (n+1) half-units when all are printed alike. In a table that prints some cells in whole
    元 and others to the fen, a whole-元 cell brings its ±0.5元 (a printed zero is exact)."""
    cells = [c for c in cells if c.amount is not None]
    if not cells:
        return Decimal(0)
    finest = Decimal(5).scaleb(-(max(c.amount.decimals for c in cells) + 1))
    return sum((c.amount.half_unit if c.amount.value else finest for c in cells), Decimal(0))


def _ev(table: Table, row: Row, col: Column) -> Evidence:
    cell = row.cells.get(col.key)
    return Evidence(
        table=table.title,
        table_id=table.id,
        row=row.label,
        column=col.key,
        value=cell.text if cell else "",
        unit=table.unit,
        page=row.page,
    )


def _verdict(total: Cell, parts: list[Cell]) -> tuple[str, str, Decimal, Decimal]:
    got = sum((c.value or Decimal(0) for c in parts), Decimal(0))
    want = total.value or Decimal(0)
    diff = want - got
    tol = tolerance([total, *parts])
    if diff == 0:
        return "pass", "info", got, tol
    if abs(diff) <= tol:
        return "warn", "info", got, tol
    return "fail", "error", got, tol


def _relation(
    *,
    rule: str,
    table: Table,
    total_row: Row,
    total_col: Column,
    parts: list[tuple[Row, Column]],
    what: str,
    anchor: str,
) -> Result | None:
    total = total_row.cells.get(total_col.key)
    cells = [r.cells.get(c.key) for r, c in parts]
    cells = [c for c in cells if c is not None]
    if total is None:
        return None
    if total.amount is None and all(c.amount is None for c in cells):
        if not (total.uncomputed or any(c.uncomputed for c in cells)):
            return None  # nothing printed: nothing to check
    if any(_WORDY.search(c.text) for c in [total, *cells] if not c.uncomputed):
        return None  # words in a figure's place (a 绩效目标 form's indicators): not a row of figures
    verdict, severity, got, tol = _verdict(total, cells)
    if total.uncomputed or any(c.uncomputed for c in cells):
        verdict, severity = "unverified", "info"  # a formula with no saved value is no figure, and no zero
    unit = table.unit or ""
    unknown = "" if table.unit else "（本表未标明单位）"  # every figure read with its unit, or said to lack one
    want = total.value or Decimal(0)
    shown = total.text or "空白"
    printed = f"{shown}{unit}" if total.text else shown  # "空白", never "空白万元"
    if verdict == "unverified":
        msg = f"{total_row.label}「{total_col.key}」：{UNCOMPUTED}。"
    elif verdict == "pass":
        msg = f"{total_row.label}「{total_col.key}」{printed}，等于{what}之和。"
    elif verdict == "warn":
        msg = (
            f"{total_row.label}「{total_col.key}」{printed}，{what}之和为{fmt(got)}{unit}，"
            f"相差{fmt(abs(want - got))}{unit}，在四舍五入允许范围（±{dec(tol)}{unit}）内。"
        )
    else:
        msg = (
            f"{total_row.label}「{total_col.key}」为{printed}，但{what}之和为{fmt(got)}{unit}，"
            f"相差{fmt(want - got)}{unit}。"
        )
    msg += unknown
    return Result(
        rule=rule,
        kind="table",
        verdict=verdict,
        severity=severity,
        message=msg,
        page=total_row.page,
        text=f"{table.title}：{total_row.label}",
        claimed=Figure(shown if total.amount else "0", table.unit),
        expected=Figure(dec(got), table.unit),
        tolerance=f"±{dec(tol)}{unit}",
        evidence=[_ev(table, total_row, total_col)] + [_ev(table, r, c) for r, c in parts],
        anchor=anchor,
        basis=_basis(table, total_row, total_col, parts, want, got, tol) if verdict == "fail" else None,
    )


def _basis(table: Table, total_row: Row, total_col: Column, parts: list[tuple[Row, Column]],
           want: Decimal, got: Decimal, tol: Decimal) -> Comparison:
    """The relation as the cross-examination (auditor/verdicts) reads it, in 元."""
    scale = UNIT_SCALE.get(table.unit or "元", Decimal(1))
    total = Source(table, total_row, total_col, role="total")
    cells = list(total_row.cells.values()) + [r.cells.get(c.key) for r, c in parts]
    named = next((r.name.strip() for r in [total_row] + [r for r, _ in parts] if _FIGURE_NAME.search(r.name or "")), None)
    labels = [total_row.name, total_col.key] + [x for r, c in parts for x in (r.name, c.key)]
    garbled = next((x.strip() for x in labels if _OVERPRINTED.search(x or "")), None)
    if named:
        total.how, total.why = "fallback", f"行名中读进了数字（{named}），行列可能错位"
    elif garbled:
        total.how, total.why = "fallback", f"行名或列名重叠读出（{garbled}），该表可能套印，行列可能错位"
    elif any(c is not None and len(_DECIMALS.findall(c.text)) > 1 for c in cells):
        total.how, total.why = "fallback", "所在行有单元格粘连了几个数字，行列可能错位"
    elif bad := next((c.text.strip() for c in cells if c is not None and _BAD_GROUPING.search(c.text or "")), None):
        total.how, total.why = "fallback", f"单元格“{bad}”的千分位不规则，数字可能读错"
    elif parts and want and all(_blank(r.cells.get(c.key)) for r, c in parts):
        total.how, total.why = "fallback", "各组成项一个数值也未读到，可能是数字读进了别的栏"
    return Comparison(
        family="T", relation="eq", claimed=want * scale, claimed_half=Decimal(0), expected=got * scale,
        expected_half=tol * scale,
        sources=[total] + [Source(table, r, c, role="part") for r, c in parts],
    )


_FIGURE_NAME = re.compile(r"^\s*-?[\d,]+(?:\.\d+)?\s*$|[\u4e00-\u9fff]\d[\d,]*\.\d{2}")
_DECIMALS = re.compile(r"\d\.\d")
_OVERPRINTED = re.compile(r"([\u4e00-\u9fff])\1\1")  # "序序序序号号号号": text drawn several times over itself
# a figure whose thousands separators are not every three digits ("121748,642"): a comma lost in
# printing or reading, so the figure (and the sums it is part of) may be read wrong
_BAD_GROUPING = re.compile(r"\d{4,},\d{3}(?!\d)|(?<![\d,])\d+,\d{1,2}(?![\d])(?!\.)|\d,\d{4,}")


def _blank(cell) -> bool:  # noqa: ANN001 - a model.Cell or None
    return cell is None or cell.amount is None or cell.amount.value == 0


def _children(rows: list[Row], parent: Row) -> list[Row]:
    code = parent.code or ""
    want = len(code) + 2
    return [r for r in rows if r.code and len(r.code) == want and r.code.startswith(code)]


def check_hierarchy(table: Table) -> list[Result]:
    """类 = Σ款, 款 = Σ项 (function codes); 301 = Σ301xx (economic codes)."""
    out: list[Result] = []
    for side in dict.fromkeys(r.side for r in table.rows):  # first-seen order: reports are reproducible
        rows = [r for r in table.rows if r.side == side and r.code]
        for parent in rows:
            if len(parent.code) >= 7:
                continue
            kids = _children(rows, parent)
            if not kids:
                continue
            for col in table.value_columns(side):
                res = _relation(
                    rule="T101",
                    table=table,
                    total_row=parent,
                    total_col=col,
                    parts=[(k, col) for k in kids],
                    what="下级科目（" + "、".join(k.code for k in kids) + "）",
                    anchor=f"{table.kind}/{table.title}/{parent.code}/{col.key}",
                )
                if res:
                    if res.basis is not None and _uncoded_in_block(table, parent):
                        res.basis.sources[0].how = "fallback"
                        res.basis.sources[0].why = "下级科目中有行未读到编码（编码与名称可能分行印出）"
                    out.append(res)
    return out


def _uncoded_in_block(table: Table, parent: Row) -> bool:
    """Rows with a name but no code inside a parent's block (up to the next row of its level or
    above): a code printed on a line apart from its name leaves the row uncoded, and its figure
    missing from the parent's sum."""
    rows = [r for r in table.rows if r.side == parent.side]
    at = next((i for i, r in enumerate(rows) if r is parent), None)
    if at is None:
        return False
    for r in rows[at + 1:]:
        if r.code and len(r.code) <= len(parent.code or ""):
            break
        if not r.code and r.name.strip() and not _is_total_row(r) and any(c.amount for c in r.cells.values()):
            return True
    return False


def _is_total_row(row: Row) -> bool:
    return not row.code and row.name.replace(" ", "") in _TOTAL_ROW


def check_total_rows(table: Table) -> list[Result]:
    """The 合计 row equals the sum of the top-level (类) rows."""
    out: list[Result] = []
    for side in dict.fromkeys(r.side for r in table.rows):  # first-seen order: reports are reproducible
        rows = [r for r in table.rows if r.side == side]
        totals = [r for r in rows if _is_total_row(r)]
        tops = [r for r in rows if r.code and len(r.code) == 3]
        if not totals or not tops:
            continue
        total = totals[0]
        for col in table.value_columns(side):
            res = _relation(
                rule="T102",
                table=table,
                total_row=total,
                total_col=col,
                parts=[(r, col) for r in tops],
                what="各类级科目",
                anchor=f"{table.kind}/{table.title}/{total.name}/{col.key}",
            )
            if res:
                if res.basis is not None and any(not r.code and r.name.strip() and not _is_total_row(r)
                                                 and any(c.amount for c in r.cells.values()) for r in rows):
                    res.basis.sources[0].how = "fallback"
                    res.basis.sources[0].why = "表中有行未读到编码（编码与名称可能分行印出），类级科目可能不全"
                out.append(res)
    return out


def _sibling_parts(cols: list[Column], total: Column) -> list[Column]:
    """The columns a 合计/小计 column adds up: its siblings under the same parent heading.

    A sibling that is itself a group contributes its own 小计 column if it has one, else its leaves.
    """
    parent = total.path[:-1]
    depth = len(parent)
    groups: dict[str, list[Column]] = {}
    order: list[str] = []
    for c in cols:
        if c is total or len(c.path) <= depth or c.path[:depth] != parent:
            continue
        head = c.path[depth]
        if head.startswith("其中"):
            continue
        if head not in groups:
            groups[head] = []
            order.append(head)
        groups[head].append(c)
    parts: list[Column] = []
    for head in order:
        members = groups[head]
        if len(members) == 1:
            parts.append(members[0])
            continue
        # the group's own total: its 小计/合计 column, or a "…总数" column beside a "其中"-like part
        sub = [m for m in members if len(m.path) == depth + 2 and (m.path[-1] in _TOTAL_COL or m.path[-1].endswith("总数"))]
        parts.extend(sub[:1] if sub else [m for m in members if not m.path[-1].startswith("其中")])
    return parts


def check_total_columns(table: Table) -> list[Result]:
    """A 合计/小计 column equals the sum of the columns beside it under the same heading."""
    out: list[Result] = []
    for side in dict.fromkeys(c.side for c in table.columns):  # first-seen order: reports are reproducible
        cols = table.value_columns(side)
        for total in cols:
            if not total.path or total.path[-1] not in _TOTAL_COL:
                continue
            parts = _sibling_parts(cols, total)
            if len(parts) < 2:
                continue
            names = "、".join(p.key for p in parts)
            copies = _copies_of_total(table, side, cols)
            kept: dict[int, Result] = {}  # the total row's result for this column, by id(row)
            for row in table.rows:
                if row.side != side:
                    continue
                res = _relation(
                    rule="T103",
                    table=table,
                    total_row=row,
                    total_col=total,
                    parts=[(row, p) for p in parts],
                    what=f"各列（{names}）",
                    anchor=f"{table.kind}/{table.title}/{row.code or row.name}/{total.key}",
                )
                if not res:
                    continue
                kept[id(row)] = res
                same = kept.get(id(copies[id(row)])) if id(row) in copies else None
                if same is not None and res.verdict in ("fail", "warn") and same.verdict == res.verdict:
                    # a one-unit department's 部门 row repeats the 合计 row figure for figure: one slip, once
                    same.evidence.append(_ev(table, row, total))
                    same.message += f"（「{row.label}」行与该行逐数相同，不重复列出）"
                    continue
                out.append(res)
    return out


def _copies_of_total(table: Table, side: str | None, cols: list[Column]) -> dict[int, Row]:
    """Rows (by id) that print exactly what a total row above them prints, in every value column of the
    side, with some figure in it: the 部门 row of a department with one unit, under 合计."""
    def sig(row: Row) -> tuple[str, ...]:
        return tuple("".join((row.cells[c.key].text if c.key in row.cells else "").split()) for c in cols)

    out: dict[int, Row] = {}
    totals: dict[tuple[str, ...], Row] = {}
    for row in table.rows:
        if row.side != side:
            continue
        key = sig(row)
        if _is_total_row(row):
            totals.setdefault(key, row)
        elif key in totals and any(c.value for c in row.cells.values() if c.amount is not None):
            out[id(row)] = totals[key]
    return out


def check_two_sided_totals(table: Table) -> list[Result]:
    """收入总计 = 支出总计 in a two-sided summary table."""
    if not table.two_sided:
        return []
    sides = sorted({r.side for r in table.rows if r.side})
    if len(sides) < 2:
        return []
    found: dict[str, tuple[Row, Column]] = {}
    for side in sides:
        rows = [r for r in table.rows if r.side == side]
        for r in reversed(rows):
            if r.name.endswith(("总计", "总数", "收入合计", "支出合计")):
                cols = [c for c in table.value_columns(side) if r.cells.get(c.key) and r.cells[c.key].amount]
                if cols:
                    found[side] = (r, cols[0])
                break
    income = [s for s in found if s.startswith("收入")]
    if not income:
        return []
    ra, ca = found[income[0]]
    out = []
    for side, (rb, cb) in found.items():
        if side.startswith("收入"):
            continue
        res = _relation(
            rule="T104",
            table=table,
            total_row=ra,
            total_col=ca,
            parts=[(rb, cb)],
            what=f"{side}方「{rb.name}」",
            anchor=f"{table.kind}/{table.title}/总计/{side}",
        )
        if res:
            out.append(res)
    return out


def check_table(table: Table) -> list[Result]:
    return (
        check_hierarchy(table)
        + check_total_rows(table)
        + check_total_columns(table)
        + check_two_sided_totals(table)
    )
