"""Layouts met in ../shared/regions, rebuilt small: each test fails if its reading rule is undone.

The same layouts are checked on the real documents in test_regions_reading.py (skipped when
../shared/regions is absent).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from auditor.checks.arithmetic import check_table
from auditor.checks.cross_table import check_cross_tables
from auditor.ingest import load_string
from auditor.ingest.assemble import assemble
from auditor.ingest.items import GridItem, LineItem, clean_cell
from auditor.ingest.pdf import _split_at_edges

from .pdfmaker import make_pdf

HEADER = ["序号", "功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "备注"]


def _line(text: str, page: int, top: float = 50, size: float = 18) -> LineItem:
    return LineItem(text=text, page=page, top=top, size=size)


def _grid(rows: list[list[str]], page: int) -> GridItem:
    return GridItem(rows=rows, page=page, top=100, row_pages=[page] * len(rows))


def _verdicts(table) -> list[str]:
    return [r.verdict for r in check_table(table)]


def test_a_running_number_column_is_no_amount_and_a_repeated_title_continues_the_table():
    """Xi'an: every page repeats the long title (over 30 characters) and the 序号 runs on."""
    title = "2022年部门综合预算一般公共预算基本支出明细表（按功能科目分）"
    items = [
        _line("表7", 1), _line(title, 1), _line("预算单位：某局 金额单位：万元", 1, size=9),
        _grid([HEADER,
               ["1", "", "合计", "30.00", "20.00", "10.00", ""],
               ["2", "201", "一般公共服务支出", "30.00", "20.00", "10.00", ""]], 1),
        _line(title, 2), _line("预算单位：某局 金额单位：万元", 2, size=9),
        _grid([HEADER,
               ["3", "20101", "人大事务", "30.00", "20.00", "10.00", ""],
               ["4", "2010101", "行政运行", "30.00", "20.00", "10.00", ""]], 2),
    ]
    tables = assemble(items).tables
    assert len(tables) == 1
    t = tables[0]
    assert t.pages == [1, 2] and t.unit == "万元"
    assert [c.key for c in t.columns] == ["合计", "人员经费支出", "公用经费支出"]  # no 序号, no 备注
    assert _verdicts(t) and set(_verdicts(t)) == {"pass"}


def test_the_same_table_number_and_title_on_the_next_page_continue_the_table():
    """Shenzhen: "表3 / 支出总表" printed on every page of a 30-page table, no total on later pages."""
    head = [["科目编码", "科目名称", "支出总计", "基本支出"]]
    items = [
        _line("表3", 1), _line("支出总表", 1), _line("单位：万元", 1, size=9),
        _grid(head + [["201", "一般公共服务支出", "5.00", "5.00"]], 1),
        _line("表3", 2), _line("支出总表", 2), _line("单位：万元", 2, size=9),
        _grid(head + [["20101", "人大事务", "5.00", "5.00"]], 2),
    ]
    tables = assemble(items).tables
    assert len(tables) == 1 and len(tables[0].rows) == 2
    assert set(_verdicts(tables[0])) == {"pass"}


def test_a_title_set_over_two_lines_of_the_same_size_is_one_title():
    items = [
        _line("表13", 1, top=40, size=9),
        _line("2021年部门综合预算一般公共预算拨款“三公”经费及", 1, top=70),
        _line("会议费、培训费支出预算表（不含上年结转）", 1, top=92),
        _line("预算单位：某局 单位：元", 1, top=120, size=9),
        _grid([["项目", "合计"], ["合计", "1.00"]], 1),
    ]
    t = assemble(items).tables[0]
    assert t.title.startswith("2021年部门综合预算一般公共预算拨款三公经费及会议费")
    assert t.kind == "three_public"


_UNIT_ROWS = """单位：万元
预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出
某局\t\t\t50.00\t20.00\t30.00
某局（本级）\t\t\t20.00\t8.00\t12.00
\t201\t一般公共服务支出\t20.00\t8.00\t12.00
\t20101\t人大事务\t20.00\t8.00\t12.00
某中心\t\t\t30.00\t12.00\t18.00
\t201\t一般公共服务支出\t30.00\t12.00\t18.00
\t20101\t人大事务\t30.00\t12.00\t18.00
"""
UNITS = "某局2026年部门预算\n\n表3\n支出总表\n" + _UNIT_ROWS + "\n表5\n部门支出预算表\n" + _UNIT_ROWS


def test_a_unit_column_makes_one_section_per_subordinate_unit():
    """Shenzhen 汇总: 预算单位 column; the first unit row adds up the others (the 部门)."""
    doc = load_string(UNITS)
    spending = doc.tables_of("expenditure")[:3]
    assert [t.section for t in spending] == [None, "某局（本级）", "某中心"]
    assert [len(t.rows) for t in spending] == [1, 3, 3]
    assert spending[1].rows[0].name == "合计"
    for t in spending:
        assert "fail" not in _verdicts(t)
    # 201 of 某中心 is the sum of its own 款, not of both units' 款
    assert any(r.rule == "T101" and r.verdict == "pass" for r in check_table(spending[2]))
    # cross-table identities compare each unit with itself: 30.00 is never compared with 20.00
    xs = [r for r in check_cross_tables(doc) if r.rule == "X101"]
    assert len(xs) >= 9 and all(r.verdict == "pass" for r in xs)


def test_a_list_of_units_is_not_split():
    text = "某局2026年部门预算\n\n表2\n收入总表\n单位：万元\n单位编码\t单位名称\t合计\t财政拨款\n" \
           "101\t某局\t30.00\t30.00\n101001\t某局（本级）\t20.00\t20.00\n101002\t某中心\t10.00\t10.00\n"
    doc = load_string(text)
    assert len(doc.tables) == 1 and doc.tables[0].section is None and len(doc.tables[0].rows) == 3


def test_columns_of_words_and_further_subject_columns_hold_no_figures():
    """Jiangsu 政府采购: 采购组织形式 beside 总计; Beijing 支出总表: 功能 × 经济 科目 listing."""
    text = """某局2026年部门预算

表10
政府采购预算表
单位：万元
专项名称\t采购品目大类\t采购组织形式\t总计
办公设备购置费\t货物\t分散自行组织\t59.00

表3
支出总表
单位：万元
支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出
2040601 -行政运行\t50101-工资奖金津补贴\t30101-基本工资\t10.00\t10.00\t
2040601 -行政运行\t50201-办公经费\t30201-办公费\t5.00\t\t5.00
"""
    doc = load_string(text)
    proc = doc.tables_of("procurement")[0]
    assert [c.key for c in proc.columns] == ["总计"]
    assert check_table(proc) == []
    spend = doc.tables_of("expenditure")[0]
    assert [c.key for c in spend.columns] == ["合计", "基本支出", "项目支出"]
    assert spend.rows[0].code == "2040601" and spend.rows[0].name == "行政运行"
    assert set(_verdicts(spend)) == {"pass"}


def test_a_total_of_the_group_named_zongshu_is_the_groups_total():
    text = """某局2026年部门预算

表5
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t\t项目支出\t
\t\t\t人员经费\t公用经费\t项目支出总数\t扣除基建项目后预算数
2040601\t行政运行\t12.00\t8.00\t2.00\t2.00\t2.00
"""
    t = load_string(text).tables[0]
    assert "fail" not in _verdicts(t)


def test_words_in_a_figures_place_make_no_relation():
    """A 绩效目标 form: indicator values (≤ 4500 人次) under money headings."""
    text = """某局2026年部门预算

表13
部门整体支出绩效目标表
单位：万元
项目\t合计\t基本支出\t项目支出
资金\t107.00\t57.00\t50.00
法制建设\t4500\t≤\t人次
"""
    t = load_string(text).tables[0]
    assert [r.verdict for r in check_table(t)] == ["pass"]


def test_a_figure_wrapped_in_a_narrow_cell_is_joined():
    assert clean_cell("811,669.9\n7") == "811,669.97"
    assert clean_cell("1,234,56\n7.00") == "1,234,567.00"
    assert clean_cell("2020 2021") == "2020 2021"  # two years, not a figure
    assert clean_cell("1,234 5,678.00") == "1,234 5,678.00"


def _chars(text: str, x0: float, width: float = 5.0) -> list[dict]:
    return [{"text": ch, "x0": x0 + k * width, "x1": x0 + (k + 1) * width} for k, ch in enumerate(text)]


def test_a_figure_overflowing_into_the_next_cell_is_cut_at_the_ruled_edge():
    """Beijing 预算13表: "107.000000" runs into the next cell's "57.000000"."""
    chars = _chars("107.00000057.000000", 100)
    word = {"text": "107.00000057.000000", "x0": 100, "x1": 195, "top": 10, "bottom": 20, "chars": chars}
    row = SimpleNamespace(bbox=(0, 5, 300, 25), cells=[(0, 5, 100, 25), (100, 5, 148, 25), (148, 5, 300, 25)])
    table = SimpleNamespace(rows=[row])
    out = _split_at_edges([word], table)
    assert [w["text"] for w in out] == ["107.000000", "57.000000"]
    text = {"text": "一般公共预算", "x0": 100, "x1": 160, "top": 10, "bottom": 20, "chars": _chars("一般公共预算", 100, 10)}
    assert _split_at_edges([text], table) == [text]


def test_a_page_whose_media_box_is_written_upside_down_is_read(tmp_path):
    """Xi'an 民政局: MediaBox [0 595 842 0]; pdfminer puts every object one page height away."""
    from auditor.ingest.pdf import read_pdf

    path = make_pdf(tmp_path / "inverted.pdf", ["2021年部门综合预算收支总表说明。"])
    data = path.read_bytes()
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", data)
    flipped = b"/MediaBox [ 0 " + box.group(2) + b" " + box.group(1) + b" 0 ]"
    assert len(flipped) == len(box.group(0))  # same length: the xref offsets stay right
    path.write_bytes(data.replace(box.group(0), flipped))
    items, _pages = read_pdf(str(path), workers=1)
    lines = [it for it in items if isinstance(it, LineItem)]
    assert lines and "收支总表" in lines[0].text
    assert 0 < lines[0].top < 100


def test_a_code_column_printed_before_its_name_column_starts_the_list():
    """Xi'an 基本支出决算表: three lists side by side, each 科目代码 | 科目名称 | 决算数."""
    text = """某局2022年部门决算

表6
一般公共预算财政拨款基本支出决算表
单位：万元
科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数
301\t工资福利支出\t10.00\t302\t商品和服务支出\t5.00
30101\t基本工资\t10.00\t30201\t办公费\t5.00
"""
    t = load_string(text).tables[0]
    assert t.two_sided
    assert {(r.code, r.name) for r in t.rows} >= {("301", "工资福利支出"), ("302", "商品和服务支出")}
    assert set(_verdicts(t)) == {"pass"}


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}


def test_sub_columns_under_a_group_line_are_not_a_row_left_open():
    """Xi'an 三公 table: 公务用车 sub-columns start on their group's own line; a rule drawn across
    the whole table there would cut the merged 会议费/培训费 cells beside them."""
    from auditor.ingest.rules import closing_lines

    edges = [_edge("h", 0, 0, 300, 0), _edge("h", 0, 100, 300, 100)]
    edges += [_edge("v", x, 0, x, 100) for x in (0, 100, 200, 300)]
    for left in (0, 100, 200):  # in each block, a group line at 40 and two sub-columns under it
        edges.append(_edge("h", left + 10, 40, left + 50, 40))
        edges += [_edge("v", x, 40, x, 100) for x in (left + 10, left + 30, left + 50)]
    assert closing_lines(SimpleNamespace(edges=edges)) == []
    # the same table with no rule along its top: the row a page break left open is closed there
    opened = [e for e in edges if not (e["orientation"] == "h" and e["top"] == 0)]
    assert [e["top"] for e in closing_lines(SimpleNamespace(edges=opened))] == [0]


def test_the_one_unit_of_a_department_is_the_department():
    """Shenzhen 财政局本级: the 预算单位 column names one unit; its tables compare with the rest."""
    text = "\n\n".join(UNITS.split("\n\n")[:2]).replace("某局\t\t\t50.00\t20.00\t30.00\n", "")
    text = text.split("某中心")[0]
    doc = load_string(text)
    (t,) = doc.tables
    assert t.section is None and t.rows[0].name == "合计"
    assert set(_verdicts(t)) == {"pass"}
