"""Template rules and misreads (issue 21 part 5, issue 23 item 2), each rebuilt small.

Each layout was met on documents outside our folders; every test fails when its reading rule is undone.
"""

from __future__ import annotations

from auditor.checks.arithmetic import check_table
from auditor.checks.identities import check_row_identities
from auditor.ingest.assemble import assemble
from auditor.ingest.items import GridItem, LineItem


def _line(text: str, page: int = 1, top: float = 50, size: float = 12) -> LineItem:
    return LineItem(text=text, page=page, top=top, size=size)


def _grid(rows: list[list[str]], page: int = 1) -> GridItem:
    return GridItem(rows=rows, page=page, top=100, row_pages=[page] * len(rows))


def _t105(table) -> list[str]:
    return [r.verdict for r in check_row_identities(table)]


_FINAL_SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "130.00"],
    ["二、事业收入", "10.00", "", ""],
    ["本年收入合计", "110.00", "本年支出合计", "130.00"],
    ["上级补助收入", "5.00", "结余分配", ""],
    ["附属单位上缴收入", "3.00", "", ""],
    ["用事业基金弥补收支差额", "2.00", "", ""],
    ["年初结转和结余", "20.00", "年末结转和结余", "10.00"],
    ["收入总计", "140.00", "支出总计", "140.00"],
]


def test_income_printed_below_this_years_total_adds_to_the_grand_total():
    """上级补助收入 and 附属单位上缴收入 under 本年收入合计 are not inside it: 收入总计 counts them."""
    t = assemble([_line("收入支出决算总表"), _line("单位：万元"), _grid(_FINAL_SUMMARY)]).tables[0]
    assert t.kind == "summary"
    assert _t105(t) == ["pass", "pass"]
    assert all(r.verdict == "pass" for r in check_table(t))


def test_the_same_income_printed_above_this_years_total_is_not_counted_twice():
    rows = [r[:] for r in _FINAL_SUMMARY]
    rows[3] = ["二、上级补助收入", "10.00", "", ""]  # an item of 本年收入合计, printed above it
    rows[5][0], rows[5][1] = "", ""  # nothing below
    rows[6][1] = ""
    rows[-1][1] = "132.00"
    rows[-1][3] = "132.00"
    rows[2][3] = "122.00"
    rows[4][3] = "122.00"
    t = assemble([_line("收入支出决算总表"), _line("单位：万元"), _grid(rows)]).tables[0]
    assert _t105(t) == ["pass", "pass"]
    rows[-1][1] = "142.00"  # adding it again would make this hold: it must not
    t = assemble([_line("收入支出决算总表"), _line("单位：万元"), _grid(rows)]).tables[0]
    assert _t105(t)[0] == "fail"
