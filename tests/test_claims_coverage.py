"""Issue 11, more narrative figures placed: a 类 named alone, 上年结转, comparisons in the next
sentence, sums of changes, rates against a zero base, procurement categories."""

from __future__ import annotations

import pytest

from auditor.claims.align import check_claims

from .conftest import SHARED, load_cached, small_disclosure

TWO_SCOPES = """
表1
测试局部门支出总表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 120.00 | 80.00 | 40.00
201 | 一般公共服务支出 | 120.00 | 80.00 | 40.00
表2
测试局一般公共预算支出表
单位：万元
科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
 | 合计 | 100.00 | 70.00 | 30.00
201 | 一般公共服务支出 | 70.00 | 70.00 | 0.00
221 | 住房保障支出 | 30.00 | 0.00 | 30.00
22102 | 住房改革支出 | 30.00 | 0.00 | 30.00
2210201 | 住房公积金 | 20.00 | 0.00 | 20.00
2210202 | 提租补贴 | 10.00 | 0.00 | 10.00
"""

SUMMARY = """
表1
测试局部门收支总表
单位：万元
收入 | 预算数 | 支出 | 预算数
一般公共预算拨款收入 | 100.00 | 一般公共服务支出 | 150.00
上年结转结余 | 50.00 |  |
收入总计 | 150.00 | 支出总计 | 150.00
"""


def _doc(narrative: str, tables: str = SUMMARY, title: str = "测试局2026年部门预算"):
    return small_disclosure(narrative, tables, title)


def _find(doc, value: str, rule: str | None = None):
    return [r for r in check_claims(doc)[0] if r.claimed and r.claimed.value == value and (rule is None or r.rule == rule)]


def test_a_lei_named_alone_is_its_row_in_the_scope_the_heading_names():
    """"一般公共服务（类）支出 X": the 类 row, read in the table of the scope its heading names."""
    doc = _doc("一、支出情况\n1.一般公共服务（类）支出120.00万元，占全部支出的100%。", TWO_SCOPES)
    assert [r.verdict for r in _find(doc, "120.00", "N101")] == ["pass"]  # no scope named: the all-funds table
    doc = _doc("一、一般公共预算支出情况\n（1）一般公共服务支出（类）支出 120.00 万元，主要用于运转。", TWO_SCOPES)
    r = _find(doc, "120.00", "N101")[0]
    assert r.verdict != "pass" and "70.00" in r.message  # 一般公共预算: only that table can confirm it
    doc = _doc("一、一般公共预算支出情况\n（1）一般公共服务支出（类）支出 70.00 万元，主要用于运转。", TWO_SCOPES)
    assert [r.verdict for r in _find(doc, "70.00", "N101")] == ["pass"]


def test_a_lei_with_its_xiang_is_the_xiang_row():
    doc = _doc("一、一般公共预算支出情况\n1．住房保障（类）提租补贴（项）10.00万元，用于发放提租补贴。", TWO_SCOPES)
    r = _find(doc, "10.00", "N101")[0]
    assert r.verdict == "pass" and r.evidence[0].row.startswith("2210202")
    doc = _doc("一、一般公共预算支出情况\n1．住房保障（类）提租补贴（项）20.00万元，用于发放提租补贴。", TWO_SCOPES)
    r = _find(doc, "20.00", "N101")[0]
    assert r.verdict == "fail" and "住房公积金" in r.message  # the figure of the row beside it


def test_carried_over_income_is_this_years_figure():
    doc = _doc("一、收入情况\n本年收入中，上年结转结余50.00万元。", SUMMARY)
    assert [r.verdict for r in _find(doc, "50.00", "N101")] == ["pass"]
    # a fund's part of the carry-over is not that fund's income of this year
    doc = _doc("一、收入情况\n上年结转结余的一般公共预算收入0万元，占0%；", SUMMARY)
    assert not [r for r in check_claims(doc)[0] if r.verdict == "fail"]


def test_a_comparison_sentence_speaks_of_the_figure_before_it():
    text = "一、支出情况\n（1）一般公共服务支出（类）支出 100.00 万元，主要用于机关运转。与上年相比增加 10.00 万元，增长 {}%。"
    results = check_claims(_doc(text.format("11.11")))[0]
    assert {r.rule: r.verdict for r in results if r.rule in ("N102", "N103")} == {"N102": "pass", "N103": "pass"}
    r = _find(_doc(text.format("12.11")), "12.11", "N103")[0]
    assert r.verdict == "fail"  # 10 ÷ (100 − 10) = 11.11%


def test_parts_of_a_change_that_add_up_are_checked_together():
    doc = _doc("一、支出情况\n支出比2025年增加30.00万元,主要是基本支出增加10.00万元,项目支出增加20.00万元。")
    results = check_claims(doc)[0]
    assert [r.verdict for r in results if r.rule == "N107"] == ["pass"]
    assert not [r for r in results if r.rule == "N102"]  # reported inside the sum, not again as unchecked


def test_a_rate_against_a_zero_base():
    """Issue 11: a growth or completion rate stated against a zero base is a fail."""
    doc = _doc("一、机关运行经费\n2019年本部门机关运行经费支出 97.19万元，比预算数增加 97.19万元，增长 0%。")
    assert [r.verdict for r in _find(doc, "0", "N103")] == ["fail"]
    doc = _doc("一、机关运行经费\n2019年本部门机关运行经费支出 97.19万元，比上年增加 97.19万元，增长 100%。")
    assert [r.verdict for r in _find(doc, "100", "N103")] == ["warn"]  # a common wording for a new item
    doc = _doc("一、三公经费\n公务接待费0万元，比上年增加0万元，增长0%。")
    assert [r.verdict for r in _find(doc, "0", "N103")] == ["pass"]  # nothing either year
    final = "测试局2019年部门决算"
    doc = _doc("一、三公经费\n公务接待费支出决算为 0.16万元，完成预算 0万元的 0%。", title=final)
    assert [r.verdict for r in check_claims(doc)[0] if r.rule == "N105"] == ["fail"]
    doc = _doc("一、三公经费\n因公出国（境）费支出决算为 0万元，完成预算 0万元的 0%。", title=final)
    assert [r.verdict for r in check_claims(doc)[0] if r.rule == "N105"] == ["pass"]


def test_final_equal_to_budget_is_checked():
    final = "测试局2019年部门决算"
    text = "一、三公经费\n公务接待费年初预算为5.00万元，支出决算为{}万元，决算数等于预算数。"
    assert [r.verdict for r in check_claims(_doc(text.format("5.00"), title=final))[0] if r.rule == "N108"] == ["pass"]
    assert [r.verdict for r in check_claims(_doc(text.format("4.00"), title=final))[0] if r.rule == "N108"] == ["fail"]


def test_procurement_categories_only_after_caigou():
    tables = """
表1
测试局政府采购预算明细表
单位：万元
采购品目 | 金额
A-货物 | 10.00
C-服务 | 20.00
合计 | 30.00
"""
    doc = _doc("一、政府采购\n政府采购预算总额30.00万元，其中：政府采购货物预算10.00万元，政府采购工程预算0万元，"
               "政府采购服务预算20.00万元。", tables)
    verdicts = {r.claimed.value: r.verdict for r in check_claims(doc)[0] if r.rule == "N101"}
    assert verdicts == {"30.00": "pass", "10.00": "pass", "0": "pass", "20.00": "pass"}
    doc = _doc("一、项目支出\n2.水务工程运行与维护 5.00 万元，主要用于水库维护。", tables)
    r = _find(doc, "5.00", "N101")[0]
    assert "政府采购" not in r.message


REGIONS = SHARED / "regions"


def test_regions_lei_shares_in_the_central_template():
    path = REGIONS / "central" / "国家信访局_2026_部门预算.pdf"
    if not path.exists():
        pytest.skip("../shared/regions is not available")
    results, _ = check_claims(load_cached(str(path)))
    for value in ("118.01", "0.72", "2,156.86", "13.09", "1,055.58", "6.41"):
        got = [r.verdict for r in results if r.claimed and r.claimed.value == value]
        assert got and set(got) == {"pass"}, value


BASIC_BY_FUNCTION = """
表1
测试局一般公共预算支出明细表（按功能和经济分类）
单位：万元
科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费
 | 合计 | 50.00 | 40.00 | 10.00
208 | 社会保障和就业支出 | 50.00 | 40.00 | 10.00
20805 | 行政事业单位养老支出 | 30.00 | 30.00 | 0.00
301 | 工资福利支出 | 40.00 | 40.00 | 0.00
"""


def test_an_items_personnel_and_public_costs_are_its_row_columns():
    """"（3）行政事业单位养老支出（20805）30.00 万元…。具体为：人员经费 30.00 万元" speaks of that item's
    人员经费, not the department's total of 40.00."""
    text = "一、基本支出\n（3）行政事业单位养老支出（20805）30.00 万元，主要用于缴费。具体为：人员经费 {} 万元，较上年无变化；公用经费 0.00 万元。"
    results = check_claims(_doc(text.format("30.00"), BASIC_BY_FUNCTION))[0]
    assert not [r.message for r in results if r.verdict == "fail"]
    assert [r.verdict for r in results if r.claimed and r.claimed.value == "0.00" and r.rule == "N101"] == ["pass"]
    r = _find(_doc(text.format("35.00"), BASIC_BY_FUNCTION), "35.00", "N101")[0]
    assert r.verdict == "fail" and "30.00" in r.message and "20805" in r.message


def test_a_code_no_table_prints_is_not_the_row_of_the_same_name():
    """"机关工资福利支出（501）" is a 政府预算经济分类 line: the 301 row of a similar name may confirm it,
    never fail it."""
    doc = _doc("一、经济分类\n1.机关工资福利支出（501）25.00 万元，主要用于工资。", BASIC_BY_FUNCTION)
    assert [r.verdict for r in _find(doc, "25.00", "N101")] == ["unverified"]
    doc = _doc("一、经济分类\n1.机关工资福利支出（501）40.00 万元，主要用于工资。", BASIC_BY_FUNCTION)
    assert [r.verdict for r in _find(doc, "40.00", "N101")] == ["pass"]
    doc = _doc("一、功能分类\n（3）行政事业单位养老支出（20805）31.00 万元。", BASIC_BY_FUNCTION)
    assert [r.verdict for r in _find(doc, "31.00", "N101")] == ["fail"]  # the row of that code: 30.00


def test_a_row_name_glued_to_a_longer_name_is_weak():
    """"机关工资福利支出 25.00 万元" and "代理银行手续费": the tail of a longer name is not that row."""
    doc = _doc("一、经济分类\n机关工资福利支出 25.00 万元，较上年减少 1.00 万元。", BASIC_BY_FUNCTION)
    assert not [r for r in check_claims(doc)[0] if r.verdict == "fail"]
    doc = _doc("一、经济分类\n其中：工资福利支出 25.00 万元。", BASIC_BY_FUNCTION)
    assert [r.verdict for r in _find(doc, "25.00", "N101")] == ["fail"]  # named alone: the 301 row's 40.00


def test_basic_and_project_changes_must_add_up_to_the_total_change():
    """西安交通2022: "支出较上年增加 6915.49 万元，其中基本支出减少了8627.56 万元，项目支出增加 15496.49
    万元": 基本支出 and 项目支出 are usually all of 支出, so −8627.56 + 15496.49 = 6868.93 should equal 6915.49."""
    text = "一、支出情况\n本部门预算支出较上年增加 {} 万元，其中基本支出减少了8627.56 万元，项目支出增加 15496.49 万元。"
    r = next(r for r in check_claims(_doc(text.format("6915.49")))[0] if r.rule == "N107")
    assert r.verdict == "warn" and "6,868.93" in r.message  # a 支出总表 may also carry 经营支出: 存疑
    r = next(r for r in check_claims(_doc(text.format("6868.93")))[0] if r.rule == "N107")
    assert r.verdict == "pass"
    # parts that are not all of the total ("其中：会议费…，培训费…") may sum below it
    doc = _doc("一、支出情况\n本部门支出增加 100.00 万元，其中会议费增加 10.00 万元，培训费增加 20.00 万元。")
    r = next(r for r in check_claims(doc)[0] if r.rule == "N107")
    assert r.verdict == "unverified"


def test_parts_add_up_in_every_unit():
    """Issue 11: component sums hold in 平方米 as in 辆 and 万元."""
    text = "一、资产情况\n房屋{}平方米，其中：办公用房1,200.50平方米，业务用房800.25平方米。车辆3辆，其中：执法执勤用车2辆，其他用车{}辆。"
    results = check_claims(_doc(text.format("2,000.75", "1")))[0]
    assert [r.verdict for r in results if r.claimed and r.claimed.unit == "平方米" and r.rule.startswith("N10")] == ["pass"]
    assert [r.verdict for r in results if r.rule == "N106" and r.claimed.unit == "辆"] == ["pass"]
    results = check_claims(_doc(text.format("1,900.75", "2")))[0]
    assert [r.verdict for r in results if r.claimed and r.claimed.unit == "平方米" and r.rule.startswith("N10")] == ["fail"]
    assert [r.verdict for r in results if r.rule == "N106" and r.claimed.unit == "辆"] == ["fail"]


def test_a_sentence_that_closes_a_bracket_speaks_of_the_words_before_it():
    """Guangdong's template: "公务用车购置及运行维护费346.67万元（公务用车购置费36万元，…；公务用车运行维护费
    310.67万元，…。）比上年增加33.44万元，增长10.7%"."""
    text = ("一、三公经费\n公务用车购置及运行维护费346.67万元（公务用车购置费36万元，比上年增加36万元；"
            "公务用车运行维护费310.67万元，比上年减少2.56万元。）比上年增加33.44万元，增长{}%，主要原因是更新车辆。")
    results = check_claims(_doc(text.format("10.7")))[0]
    assert [r.verdict for r in results if r.claimed and r.claimed.value == "10.7"] == ["pass"]
    results = check_claims(_doc(text.format("12.7")))[0]
    assert [r.verdict for r in results if r.claimed and r.claimed.value == "12.7"] == ["fail"]  # 33.44 ÷ 313.23


def test_baokuo_lists_all_parts_and_fiscal_budget_expenditure():
    doc = _doc("一、收支情况\n测试局预算 150.00 万元，包括在职人员经费 80.00 万元、公用经费 20.00 万元、项目支出50.00万元。")
    assert [r.verdict for r in check_claims(doc)[0] if r.rule == "N107"] == ["pass"]
    doc = _doc("一、收支情况\n测试局预算 150.00 万元，包括在职人员经费 90.00 万元、公用经费 20.00 万元、项目支出50.00万元。")
    assert [r.verdict for r in check_claims(doc)[0] if r.rule == "N107"] == ["fail"]  # 160.00 above 150.00
    doc = _doc("一、财政拨款支出\n测试局2026年财政拨款预算支出 100.00 万元。", TWO_SCOPES)
    assert [r.verdict for r in _find(doc, "100.00", "N101")] == ["pass"]


def test_a_named_row_is_taken_where_its_figure_is_printed_in_the_scope_named():
    """国家信访局 p18 "支出包括：一般公共服务支出 15,291.3 万元" is the all-funds figure: any table of the
    row may confirm a figure whose sentence names no scope; a heading naming 一般公共预算 restricts it."""
    doc = _doc("一、支出情况\n支出包括：一般公共服务支出 120.00 万元。", TWO_SCOPES)
    assert [r.verdict for r in _find(doc, "120.00", "N101")] == ["pass"]
    doc = _doc("一、一般公共预算支出情况\n支出包括：一般公共服务支出 120.00 万元。", TWO_SCOPES)
    assert [r.verdict for r in _find(doc, "120.00", "N101")] != ["pass"]


def test_fiscal_income_is_not_the_general_budget_alone():
    """西安民政2021: "财政拨款收入 70,376.87 万元，其中一般公共预算拨款收入 53,598.71 万元、政府性基金拨款收入
    16,778.16 万元": 财政拨款 is more than 一般公共预算; that table may only stand in for it."""
    doc = _doc("一、收入情况\n本部门财政拨款收入 150.00 万元。", SUMMARY)
    r = _find(doc, "150.00", "N101")[0]
    assert r.verdict == "warn" and "100.00" in r.message  # 一般公共预算 100.00 stands in: 存疑, not 不通过
    doc = _doc("一、收入情况\n本部门财政拨款收入 100.00 万元。", SUMMARY)
    assert [r.verdict for r in _find(doc, "100.00", "N101")] == ["pass"]


def test_subsets_and_opening_balances_are_not_the_totals():
    doc = _doc("一、绩效\n项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 60.00万元。", SUMMARY)
    assert not [r for r in check_claims(doc)[0] if r.verdict == "fail"]
    doc = _doc("一、收入\n2026年度政府性基金预算财政拨款年初结转和结余 30.00万元。", SUMMARY)
    assert not [r for r in check_claims(doc)[0] if r.verdict == "fail"]


def test_one_part_after_qizhong_cannot_exceed_its_total():
    text = "一、政府采购\n本部门面向中小企业预留政府采购项目预算金额34万元，其中，预留给小型和微型企业的政府采购项目预算为{}万元。"
    assert [r.verdict for r in check_claims(_doc(text.format("30")))[0] if r.rule == "N107"] == ["pass"]
    assert [r.verdict for r in check_claims(_doc(text.format("40")))[0] if r.rule == "N107"] == ["fail"]


def test_two_statements_of_the_same_change_must_agree():
    text = ("一、支出\n对个人和家庭的补助支出552.72万元较上年增加128.39万元，其主要原因是离退休费增加。\n"
            "二、经济分类\n对个人和家庭的补助支出552.72万元，较上年增加了 {} 万元，其主要原因是离退休费增加。")
    tables = """
表1
测试局一般公共预算支出明细表（按经济分类）
单位：万元
科目编码 | 科目名称 | 合计
 | 合计 | 552.72
303 | 对个人和家庭的补助 | 552.72
"""
    results = check_claims(_doc(text.format("128.39"), tables))[0]
    assert [r.verdict for r in results if r.rule == "N102"] == ["pass", "pass"]
    results = check_claims(_doc(text.format("138.39"), tables))[0]
    assert [r.verdict for r in results if r.rule == "N102"] == ["warn", "warn"]
