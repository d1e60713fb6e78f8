"""Layouts of ../shared/regions read right (skipped when the folder is absent).

Each file is read once per session (load_cached); only a few small documents are read here, the
whole folder is measured by bench/regions.py. Published tables almost never fail their own
arithmetic, so "no T/X fail" is what a right reading looks like on these documents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.rules.registry import run_checks

from .conftest import SHARED, load_cached

REGIONS = SHARED / "regions"


def regions_doc(rel: str):
    path = REGIONS / rel
    if not path.exists():
        pytest.skip(f"regions not available: {rel}")
    return load_cached(str(path))


def _fails(doc) -> list[str]:
    return [f"p{r.page} {r.rule} {r.message}" for r in run_checks(doc, ["T", "X"]) if r.verdict == "fail"]


CHONGQING = "chongqing/重庆市气象局_2026_部门预算.pdf"
BEIJING = "beijing/北京市司法局_2026_部门预算_附件2报表.pdf"
XIAN = "shaanxi/西安市民政局_2021_部门综合预算.pdf"


def test_chongqing_digits_set_below_their_baseline_stay_in_their_row():
    """表一…表十二: the digit font's glyph boxes hang a row low; the year and 单位 sit apart."""
    doc = regions_doc(CHONGQING)
    kinds = {t.kind for t in doc.tables}
    assert {"summary", "income", "expenditure", "fiscal_summary", "gpb_expenditure", "gpb_basic"} <= kinds
    for t in doc.tables:
        assert t.title.startswith("2026年")
        if t.kind != "performance":
            assert t.unit == "万元", t.title
    income = doc.tables_of("income")[0]
    row = income.find_row(code="208")
    assert row.name == "社会保障和就业支出" and row.value("总计") == Decimal("120.17")
    assert _fails(doc) == []


def test_beijing_report_file_reads_without_a_fail():
    """预算01表…预算13表, landscape; 支出总表 listed by 功能 × 经济 科目; 绩效 forms."""
    doc = regions_doc(BEIJING)
    titles = [t.title for t in doc.tables]
    assert sum(t.startswith("预算") for t in titles) >= 12
    spend = doc.tables_of("expenditure")[0]
    assert [c.key for c in spend.columns][:3] == ["合计", "基本支出", "项目支出"]
    assert spend.rows[0].code == "2040601" and spend.rows[0].name == "行政运行"
    whole = next(t for t in doc.tables if t.title.startswith("预算13表"))
    first = next(r for r in whole.rows if any(c.amount for c in r.cells.values()))
    assert [c.text for c in first.cells.values()][4:7] == ["107.000000", "57.000000", "50.000000"]
    assert _fails(doc) == []


def test_xian_pages_with_an_upside_down_media_box_are_read():
    """The 报表 pages of this file declare MediaBox [0 595 842 0]; 序号 columns; two-line titles."""
    doc = regions_doc(XIAN)
    assert len(doc.tables) >= 15
    summary = doc.tables_of("summary")[0]
    assert summary.pages == [39, 40, 41] and summary.unit == "元"
    three = doc.tables_of("three_public")
    assert three and three[0].title.startswith("2021年部门综合预算一般公共预算拨款三公经费及会议费")
    for t in doc.tables:
        assert all("序号" not in c.key for c in t.columns)
    assert _fails(doc) == []


ANJIAN = "shaanxi/西安市安监局_2019_部门综合预算_附件2报表.pdf"


def test_xian_three_public_table_with_a_wrong_2018_total_reads_right():
    """表13 prints 2018年·合计 as the 三公 total alone (会议费、培训费 left out) in every row, and 增减
    follows it; every figure is confirmed by 增减 = 2019 − 2018, so the table reads right and its
    broken sums are the document's 不通过, not 读取存疑."""
    doc = regions_doc(ANJIAN)
    table = next(t for t in doc.tables if t.kind == "three_public")
    assert table.reading.status == "ok" and table.unit == "万元"
    fails = [f for f in _fails(doc) if "2018年·合计" in f]
    assert any("24.08" in f and "36.97" in f for f in fails)


def test_xian_tables_only_file_reads_its_units_titles_and_contents_reasons():
    """表11's title and 单位 are printed inside its frame (a sheet name stands above it); 表12's
    "单位：万" wraps its 元 to the next line; the 目录 gives 表9's 空表理由; no 情况说明, one D104 note."""
    from auditor.engine import audit_document

    doc = regions_doc(ANJIAN)
    by_number = {t.number: t for t in doc.tables if t.number}
    assert by_number["表11"].title == "2019年部门综合预算财政拨款结转资金支出表" and by_number["表11"].unit == "万元"
    assert by_number["表12"].unit == "万元"
    results = audit_document(doc, select=["D"])
    assert [r.verdict for r in results if r.rule == "D103"] == ["pass"]
    [d104] = [r for r in results if r.rule == "D104"]
    assert d104.verdict == "warn" and "只有报表" in d104.message


@pytest.mark.parametrize(("rel", "org"), [
    ("guangdong/广州市司法局_2026_部门预算.pdf", "广州市司法局"),  # "2026年" / "广州市司法局部门预算"
    ("shaanxi/西安市民政局_2021_部门综合预算.pdf", "西安市民政局"),  # 综合预算
    ("shanghai/上海市审计局_2026_市级单位预算.pdf", "上海市审计局"),  # "预算单位：" under a regional title
])
def test_organisation_from_the_cover(rel, org):
    assert regions_doc(rel).meta.organization == org


def test_contents_end_where_the_body_repeats_its_first_entry():
    """国家信访局: "第一部分国家信访局基本情况……2" in the 目录, then the same heading without leaders
    opens the body; the body's first paragraph is narrative, not contents."""
    doc = regions_doc("central/国家信访局_2026_部门预算.pdf")
    assert not any(e.startswith(("一、部门职责", "（一）")) for e in doc.toc[3:])
    assert "（一）负责处理国内群众、境外人士、法人及其他组织通过信访渠道" in doc.text


def test_a_unit_code_that_looks_like_a_class_code_is_no_basis_for_a_fail():
    """西安市交通运输局 2022 表3 lists its units by 单位编码: "222 西安市交通运输局" is a unit, not 类 222
    粮油物资储备支出. Compared with the 收支总表's blank 粮油物资储备支出 it would be a false X101; its
    meaning is not confirmed by the code, so it is 存疑 and says why."""
    doc = regions_doc("shaanxi/西安市交通运输局_2022_部门综合预算.pdf")
    results = [r for r in run_checks(doc, ["X"]) if r.rule == "X101" and "222" in (r.anchor or "")]
    assert results and all(r.verdict != "fail" for r in results)
    assert any("单位编码" in r.message for r in results)
