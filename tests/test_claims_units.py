"""Narrative about a subordinate unit or about one line is checked against that unit's or that line's
tables, never against the 部门 totals (issues 11 and 16; DESIGN-NOTES §7).

Real documents from ../shared/regions, each read once per session (load_cached); skipped when absent.
"""

from __future__ import annotations

import pytest

from auditor.claims.align import check_claims
from auditor.claims.body import body_of, bodies

from .conftest import SHARED, load_cached, small_disclosure

REGIONS = SHARED / "regions"
SHENZHEN = "guangdong/深圳市水务局_2026_部门预算_187页.pdf"
MINZHENG = "shaanxi/西安市民政局_2021_部门综合预算.pdf"
SHENPI = "shaanxi/西安市行政审批服务局汇总_2025_部门预算.pdf"


def regions_doc(rel: str):
    path = REGIONS / rel
    if not path.exists():
        pytest.skip(f"regions not available: {rel}")
    return load_cached(str(path))


@pytest.fixture(scope="module")
def shenzhen():
    doc = regions_doc(SHENZHEN)
    return doc, check_claims(doc)[0]


def _at(results, sentence_start: str, claimed: str):
    """The result of the claim with this figure in the sentence that starts so."""
    hits = [r for r in results if r.text.startswith(sentence_start) and r.claimed is not None
            and r.claimed.value == claimed]
    assert hits, (sentence_start, claimed)
    return hits[0]


def test_shenzhen_units_come_from_the_split_tables(shenzhen):
    doc, _ = shenzhen
    b = bodies(doc)
    assert b.department == "深圳市水务局"
    assert "深圳市水务工程质量安全监督站" in b.units and "深圳市水务局（本级）" in b.units
    unit_sentence = next(s for s in doc.sentences() if s.text.startswith("深圳市水务工程质量安全监督站预算"))
    assert body_of(doc, unit_sentence) == "深圳市水务工程质量安全监督站"
    whole = next(s for s in doc.sentences() if "深圳市水务局部门预算收入" in s.text)
    assert body_of(doc, whole) is None


def test_a_units_figures_are_compared_with_that_units_tables(shenzhen):
    _, results = shenzhen
    s = "深圳市水务工程质量安全监督站预算"
    # 项目支出 2,150.38 is the unit's (表 一般公共预算支出 of the unit), not the 部门's 677,647.97
    project = _at(results, s, "2,150.38")
    assert project.verdict == "pass" and "677,647.97" not in project.message
    assert _at(results, s, "112.99").verdict == "pass"  # the unit's 303 row
    # "增人增资 62.00 万元" names nothing the tables print: not the 对个人和家庭的补助 before it. The list
    # "预算 3,687.57 万元，包括…" adds up (N107), so it is reported inside that sum, not on its own
    assert all(r.verdict == "unverified" for r in results if r.text.startswith(s) and r.rule == "N101"
               and r.claimed is not None and r.claimed.value == "62.00")
    assert any(r.rule == "N107" and r.verdict == "pass" for r in results if r.text.startswith(s))
    assert not [r for r in results if r.rule == "N101" and r.verdict == "fail" and "预算" in r.text[:30]
                and r.text.startswith("深圳市")]
    # one project's 项目支出 ("水务发展资金项目支出"), not the unit's 项目支出 total
    assert _at(results, "3.水务发展资金项目支出", "939.06").verdict != "fail"


def test_shenzhen_three_public_table_reads_its_year_column(shenzhen):
    doc, results = shenzhen
    dept = next(t for t in doc.tables_of("three_public") if t.section is None)
    assert [r.name for r in dept.rows] == ["2025年", "2026年", "增减变化金额"]
    assert {t.section for t in doc.tables_of("three_public")} >= {None, "深圳市水务局（本级）"}
    assert _at(results, "公务用车购置费 2026 年预算数", "126.00").verdict == "pass"


def test_a_lines_personnel_split_is_read_at_that_lines_row():
    doc = regions_doc(MINZHENG)
    results, _ = check_claims(doc)
    # "（3）行政事业单位养老支出（20805）…具体为：人员经费 675.90 万元": row 20805 prints 6,758,929.64 元
    part = _at(results, "具体为：人员经费 675.90", "675.90")
    assert part.verdict == "warn" and "20805" in part.message
    # "机关工资福利支出（501）" is no row of the tables: never the 301 工资福利支出
    wage = _at(results, "1.机关工资福利支出（501）", "4,544.32")
    assert wage.verdict == "unverified"
    # 财政拨款收入 is 一般公共预算 + 政府性基金 (70,376.86 万元 in the 财政拨款收支总表)
    fiscal = _at(results, "2021 年本部门财政拨款收入", "70,376.87")
    assert fiscal.verdict != "fail" and "53,598.71" not in fiscal.message
    fails = [r for r in results if r.rule == "N101" and r.verdict == "fail"]
    assert not [r for r in fails if "人员经费" in r.message or "公用经费" in r.message]


def test_three_public_total_excludes_meeting_and_training_fees():
    """Xi'an's 三公 table adds 会议费 and 培训费 into its 合计: the 三公 figure is its 小计."""
    doc = regions_doc(SHENPI)
    results, _ = check_claims(doc)
    three = _at(results, "本部门当年一般公共预算“三公”经费预算支出4.50", "4.50")
    assert three.verdict == "pass"


def _synthetic(narrative: str):
    return small_disclosure(narrative)


def test_units_without_tables_are_unverified_not_failed():
    """Two unit headings make the narrative per unit; a unit with no tables of its own is 无法核对."""
    doc = _synthetic("""
一、测试局部门预算情况
2026年收入预算100.00万元。
二、测试局信息中心2026年部门预算情况说明
2026年收入预算30.00万元。
三、测试局档案馆2026年部门预算情况说明
2026年收入预算70.00万元。
""")
    results = [r for r in check_claims(doc)[0] if r.rule == "N101"]
    by_value = {r.claimed.value: r for r in results if r.claimed}
    assert by_value["100.00"].verdict == "pass"
    for v, unit in (("30.00", "测试局信息中心"), ("70.00", "测试局档案馆")):
        assert by_value[v].verdict == "unverified" and unit in by_value[v].message


def test_one_unit_heading_is_no_split():
    """A single unit-like heading is the 部门 itself or a stray title: the figures stay 部门's."""
    doc = _synthetic("""
一、测试局信息中心2026年部门预算情况说明
2026年收入预算30.00万元。
""")
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "30.00")
    assert r.verdict == "fail"


def test_appended_reports_are_not_checked_against_the_department():
    doc = _synthetic("""
一、收支情况
2026年收入预算100.00万元。
第五部分 附件
2021年，西安市高龄老人保健补贴资金支出总额为59.00万元。
""")
    r = next(r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == "59.00")
    assert r.verdict == "unverified" and "附件" in r.message
