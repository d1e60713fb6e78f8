"""Alternative readings of a table's own sums (T) and of two tables' totals (X): sub-columns under a
parent header, a blank heading row's sub-rows, a figure glued into a text cell, one line printed at two
levels, a total over fewer columns, carry-over counted in or out of one of two totals."""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Document, Row, Table
from .basis import Comparison
from .cells import TOTAL_LEAF, Alternative, cell, cells_sum, ev, leaves_under, segments

def sub_columns(doc: Document, comp: Comparison) -> Alternative | None:
    """A parent header over sub-columns with no 小计 means the sum of those sub-columns, never one of
    them ("基本支出" over 人员支出 | 公用经费); and a blank 小计 beside filled sub-columns is their sum."""
    for s in comp.sources:
        path = segments(s.column)
        if s.role not in ("expected", "claimed") or len(path) < 2:
            continue
        group = leaves_under(s.table, s.column)
        parts = [c for c in group if not TOTAL_LEAF.match(segments(c)[-1])]
        if len(parts) < 2:
            continue
        if TOTAL_LEAF.match(path[-1]):
            if cell(s.table, s.row, s.column) is not None:
                continue  # a printed subtotal is its own reading; T103 checks it against its parts
        elif len(parts) != len(group):
            continue  # the group prints its own 小计: one sub-column is what it says
        got = cells_sum(s.table, s.row, parts)
        if got is None:
            continue
        head = path[-2]
        return Alternative(s.role, got[0], got[1], f"「{head}」下各分列（{'、'.join(segments(c)[-1] for c in parts)}）之和",
                           [ev(s.table, s.row, c) for c in parts])
    return None


def _children(table: Table, row: Row) -> list[Row]:
    """Rows printed under row: by code (the next level of its code), else by numbering, the rows
    after it up to the next row of its own numbering level ("一、本年收入" … "二、上年结转")."""
    rows = [r for r in table.rows if r.side == row.side]
    if row.code:
        return [r for r in rows if r.code and r.code.startswith(row.code) and len(r.code) == len(row.code) + 2]
    m = re.match(r"^\s*([一二三四五六七八九十]+)、", row.name)
    if not m:
        return []
    at = next((i for i, r in enumerate(rows) if r is row), None)
    if at is None:
        return []
    out = []
    for r in rows[at + 1:]:
        if re.match(r"^\s*[一二三四五六七八九十]+、", r.name) or re.search(r"(合计|总计)\s*$", r.name):
            break
        out.append(r)  # numbered "（一）…", "1." or, in a summary table, the plain rows up to the next heading
    # only the first level under the heading: "（一）" rows if there are any, else "1." rows
    top = [r for r in out if re.match(r"^\s*(其中\s*[:：]?\s*)?[（(][一二三四五六七八九十]+[）)]", r.name)]
    return top or out


def child_rows(doc: Document, comp: Comparison) -> Alternative | None:
    """A blank parent row whose sub-rows hold the figures ("一、本年收入" printed empty above
    "（一）一般公共预算拨款收入 …"): the parent is the sum of its sub-rows."""
    if comp.family != "T":
        return None
    parts = [s for s in comp.sources if s.role == "part"]
    total = comp.source("total")
    if total is None or not parts:
        return None
    changed = False
    value, half = Decimal(0), Decimal(0)
    evidence = []
    for s in parts:
        got = s.value()
        if got is None:
            kids = _children(s.table, s.row)
            summed = [v for v in (cell(s.table, k, s.column) for k in kids) if v is not None]
            if summed:
                got = (sum((v for v, _ in summed), Decimal(0)), sum((h for _, h in summed), Decimal(0)))
                changed = True
                evidence += [ev(s.table, k, s.column) for k in kids]
        if got is not None:
            value += got[0]
            half += got[1]
    if not changed:
        return None
    return Alternative("expected", value, half, f"空白的「{'、'.join(s.row.name for s in parts if s.value() is None)}」取其下各行之和",
                       evidence)


CARRY = re.compile(r"(上年|年初)结转|结转结余|上年结余")


_CARRY_OUT = re.compile(r"(年终|年末)结转|结转下年|结转结余")


def carry_between_tables(comp: Comparison) -> Alternative | None:
    """Two tables' totals of one measure (X101): one may count the carry-over (上年结转 on the income
    side, 年终结转 on the spending side) that the other leaves out; "本年支出合计 + 年终结转结余" is a
    reading of the 支出总表's 合计 as much as 本年支出合计 alone."""
    for s in comp.sources:
        if s.role not in ("expected", "claimed") or s.value() is None:
            continue
        base = s.value()
        for r in s.table.rows:
            if r is s.row or r.side != s.row.side or not (CARRY.search(r.name) or _CARRY_OUT.search(r.name)):
                continue
            got = cell(s.table, r, s.column)
            if not got:
                continue
            for sign, how in ((1, "计入"), (-1, "扣除")):
                v = base[0] + sign * got[0]
                holds = (comp.holds(comp.claimed, v, base[1] + got[1]) if s.role == "expected"
                         else comp.holds(v, comp.expected, comp.expected_half + got[1]))
                if holds:
                    return Alternative(s.role, v, base[1] + got[1],
                                       f"{how}「{r.name.strip()}」（{got[0] / s.scale}）的口径", [ev(s.table, r, s.column)])
    return None


_LEADING = re.compile(r"^\s*(-?\d{1,3}(?:,\d{3})*(?:\.\d+)|-?\d+\.\d+)(?=\D|$)")


def glued_figure(doc: Document, comp: Comparison) -> Alternative | None:
    """A figure read into the text of a neighbouring cell ("1.78签发及管理工作…" where 其他资金 is
    blank): with it counted among the parts, the row adds up."""
    total = comp.source("total")
    if comp.family != "T" or total is None or total.row is not next((p.row for p in comp.sources if p.role == "part"), None):
        return None
    used = {p.column.key for p in comp.sources}
    for key, cell in total.row.cells.items():
        if key in used or cell.amount is not None:
            continue
        m = _LEADING.match(cell.text or "")
        if not m:
            continue
        v = Decimal(m.group(1).replace(",", "")) * total.scale
        if comp.holds(comp.claimed, comp.expected + v, comp.expected_half):
            return Alternative("expected", comp.expected + v, comp.expected_half,
                               f"「{key}」列文字开头的 {m.group(1)} 为漏读的金额", [])
    return None


def repeated_rows(doc: Document, comp: Comparison) -> Alternative | None:
    """Two sub-rows printing the same code, name and figure ("21999 其他支出" as the 款 and again as
    its 项): one line at two levels, counted once."""
    if comp.family != "T":
        return None
    parts = [s for s in comp.sources if s.role == "part"]
    seen: set[tuple] = set()
    value, half, dup = Decimal(0), Decimal(0), None
    for s in parts:
        cell = s.row.cells.get(s.column.key)
        key = (s.row.code, s.row.name.strip(), s.column.key, cell.text if cell else "")
        if key in seen:
            dup = s
            continue
        seen.add(key)
        got = s.value()
        if got is not None:
            value += got[0]
            half += got[1]
    if dup is None:
        return None
    return Alternative("expected", value, half, f"重复印出的「{dup.row.label}」只计一次", [])


def fewer_columns(doc: Document, comp: Comparison) -> Alternative | None:
    """A total column that sums only the first columns after it ("合计" over the 三公 columns, with
    会议费 and 培训费 printed beside it): a header read with the total over the wrong span. Two figures
    at least must make up the total: one figure equal to it proves nothing (a total left short).""" 
    total = comp.source("total")
    parts = [s for s in comp.sources if s.role == "part"]
    if comp.family != "T" or total is None or len(parts) < 3 or any(p.row is not total.row for p in parts):
        return None
    got = [p.value() for p in parts]
    for k in range(len(parts) - 1, 1, -1):
        value = sum((g[0] for g in got[:k] if g), Decimal(0))
        half = sum((g[1] for g in got[:k] if g), Decimal(0))
        if sum(1 for g in got[:k] if g and g[0]) >= 2 and comp.holds(comp.claimed, value, half):
            return Alternative("expected", value, half,
                               f"「{total.column.key}」只合计其后的{k}列（至「{parts[k - 1].column.key}」）", [])
    return None
