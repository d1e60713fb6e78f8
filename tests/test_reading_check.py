"""Knowing when the reading went wrong (issue 16): a misread table gives one 存疑, never a run of 不通过.

Small text disclosures, so every case is visible here; the real-document figures are in
bench/regions.py (dbt column, --doubtful).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.engine import audit_document
from auditor.ingest import load_string
from auditor.report.inspect import render_text
from auditor.report.json_report import document_entry, report
from auditor.report.terminal import render
from auditor.tables.header import is_column_number_row

HEAD = "测试局2021年部门预算\n二、支出预算情况\n{claim}\n表2\n测试局一般公共预算财政拨款支出预算表\n{unit}"
COLUMNS = "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
GOOD = (
    "\t合计\t300.00\t100.00\t200.00\n"
    "204\t公共安全支出\t300.00\t100.00\t200.00\n"
    "20406\t司法\t300.00\t100.00\t200.00\n"
    "2040601\t行政运行\t100.00\t100.00\t\n"
    "2040602\t一般行政管理事务\t200.00\t\t200.00\n"
)
# the same figures, each row's read into the wrong columns: nothing adds up anywhere
SHIFTED = (
    "\t合计\t300.00\t200.00\t100.00\n"
    "204\t公共安全支出\t100.00\t300.00\t200.00\n"
    "20406\t司法\t200.00\t100.00\t300.00\n"
    "2040601\t行政运行\t300.00\t200.00\t\n"
    "2040602\t一般行政管理事务\t100.00\t\t200.00\n"
)


def _doc(body: str, *, claim: str = "", unit: str = "单位：元\n", extra: str = ""):
    return load_string(HEAD.format(claim=claim, unit=unit) + COLUMNS + body + extra)


def _by_rule(results, rule):
    return [r for r in results if r.rule == rule]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["栏次", "", "1", "2", "3"], True),
        (["甲", "乙", "1", "2"], True),
        (["**", "1", "2"], True),
        (["", "1", "2", "3", "4"], True),
        (["栏次", "", "1", "栏次", "", "2"], True),  # two-sided: each side numbers its own column
        (["", "1", "2", "3", "4=2+3"], True),
        (["合计", "1", "2", "3"], False),  # a named row is data, however small its figures
        (["", "1.00", "2.00", "3.00"], False),
        (["", "12", "13"], False),
        (["项目", "1", "2"], False),
    ],
)
def test_column_number_rows(row, expected):
    assert is_column_number_row(row) is expected


@pytest.mark.parametrize("marks", ["栏次\t\t1\t2\t3", "甲\t乙\t1\t2\t3", "**\t**\t1\t2\t3", "\t\t1\t2\t3"])
def test_column_number_row_is_header_not_data(marks):
    doc = _doc(marks + "\n" + GOOD)
    table = doc.tables[0]
    assert [r.name for r in table.rows][:2] == ["合计", "公共安全支出"]
    assert [c.key for c in table.columns] == ["合计", "基本支出", "项目支出"]
    assert table.reading.status == "ok"
    results = audit_document(doc, select=["T", "X", "N"])
    assert not [r for r in results if r.verdict == "fail"]


def test_line_number_column_is_not_an_amount():
    text = (
        "测试局2024年度部门决算\n表1\n测试局收入支出决算总表\n单位：万元\n"
        "项目\t行次\t决算数\n"
        "栏次\t\t1\n"
        "一、一般公共预算财政拨款收入\t1\t2,940.05\n"
        "本年收入合计\t2\t2,940.05\n"
    )
    table = load_string(text).tables[0]
    assert [c.key for c in table.columns] == ["决算数"]


def test_misread_table_gives_one_warning_and_no_fail():
    doc = _doc(SHIFTED)
    table = doc.tables[0]
    assert table.reading.doubtful
    assert table.reading.held < table.reading.checked
    results = audit_document(doc)
    assert not [r for r in results if r.rule.startswith("T") and r.verdict == "fail"]
    [t100] = _by_rule(results, "T100")
    assert t100.verdict == "warn" and t100.message.startswith("表格读取存疑")
    assert len(t100.evidence) == len(table.reading.broken)  # every broken relation is named
    assert not [r for r in results if r.rule in ("T101", "T102", "T103")]


def test_one_wrong_figure_in_a_table_that_reads_right_still_fails():
    body = GOOD.replace("2040601\t行政运行\t100.00", "2040601\t行政运行\t150.00")
    doc = _doc(body)
    assert doc.tables[0].reading.status == "ok"
    results = audit_document(doc)
    assert {r.rule for r in results if r.verdict == "fail"} >= {"T101", "T103"}
    assert _by_rule(results, "T100")[0].verdict == "pass"


def test_claim_on_a_doubtful_table_is_doubtful_not_failed():
    claim = "2021年一般公共预算财政拨款支出合计9.00万元。"
    good = audit_document(_doc(GOOD, claim=claim))
    assert [r.verdict for r in good if r.rule == "N101"] == ["fail"]  # 300 元 is not 9 万元
    doubtful = audit_document(_doc(SHIFTED, claim=claim))
    [n] = [r for r in doubtful if r.rule == "N101"]
    assert n.verdict == "warn" and "依据的表格读取存疑" in n.message


def test_claim_on_a_table_without_unit_is_doubtful_not_failed():
    claim = "2021年一般公共预算财政拨款支出合计9.00万元。"
    doc = _doc(GOOD, claim=claim, unit="")
    table = doc.tables[0]
    assert table.unit is None and not table.reading.unit_found and not table.reading.doubtful
    results = audit_document(doc)
    [n] = [r for r in results if r.rule == "N101"]
    assert n.verdict == "warn" and "单位未标明" in n.message
    [t100] = _by_rule(results, "T100")
    assert t100.verdict == "warn" and t100.severity == "info" and "单位未标明" in t100.message


def test_selecting_one_relation_rule_still_shows_the_doubt():
    results = audit_document(_doc(SHIFTED), select=["T101"])
    assert [r.rule for r in results] == ["T100"]
    assert audit_document(_doc(SHIFTED), select=["T101"], ignore=["T100"]) == []


def test_reports_carry_the_reading():
    doc = _doc(SHIFTED)
    results = audit_document(doc)
    entry = document_entry(doc.path, doc, results, None)
    assert entry["tables"][0]["reading"]["status"] == "doubtful"
    assert entry["reading"] == {"tables": 1, "doubtful": 1, "unit_missing": 0}
    schema = json.loads((Path(__file__).parent.parent / "auditor/report/schema.json").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(report([entry]), schema)
    text = render(report([entry]), verbose=True)
    assert "读取存疑 1 张" in text
    assert all(b["message"] in text for b in entry["tables"][0]["reading"]["broken"])  # -v lists them all
    assert "读取：存疑" in render_text(doc)


def test_two_figures_in_one_cell_make_the_table_doubtful():
    body = GOOD.replace("20406\t司法\t300.00\t100.00\t200.00", "20406\t司法\t300.00 100.00\t200.00\t")
    doc = _doc(body)
    assert doc.tables[0].reading.doubtful
    assert "两个数字" in doc.tables[0].reading.reasons[0]


def test_pieces_of_a_split_table_share_its_doubt():
    from auditor.tables.reading import assess_document

    doc = _doc(SHIFTED)
    piece = _doc(GOOD).tables[0]
    piece.id = doc.tables[0].id + ".1"  # as tables/units.py names the pieces of a 汇总 table
    doc.tables.append(piece)
    assess_document(doc)
    assert piece.reading.doubtful and "同一张表" in piece.reading.reasons[0]


# 上年 | 本年 | 增减 with one sub-heading each: the 上年·合计 leaves out 会议费 in every row (a
# formula error in the document), while 增减 = 本年 − 上年 holds for every figure.
YEARS = (
    "测试局2019年部门预算\n表13\n测试局“三公”经费及会议费支出预算表\n单位：万元\n"
    "单位编码\t单位名称\t2018年\t\t\t2019年\t\t\t增减变化情况\t\t\n"
    "\t\t合计\t三公经费\t会议费\t合计\t三公经费\t会议费\t合计\t三公经费\t会议费\n"
    "\t合计\t{a}\t10.00\t4.00\t20.00\t15.00\t5.00\t{d}\t5.00\t1.00\n"
    "001\t测试局本级\t{b}\t6.00\t3.00\t12.00\t9.00\t3.00\t{e}\t3.00\t0.00\n"
    "002\t测试中心\t{c}\t4.00\t1.00\t8.00\t6.00\t2.00\t{f}\t2.00\t1.00\n"
)


def test_a_total_wrong_in_every_row_of_a_table_that_reads_right_still_fails():
    """Every figure of each broken sum is confirmed in its column by 增减 = 本年 − 上年: the reading is
    right, the document's 上年·合计 is not (issue 16)."""
    text = YEARS.format(a="10.00", b="6.00", c="4.00", d="10.00", e="6.00", f="4.00")
    doc = load_string(text)
    table = doc.tables[0]
    assert table.reading.status == "ok" and table.reading.held < table.reading.checked
    fails = [r for r in audit_document(doc, select=["T"]) if r.verdict == "fail"]
    assert len(fails) == 6 and {r.rule for r in fails} == {"T103"}


def test_a_total_wrong_in_every_row_without_confirmation_is_doubtful():
    """The same sums broken, but the 增减 column does not confirm the figures: nothing says the
    reading is right, so the table stays 读取存疑."""
    text = YEARS.format(a="10.00", b="6.00", c="4.00", d="7.00", e="9.00", f="1.00")
    assert load_string(text).tables[0].reading.doubtful


def test_rows_misread_though_the_sums_hold_are_not_judged_for_content():
    """A code glued to its name: the sums may hold, but what the rows show (codes, depth) is the
    reader's, not the document's; the reading says so once, on the table (issue 16)."""
    from auditor.tables.reading import rows_readable

    good = _doc(GOOD).tables[0]
    assert rows_readable(good) and good.reading.row_reasons == []
    glued = _doc(GOOD + "\t125001测试中心\t\t\t\n").tables[0]  # a unit code the reader left in the name
    assert not glued.reading.doubtful and not rows_readable(glued)
    assert "编码与名称" in glued.reading.row_reasons[0]


def test_a_unit_printed_in_the_column_headings_is_the_tables_unit():
    body = GOOD
    cols = "科目编码\t科目名称\t合计（万元）\t基本支出（万元）\t项目支出（万元）\n"
    doc = load_string(HEAD.format(claim="", unit="") + cols + body)
    assert doc.tables[0].unit == "万元" and doc.tables[0].reading.unit_found
    mixed = "科目编码\t科目名称\t合计（万元）\t基本支出（元）\t项目支出\n"
    assert load_string(HEAD.format(claim="", unit="") + mixed + body).tables[0].unit is None


def test_a_table_without_unit_is_never_failed_against_a_table_in_wan_yuan():
    """The 一般公共预算 table prints no unit: its 300.00 may be 元 or 万元, so set against the 支出总表's
    万元 a difference is 存疑 ("单位未标明"), never 不通过."""
    spend = ("表3\n测试局部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
             "\t合计\t{v}\t{b}\t{p}\n204\t公共安全支出\t{v}\t{b}\t{p}\n")
    results = audit_document(_doc(GOOD, unit="", extra=spend.format(v="3.00", b="1.00", p="2.00")))
    cross = [r for r in results if r.kind == "cross_table" and r.rule.startswith("X")]
    assert cross and not [r for r in cross if r.verdict == "fail"]
    assert any(r.verdict == "warn" and "单位未标明" in r.message for r in cross)
