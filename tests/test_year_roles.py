"""Years by their role (checks/year_roles.py): D106 and P101–P105 judge a year only where it is the
document's (title, heading, 编制范围, 截至, a comparison, a column's year), never one inside a project's
name, a reserve programme's span, a plan period, a quantity, a figure or a code."""

from __future__ import annotations

import pytest

from auditor.checks.year_roles import judged_years, role_at, year_mentions
from auditor.engine import audit_document
from auditor.ingest import load_string

from .conftest import small_disclosure


@pytest.mark.parametrize(("text", "roles"), [
    ("测试局2026年部门支出总表", ["document"]),  # a title
    ("第二部分 2024年度部门决算情况说明", ["document"]),  # a heading
    ("比2025年预算增加10.00万元", ["document"]),  # the year compared with
    ("截至2025年12月31日", ["document"]),  # an as-of date
    ("纳入本部门2018年部门汇总预算编制范围", ["document"]),  # 编制范围
    ("2025年预算数", ["document"]),  # a column's year
    ("2026年项目支出预算表", ["document"]),  # the document's own 项目支出, not a project's name
    ("2025年度智慧水务项目绩效目标表", ["name"]),  # a year that opens a project's name
    ("2025年中央财政补助资金", ["name"]),  # a fund's name
    ("2024-2025年储备项目", ["period", "period"]),  # a reserve programme's two-year span
    ("2025—2035年国土空间规划", ["period", "period"]),  # a plan period
    ("2030年前碳达峰", ["name"]),
    ("服务用户≥2000个", ["quantity"]),  # a quantity
    ("总投资2025.00万元", ["quantity"]),
    ("项目总额335.200000", []),  # digits inside a figure are no candidate at all
    ("2000·1500·365", ["figure"]),  # a figure read as a header cell
    ("厦商务规〔2024〕2号", ["code"]),  # a document number
])
def test_roles(text, roles):
    assert [m.role for m in year_mentions(text)] == roles


def test_judged_years_are_the_documents_only():
    assert judged_years("测试局2025年度智慧水务项目绩效目标表（2024-2025年储备项目）") == []
    assert judged_years("测试局2025年部门支出总表") == [2025]
    assert role_at("≥2000个", 1, 5) == "quantity"


def _d106(tables: str) -> list:
    doc = small_disclosure("2026年收入预算100.00万元。", tables=tables)
    return [r for r in audit_document(doc, select=["D106"]) if r.rule == "D106" and r.verdict != "pass"]


PROJECT_TABLE = """
表9
测试局{title}
单位：万元
绩效指标 | {column} | 目标值
服务用户数 | 1.00 | 2.00
"""


@pytest.mark.parametrize(("title", "column"), [
    ("2025年度智慧水务项目绩效目标表", "指标值"),  # a year that opens a project's name
    ("项目绩效目标表", "2024-2025年储备项目"),  # a reserve programme's span
    ("项目绩效目标表", "≥2000个"),  # a quantity
    ("项目绩效目标表", "2025—2035年规划目标"),  # a plan period
])
def test_d106_passes_years_with_no_role(title, column):
    assert _d106(PROJECT_TABLE.format(title=title, column=column)) == []


@pytest.mark.parametrize(("title", "column"), [
    ("2025年部门支出总表", "指标值"),  # the table's own year is last year's
    ("部门支出总表", "2023年预算数"),  # a column two years back
])
def test_d106_still_fails_a_wrong_year_with_a_role(title, column):
    assert [r.verdict for r in _d106(PROJECT_TABLE.format(title=title, column=column))] == ["fail"]


def _rule(rule: str, text: str) -> list:
    doc = load_string(text)
    return [r for r in audit_document(doc, select=[rule]) if r.rule == rule and r.verdict != "pass"]


def test_p103_heading_with_a_period_is_not_its_year():
    head = "测试局2024年度部门决算\n第二部分 2024年度部门决算情况说明\n"
    tail = "2024年度收入支出总计100.00万元。年初预算为100万元。\n"
    assert _rule("P103", head + "一、2022—2023年决算公开质量提升行动\n" + tail) == []
    assert [r.verdict for r in _rule("P103", head + "一、2023年度部门决算收支情况\n" + tail)] == ["fail"]


def test_p104_amounts_and_quantities_in_a_period_sentence_are_no_years():
    head = "测试局2026年部门预算\n2026年项目支出预算50万元，收入预算50万元。\n"
    assert _rule("P104", head + "该项目实施周期为3年，总投资2025.00万元，覆盖≥2000个站点。\n") == []
    assert [r.verdict for r in _rule("P104", head + "该项目实施周期为2025年1月1日至2025年12月31日。\n")] == ["fail"]


def test_p101_the_year_compared_with_is_still_judged():
    # the role filter must not hide a real comparison year, next to a period that is no year
    head = "测试局2026年部门预算\n2026—2028年规划实施期间，"
    assert [r.verdict for r in _rule("P101", head + "2026年收入预算100.00万元，比2026年预算增加10.00万元。\n")] == ["fail"]
