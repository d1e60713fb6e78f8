"""D-rule profiles by region, and the generic profile never failing a document for one region's names."""

from __future__ import annotations

import pytest

from auditor.checks.disclosure import check_required_tables, check_sections, check_years, profile
from auditor.engine import audit_document
from auditor.ingest import load_string


def _doc(text: str):
    lines = []
    for line in text.strip().splitlines():
        line = line.strip()
        lines.append("\t".join(c.strip() for c in line.split("|")) if "|" in line else line)
    return load_string("\n".join(lines) + "\n")


def _table(n: int, title: str, total: str = "100.00") -> str:
    return f"表{n}\n{title}\n单位：万元\n科目编码 | 科目名称 | 合计\n | 合计 | {total}\n"


NARRATIVE = "2026年本部门收入预算100.00万元，支出预算100.00万元，全部用于保障机构正常运转和履行职责，各项支出严格按照预算执行。" * 2


@pytest.mark.parametrize("org, expected", [
    ("国家测试局", "central"),
    ("重庆市大渡口区测试局", "chongqing_district"),
    ("重庆市测试局", "chongqing"),
    ("北京市测试局", "beijing"),
    ("深圳市测试局", "guangdong"),
    ("西安市测试局", "shaanxi"),
    ("某市测试局", "generic"),
])
def test_the_profile_follows_the_organisation(org, expected):
    doc = _doc(f"{org}2026年部门预算\n{NARRATIVE}\n" + _table(1, f"{org}部门支出总表"))
    assert profile(doc)["id"] == expected


def test_generic_does_not_fail_for_a_regional_table_name():
    """A table the kinds do not know may be the required one: 存疑 naming it, never 不通过."""
    doc = _doc("某市测试局2026年部门预算\n" + NARRATIVE + "\n" + _table(1, "收支总体情况表") + _table(2, "部门支出总表"))
    results = {r.anchor: r for r in check_required_tables(doc)}
    assert results["summary"].verdict == "warn" and "《收支总体情况表》" in results["summary"].message
    assert results["expenditure"].verdict == "pass"
    assert not [r for r in results.values() if r.verdict == "fail"]


def test_a_regional_profile_knows_its_own_names():
    doc = _doc("广州市测试局2026年部门预算\n" + NARRATIVE + "\n" + _table(1, "收支总体情况表")
               + _table(3, "本年支出总体情况表") + _table(4, "财政拨款收支总体情况表"))
    results = {r.anchor: r for r in check_required_tables(doc)}
    assert results["summary"].verdict == "pass" and results["summary"].evidence[0].table == "收支总体情况表"
    assert results["fiscal_summary"].verdict == "pass"
    assert results["fiscal_summary"].evidence[0].table == "财政拨款收支总体情况表"


def test_beijing_narrative_needs_no_performance_section():
    doc = _doc("北京市测试局2026年部门预算\n" + NARRATIVE + "“三公”经费、机关运行经费、政府采购、国有资产、名词解释均已说明。\n"
               + _table(1, "预算01表收支总表"))
    assert {r.anchor: r.verdict for r in check_sections(doc)} == {
        "三公经费说明": "pass", "机关运行经费": "pass", "政府采购": "pass", "国有资产占有使用": "pass", "名词解释": "pass"}


def test_years_in_prose_cells_and_in_brackets_are_not_the_tables_year():
    doc = _doc("某市测试局2022年部门决算\n" + NARRATIVE + "\n"
               "表1\n某项目（2021年能力提升补助资金）绩效自评表\n单位：万元\n"
               "指标 | 计划完成2100个项目，覆盖2023—2027年的建设任务。 | 合计\n"
               "产出 | 1 | 1.00\n")
    assert [r.verdict for r in check_years(doc)] == ["pass"]


def test_an_empty_table_noted_as_having_no_amount_for_the_year():
    doc = _doc("某市测试局2026年部门预算\n" + NARRATIVE + "\n" + _table(9, "政府性基金预算支出情况表", "0.00")
               + "注：本表本年无发生额。\n")
    d103 = [r for r in audit_document(doc, select=["D103"]) if r.rule == "D103"]
    assert [r.verdict for r in d103] == ["pass"]


def test_a_summary_table_split_per_unit_is_judged_as_one_table():
    """汇总: the department prints figures, a subordinate unit only zeros: that unit's part is not an empty table."""
    import dataclasses

    doc = _doc("某市测试局2026年部门预算\n" + NARRATIVE + "\n" + _table(9, "政府性基金预算支出情况表", "5.00"))
    t = next(t for t in doc.tables if t.kind == "gov_fund")
    zero = dataclasses.replace(t, id=f"{t.id}.1", rows=[dataclasses.replace(r, cells={
        k: dataclasses.replace(c, text="0.00", amount=None) for k, c in r.cells.items()}) for r in t.rows],
        section="某下属单位")
    doc.tables.append(zero)
    assert [r for r in audit_document(doc, select=["D103"]) if r.rule == "D103"] == []
