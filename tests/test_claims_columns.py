"""Which table, row, column and scope a narrative figure is compared with (issues 11 and 16).

Real documents of ../shared/regions (skipped when absent, each read once per session): every case
here was a false 不通过 of the narrative checks, or is a real error that must stay one.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from auditor.claims.align import check_claims
from auditor.claims.columns import part_subtotal, pick_column
from auditor.model import Column

from .conftest import SHARED, load_cached

REGIONS = SHARED / "regions"


@lru_cache(maxsize=None)
def _results(*rels: str):
    paths = [REGIONS / r for r in rels]
    for p in paths:
        if not p.exists():
            pytest.skip(f"regions not available: {p.name}")
    return check_claims(load_cached(*map(str, paths)))[0]


def _claim(results, value: str, rule: str = "N101", page: int | None = None):
    hits = [r for r in results if r.rule == rule and r.claimed and r.claimed.value == value
            and (page is None or r.page == page)]
    assert hits, f"no {rule} claim of {value}"
    return hits[0]


def _fails(results, rule: str = "N") -> list[str]:
    return [f"p{r.page} {r.rule} {r.message}" for r in results if r.verdict == "fail" and r.rule.startswith(rule)]


def _col(key: str) -> Column:
    return Column(key=key, path=tuple(key.split("·")), index=0)


def test_a_parts_subtotal_is_not_the_rows_whole():
    """总计 | 基本支出·小计 | 基本支出·人员经费 | 项目支出: the 科目's amount is 总计."""
    cols = [_col(k) for k in ("总计", "基本支出·小计", "基本支出·人员经费", "基本支出·公用经费", "项目支出")]
    assert part_subtotal(cols[1], cols)
    assert not part_subtotal(cols[0], cols)
    assert pick_column(cols, None).key == "总计"
    assert pick_column(cols, "@total").key == "总计"
    assert pick_column(cols, "小计|合计").key == "基本支出·小计"  # nothing else fits
    assert pick_column(cols, "基本支出").key == "基本支出·小计"  # the pattern asks for the part
    # a table whose columns all sit under 基本支出 (一般公共预算基本支出表): its 总计 is the whole
    basic = [_col(k) for k in ("基本支出·总计", "基本支出·人员经费", "基本支出·公用经费")]
    assert not part_subtotal(basic[0], basic)
    # a year header above the total is no part
    central = [_col(k) for k in ("2026年预算数·年初预算数·小计", "2026年预算数·年初预算数·基本支出")]
    assert not part_subtotal(central[0], central)


def test_chongqing_class_rows_read_the_total_column_of_the_table_the_section_speaks_of():
    """重庆水利局: "（二）支出预算…教育支出 33862.49 万元" is the all-funds 部门支出总体情况表; the
    一般公共预算 table's 基本支出·小计 (14,642.60) was taken for the 科目's amount."""
    results = _results("chongqing/重庆市水利局_2026_部门预算.pdf")
    assert _claim(results, "33862.49").verdict == "pass"
    assert _claim(results, "102942.13").verdict == "pass"
    spent = [r for r in results if r.rule == "N101" and r.claimed and r.claimed.value == "128148.56"
             and "支出" in r.message]  # 一般公共预算财政拨款支出: 总计, not 基本支出·小计 (33,325.21)
    assert spent and all(r.verdict == "pass" and "总计" in r.message for r in spent)
    # 收入预算: the summary table's 合计 row (all funds), not the 财政拨款 table's 本年收入
    assert _claim(results, "186549.30").verdict == "pass"
    assert _fails(results) == []


def test_chongqing_procurement_of_one_scope_reads_its_column():
    """"其中一般公共预算拨款政府采购 0 万元：政府采购货物预算 0 万元…": the 一般公共预算拨款收入 column."""
    results = _results("chongqing/重庆市气象局_2026_部门预算.pdf")
    zeros = [r for r in results if r.rule == "N101" and r.claimed and r.claimed.value == "0" and r.page == 3]
    assert zeros and all(r.verdict == "pass" for r in zeros)
    assert _claim(results, "947", page=3).verdict == "pass"  # the total of all funds: 总计 column
    assert _claim(results, "14,770.62").verdict == "pass"
    assert _fails(results) == []
    water = _results("chongqing/重庆市水利局_2026_部门预算.pdf")
    assert _claim(water, "11307.34").verdict == "pass" and _claim(water, "8364.59").verdict == "pass"
    assert _claim(water, "8941.32").verdict == "pass"


def test_three_public_table_with_an_item_per_row():
    """广州: 行政经费 / 三公经费 / 其中：（一）因公出国（境）支出 …: the 三公经费 row, not the first row."""
    results = _results("guangdong/广州市司法局_2026_部门预算.pdf")
    assert _claim(results, "378.87").verdict == "pass"
    assert _claim(results, "346.67").verdict == "pass"
    assert _claim(results, "12.2").verdict == "pass"
    assert _fails(results) == []


def test_partial_figures_never_fail():
    """佛山: "绩效自评…涉及一般公共预算支出 0 万元" covers an activity; 国家信访局: "人均月补贴90元"."""
    foshan = _results("guangdong/佛山市轨道交通局_2019_部门决算.pdf")
    assert _fails(foshan, "N101") == []
    central = _results("central/国家信访局_2026_部门预算.pdf")
    assert _claim(central, "90").verdict == "unverified"


def test_two_tables_of_one_kind_the_figure_tells_which():
    """苏州: 财政拨款支出表 (10,022.32, with 政府性基金) and 一般公共预算支出表 (9,078.52)."""
    results = _results("jiangsu/苏州市自然资源和规划局本级_2026_单位预算.pdf")
    assert _claim(results, "9,078.52", page=36).verdict == "pass"
    assert _fails(results) == []


def test_central_shares_of_the_fiscal_summary_and_its_real_errors():
    """国家信访局 §四 (财政拨款收支总表): shares of 18,728.94 pass; the total written 18,728.91
    (16,474.82 + 2,254.12 = 18,728.94) and 333.83 ÷ 1,057.85 = 31.56% (written 31.35%) stay fails."""
    results = _results("central/国家信访局_2026_部门预算.pdf")
    for pct in ("81.65", "0.63", "11.79", "5.93"):
        assert _claim(results, pct, "N104").verdict == "pass", pct
    assert _claim(results, "15,291.3").verdict == "pass"
    assert _claim(results, "18,728.91").verdict == "fail"
    assert _claim(results, "31.35", "N103").verdict == "fail"


def test_a_total_said_again_closes_the_parts():
    """普陀商务委: "…支持商业综合服务能力提升80.00万元，合计1410.00万" — 合计 is not a sixth part."""
    results = _results("shanghai/普陀区商务委员会_2025_部门预算.pdf")
    assert _fails(results, "N107") == []
    r = next(r for r in results if r.rule == "N107" and r.page == 25)
    assert r.verdict == "pass"


def test_beijing_change_that_disagrees_with_its_own_figures_stays_a_fail():
    """29956.27 − 28479.84 = 1476.43, written 1476.73 (the PDF text reads so): a real error."""
    results = _results("beijing/北京市司法局_2026_部门预算_附件1情况说明.pdf",
                       "beijing/北京市司法局_2026_部门预算_附件2报表.pdf")
    assert _claim(results, "1476.73", "N102").verdict == "fail"
