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


# --- 3. a title line, a line holding only the table's number, then 部门：… 单位：万元 ---------------

_NUMBERS = ["公开表一", "表1", "附表1-1", "公开表1", "表一", "表1-1"]
_TABLES = [
    ("2021年部门收入总表", "income", [["科目编码", "科目名称", "合计", "一般公共预算拨款"],
                                 ["", "合计", "5.00", "5.00"], ["201", "一般公共服务支出", "5.00", "5.00"]]),
    ("2021年部门支出总表", "expenditure", [["科目编码", "科目名称", "合计", "基本支出"],
                                      ["", "合计", "5.00", "5.00"], ["201", "一般公共服务支出", "5.00", "5.00"]]),
    ("2021年一般公共预算支出表", "gpb_expenditure", [["科目编码", "科目名称", "合计", "基本支出"],
                                               ["", "合计", "5.00", "5.00"], ["201", "一般公共服务支出", "5.00", "5.00"]]),
    ("2021年一般公共预算基本支出表", "gpb_basic", [["科目编码", "科目名称", "合计", "人员经费"],
                                            ["", "合计", "5.00", "5.00"], ["301", "工资福利支出", "5.00", "5.00"]]),
]


def _numbered(first: str, k: int) -> str:
    """The k-th (from 0) number in the style of `first`."""
    digits = "一二三四五六七八九十"
    if "一" in first:
        return first.replace("一", digits[k])
    return first.replace("1", str(k + 1), 1) if "-" in first else first.replace("1", str(k + 1))


import pytest  # noqa: E402


@pytest.mark.parametrize("first", _NUMBERS)
def test_titles_survive_a_number_line_between_title_and_unit_line(first):
    items: list = []
    for k, (title, _, rows) in enumerate(_TABLES):
        items += [_line(title, k + 1), _line(_numbered(first, k), k + 1), _line("部门：某某局 单位：万元", k + 1),
                  _grid([r[:] for r in rows], k + 1)]
    tables = assemble(items).tables
    assert [(t.title, t.kind, t.unit) for t in tables] == [(title, kind, "万元") for title, kind, _ in _TABLES]
    assert [t.number for t in tables] == [_numbered(first, k) for k in range(len(_TABLES))]


def test_titles_survive_the_number_line_in_a_text_disclosure():
    from auditor.ingest import load_string

    body = "某某局2021年部门预算公开\n\n"
    for k, (title, _, rows) in enumerate(_TABLES):
        body += f"{title}\n{_numbered('公开表一', k)}\n部门：某某局 单位：万元\n"
        body += "\n".join("\t".join(r) for r in rows) + "\n\n"
    doc = load_string(body)
    assert [(t.title, t.kind) for t in doc.tables] == [(title, kind) for title, kind, _ in _TABLES]


def test_titles_survive_the_number_line_in_a_pdf(tmp_path):
    pytest.importorskip("reportlab")
    from auditor.ingest import load

    from .test_pdf_rules import _canvas, _table

    c = _canvas(tmp_path / "numbered.pdf")
    for k, (title, _, rows) in enumerate(_TABLES):
        c.setFont("STSong-Light", 14)
        c.drawString(150, 790, title)
        c.setFont("STSong-Light", 10)
        c.drawString(250, 770, _numbered("附表1-1", k))
        c.drawString(60, 752, "部门：某某局")
        c.drawString(330, 752, "单位：万元")
        _table(c, 740, [r[:3] for r in rows])
        c.showPage()
    c.save()
    doc = load(str(tmp_path / "numbered.pdf"))
    assert [(t.title, t.kind) for t in doc.tables] == [(title, kind) for title, kind, _ in _TABLES]
