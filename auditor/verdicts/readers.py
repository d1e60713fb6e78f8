"""Alternative readers: other ways a reviewer would read the same printed figures.

Each is a pure function (document, comparison) -> Alternative or None. An Alternative is a value
for one side of the comparison under another reading; the policy (policy.py) asks whether the
relation holds with it. None of them touches the narrative's words: they re-read tables only.

The readers of a table's own sums and of two tables' totals are in table_readers.py; those of a
narrative figure against the tables are here, with READERS, the order the policy asks them in.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from ..model import Document, Row, Table
from .basis import Comparison, Source
from .cells import PARTS, TOTAL_LEAF, Alternative, cell, ev, leaves_under
from .table_readers import (  # noqa: F401 - the policy and the tests take every reader from here
    CARRY,
    carry_between_tables,
    child_rows,
    fewer_columns,
    glued_figure,
    repeated_rows,
    sub_columns,
)


def other_unit(doc: Document, comp: Comparison) -> Alternative | None:
    """元 read as 万元 or the reverse: the expected value ×10000 or ÷10000 equals the claimed one.
    Only for a claimed figure precise enough to tell (a "0万元" matches any small number)."""
    if comp.percent or comp.relation != "eq" or not comp.claimed or abs(comp.claimed) < 100 * comp.claimed_half:
        return None
    for factor, name in ((Decimal(10000), "万元"), (Decimal(1) / Decimal(10000), "元")):
        v, h = comp.expected * factor, comp.expected_half * factor
        if comp.expected and abs(comp.claimed - v) <= comp.claimed_half + h:
            return Alternative("expected", v, h, f"表格数值以{name}计", [])
    return None


def carry_over(doc: Document, comp: Comparison) -> Alternative | None:
    """上年结转 counted in or out: the narrative's 财政拨款收入 may include the carry-over that the
    table prints on its own row (or leave out what the table's total includes)."""
    if comp.family == "X":
        return carry_between_tables(comp)
    s = comp.source("expected")
    if comp.family != "N" or s is None or comp.percent:
        return None
    base = s.value() or (Decimal(0), Decimal(0))
    for r in s.table.rows:
        if r is s.row or r.side != s.row.side or not CARRY.search(r.name):
            continue
        got = cell(s.table, r, s.column)
        if got is None:
            continue
        for sign, how in ((1, "计入"), (-1, "扣除")):
            v = base[0] + sign * got[0]
            if comp.holds(comp.claimed, v, base[1] + got[1]):
                return Alternative("expected", v, base[1] + got[1], f"{how}「{r.name.strip()}」（{got[0] / s.scale}）的口径",
                                   [ev(s.table, r, s.column)])
    return None


def same_row(doc: Document, comp: Comparison) -> Alternative | None:
    """The figure printed in another column of the same row: the column we took may not be the one
    the figure speaks of (a header misread, a column shifted, a part printed beside the whole)."""
    s = comp.source("expected")
    if comp.family != "N" or s is None or comp.percent:
        return None
    from ..claims.columns import current_columns

    for c in current_columns(s.table, doc.meta.year, s.row.side):
        if c is s.column:
            continue
        got = cell(s.table, s.row, c)
        if got is not None and got[0] and abs(comp.claimed - got[0]) <= comp.claimed_half + got[1]:
            return Alternative("expected", got[0], got[1], f"同一行的「{c.key}」列", [ev(s.table, s.row, c)])
    return None


def _named_rows(doc: Document, name: str) -> Iterator[tuple[Table, Row]]:
    from ..claims.facts import row_key

    for t in doc.tables:
        for r in t.rows:
            if row_key(r.name) == name or row_key(re.sub(r"^\s*其中\s*[:：]?\s*", "", r.name)) == name:
                yield t, r


def named_row(doc: Document, comp: Comparison) -> Alternative | None:
    """The row whose name equals the narrative's subject, rather than the row we took for it (its
    parent, a row of related meaning): "一般公共预算收入" printed on its own row under 财政拨款收入."""
    from ..claims.columns import current_columns, pick_column

    s = comp.source("expected")
    if comp.family != "N" or not comp.subject or s is None:
        return None
    for t, r in _named_rows(doc, comp.subject):
        if r is s.row or (comp.scope_named and t is not s.table):
            continue  # a claim naming its scope is read in that scope's table only
        col = pick_column(current_columns(t, doc.meta.year, r.side), None, None, r)
        if col is None or (got := cell(t, r, col)) is None:
            continue
        if comp.holds(comp.claimed, got[0], got[1]):
            return Alternative("expected", got[0], got[1], f"《{t.title}》中名为「{r.name.strip()}」的行",
                               [ev(t, r, col)])
    return None


def part_columns(doc: Document, comp: Comparison) -> Alternative | None:
    """The same row in one of its part columns (基本支出, 项目支出, 人员经费, 公用经费): a figure the
    narrative gives within basic or project spending ("项目支出…其中教育支出…", "在职人员经费…、对个人
    和家庭的补助支出…") is that row's part, not its whole."""
    s = comp.source("expected")
    if comp.family != "N" or s is None or comp.percent:
        return None
    from ..claims.columns import current_columns

    for c in current_columns(s.table, doc.meta.year, s.row.side):
        if c is s.column or not any(p in seg for seg in c.path for p in PARTS):
            continue
        if TOTAL_LEAF.match(c.path[-1]) is None and len(leaves_under(s.table, c)) > 1 and not any(
                p in c.path[-1] for p in PARTS):
            continue  # a sub-column of a part (人员经费 under 基本支出) is tried only by its own name
        got = cell(s.table, s.row, c)
        if got is not None and comp.holds(comp.claimed, got[0], got[1]):
            return Alternative("expected", got[0], got[1], f"该行「{c.key}」列", [ev(s.table, s.row, c)])
    return None


def other_places(doc: Document, comp: Comparison) -> Alternative | None:
    """Another table printing the same subject in another scope (全部资金 / 财政拨款 / 一般公共预算),
    when the claim's own words do not name a scope: the 部门收支总表's figure for the 财政拨款 one."""
    if comp.family != "N" or comp.scope_named:
        return None
    for s in comp.sources:
        if s.role != "place":
            continue
        got = s.value()
        if got is None and comp.claimed == 0 and s.row.cells.get(s.column.key) is not None:
            got = (Decimal(0), Decimal(0))  # "工程 0 万元" against the scope's blank cell
        if got is None:
            continue
        reading = f"《{s.table.title}》「{s.row.label}」{s.column.key}的口径"
        if comp.holds(comp.claimed, got[0], got[1]):
            return Alternative("expected", got[0], got[1], reading, [ev(s.table, s.row, s.column)])
        if got[1] < comp.claimed_half and comp.holds(comp.claimed, got[0], got[1] + comp.claimed_half):
            # the table prints more decimals than the narrative (Beijing's 万元 to six places): a
            # figure cut or raised rather than rounded differs by less than one unit of its last place
            return Alternative("expected", got[0], got[1] + comp.claimed_half,
                               f"{reading}（表中位数更多，叙述末位的取舍不同）", [ev(s.table, s.row, s.column)])
    return None


_SIBLING_TOTAL = re.compile(r"(合计|总计|小计)\s*$|^\s*本年(收入|支出)\s*$")


def sibling_totals(doc: Document, comp: Comparison) -> Alternative | None:
    """Another total of the same side of the same table: "本部门预算支出" may be the 本年支出合计
    (without 结转下年 and money left unassigned) as much as the 支出总计 below it."""
    s = comp.source("expected")
    if comp.family != "N" or s is None or comp.percent or not _SIBLING_TOTAL.search(s.row.name):
        return None
    for r in s.table.rows:
        if r is s.row or r.side != s.row.side or not _SIBLING_TOTAL.search(r.name):
            continue
        got = cell(s.table, r, s.column)
        if got is not None and comp.holds(comp.claimed, got[0], got[1]):
            return Alternative("expected", got[0], got[1], f"同表「{r.name.strip()}」行的口径", [ev(s.table, r, s.column)])
    return None


def other_side(doc: Document, comp: Comparison) -> Alternative | None:
    """A two-sided table's row of the same name on the other side (收入 for 支出)."""
    s = comp.source("expected")
    if s is None or not s.table.two_sided or not s.row.side:
        return None
    from ..claims.facts import row_key

    for r in s.table.rows:
        if r.side == s.row.side or row_key(r.name) != row_key(s.row.name):
            continue
        for c in [c for c in s.table.columns if c.side in (None, r.side)]:
            got = cell(s.table, r, c)
            if got is not None and comp.holds(comp.claimed, got[0], got[1]):
                return Alternative("expected", got[0], got[1], f"另一侧（{r.side}）的「{r.name}」",
                                   [ev(s.table, r, c)])
    return None


def narrative_base(doc: Document, comp: Comparison) -> Alternative | None:
    """A rate computed from the narrative's own figures against another of the sentence's amounts as
    this year's figure: "收入344,447.70万元，其中：…其他收入3,444.00万元，较上年减少129,422.00万元，
    下降27.31%" is computed on the head figure, not the last item of the list."""
    if comp.change is None or not comp.bases:
        return None
    from ..numbers import percent_interval

    d, dh, sign = comp.change
    for text, c, ch in comp.bases:
        prior = c - sign * d
        if prior <= ch + dh:
            continue
        lo, hi = percent_interval(d, dh, prior, ch + dh)
        if comp.claimed + comp.claimed_half >= lo and comp.claimed - comp.claimed_half <= hi:
            return Alternative("expected", comp.claimed, Decimal(0), f"{text}为本年数计算", [])
    return None


Reader = Callable[[Document, Comparison], "Alternative | None"]
READERS: tuple[Reader, ...] = (sub_columns, child_rows, glued_figure, repeated_rows, fewer_columns, named_row, part_columns,
                               same_row, carry_over, sibling_totals, other_places, other_side, other_unit,
                               narrative_base)


_PART_WORDS = ("项目支出", "基本支出", "机关运行经费")


_EXPLAINS = re.compile(r"原因|主要是|由于|列支|用于")


def narrower_scope(doc: Document, comp: Comparison) -> str | None:
    """A figure the narrative gives inside a part of spending ("（五）项目支出…具体包括：2.退役安置
    170.68万元") compared with the row's whole: the sentence speaks of the row's 项目支出 only.
    Not a value but a reason the comparison does not read the figure's meaning: 存疑, never 不通过."""
    s = comp.source("expected")
    if comp.family != "N" or s is None or not comp.subject:
        return None
    if comp.claimed >= comp.expected:
        return _other_unit_scope(comp, s)  # a part never exceeds the whole: a larger figure is no narrower reading
    section, _, before = comp.context.partition("|")
    for word in _PART_WORDS:
        if word in comp.subject or any(word in seg for seg in s.column.path) or word in s.table.title:
            continue
        if word in section or word in before:
            return f"叙述在「{word}」下说到此项，所指可能只是其中属于{word}的部分，而比对的是该项的全部金额"
    if _EXPLAINS.search(before):
        return "这个数字在解释原因或列支去向，不一定是该科目的全部金额"
    if "本级" in before and "本级" not in s.table.title:
        return "叙述说的是本级的数，比对的表格是部门（含所属单位）的数"
    return None


def _other_unit_scope(comp: Comparison, s: Source) -> str | None:
    """A figure the narrative gives for the department's own office (本级) against a table of one
    source of funds (一般公共预算): the two differ in unit and in funds, so either may be larger."""
    section, _, before = comp.context.partition("|")
    if "本级" in (before + section) and "本级" not in s.table.title and s.table.kind in _FUND_SCOPED and not comp.scope_named:
        return (f"叙述说的是本级全部资金的数，比对的《{s.table.title}》只含一种资金来源、且含所属单位，"
                "两者口径不同")
    return None


_FUND_SCOPED = frozenset({"gpb_expenditure", "gpb_basic", "fiscal_summary", "gov_fund", "state_capital"})
