"""Real published PDFs from ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.checks.arithmetic import check_table

from .conftest import CORPUS, ROOT, corpus_file, load_cached

CZJ = "shanghai/上海市普陀区财政局2024年度部门决算.pdf"


def doc_of(rel):
    return load_cached(str(corpus_file(rel)))


def test_shanghai_final_accounts_meta_and_tables():
    doc = doc_of(CZJ)
    assert doc.meta.organization == "上海市普陀区财政局"
    assert doc.meta.year == 2024 and doc.meta.kind == "部门决算"
    assert doc.meta.pages == 25
    kinds = [t.kind for t in doc.tables]
    for k in ("summary", "income", "expenditure", "fiscal_summary", "gpb_expenditure", "gpb_basic", "three_public"):
        assert k in kinds
    summary = doc.tables_of("summary")[0]
    assert summary.two_sided and summary.unit == "万元" and summary.pages == [6, 7]
    assert summary.find_row(name="总计", side="收入").value("决算数") == Decimal("2995.39")


def test_split_code_columns_are_joined_across_pages():
    doc = doc_of(CZJ)
    income = doc.tables_of("income")[0]
    assert income.pages == [8, 9]
    row = income.find_row(code="2010601")
    assert row.name == "行政运行"
    assert row.value("本年收入合计") == Decimal("1511.90")
    assert income.find_row(code="2210203").value("财政拨款收入") == Decimal("258.50")


def test_digits_in_another_font_stay_in_their_sentence():
    doc = doc_of(CZJ)
    # the year is set in Arial inside FangSong headings; it must not land on a line of its own
    assert any("2024年度部门决算" in s.title.replace(" ", "") for s in doc.sections)
    assert "财政拨款收入支出总计0.3万元" in doc.text.replace(" ", "") or "0.3万元" in doc.text


def test_narrative_and_tables_pair_read_together():
    narrative = corpus_file("jiangsu/江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf")
    tables = corpus_file("jiangsu/江苏省政协办公厅/江苏省政协办公厅2018度部门预算公开表.pdf")
    doc = load_cached(str(narrative), str(tables))
    assert doc.meta.sources == [str(narrative), str(tables)]
    assert doc.meta.year == 2018
    assert len(doc.paragraphs) > 20
    assert len([t for t in doc.tables if t.kind != "other"]) >= 10
    first_table_page = min(p for t in doc.tables for p in t.pages)
    assert first_table_page > 17  # pages are numbered across both files


def test_corpus_self_consistency():
    if not CORPUS.exists():
        pytest.skip("no corpus")
    held = total = 0
    for pdf in sorted(CORPUS.rglob("*.pdf")):
        doc = load_cached(str(pdf))
        for t in doc.tables:
            for r in check_table(t):
                total += 1
                held += r.verdict in ("pass", "warn")
    assert total > 1500
    assert held / total >= 0.995  # 100% on the corpus as of the sliver/page-break fixes


COURT17 = "jiangsu/江苏省高级人民法院/省法院2017年度部门预算公开.pdf"
PROCURATORATE18 = "jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf"
NPC17 = "jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf"
WANLI24 = "shanghai/上海市普陀区万里街道办事处2024年部门预算.pdf"

THREE_PUBLIC_KEYS = [
    "合计",
    "三公经费·小计",
    "三公经费·因公出国（境）费",
    "三公经费·公务用车购置及运行维护费·小计",
    "三公经费·公务用车购置及运行维护费·公务用车购置费",
    "三公经费·公务用车购置及运行维护费·公务用车运行维护费",
    "三公经费·公务接待费",
    "会议费",
    "培训费",
]


@pytest.mark.parametrize("rel", [COURT17, PROCURATORATE18])
def test_padding_boxes_do_not_fragment_the_three_public_header(rel):
    (t,) = doc_of(rel).tables_of("three_public")
    assert [c.key for c in t.columns] == THREE_PUBLIC_KEYS
    assert all(r.verdict != "fail" for r in check_table(t))


def test_court_three_public_values():
    (t,) = doc_of(COURT17).tables_of("three_public")
    (row,) = t.rows
    assert row.value("合计") == Decimal("2599.37")
    assert row.value("三公经费·小计") == Decimal("670.12")
    assert row.cells["三公经费·公务用车购置及运行维护费·公务用车购置费"].amount is None  # blank, not 0


def test_row_carried_to_a_page_without_top_rule_is_read():
    doc = doc_of(COURT17)
    t = next(t for t in doc.tables_of("gpb_basic") if 16 in t.pages)
    row = t.find_row(code="30206")
    assert row.name == "电费" and row.page == 16 and row.value("金额") == Decimal("235.00")
    assert "30206" not in doc.text


def test_off_page_copies_are_ignored_and_lone_last_row_joined():
    doc = doc_of(NPC17)
    assert [t.kind for t in doc.tables].count("gpb_basic") == 2  # not 3: p11's off-page copy is clipped
    t = doc.tables_of("gpb_basic")[0]
    assert t.pages == [12, 13, 14, 15]  # title on p12, the last row alone on p15
    assert t.find_row(code="30312").value("金额") == Decimal("1018.01")


def test_total_row_with_merged_code_cells_continues_its_table():
    (t,) = doc_of(WANLI24).tables_of("income")
    assert t.pages == [11, 12, 13, 14, 15]
    total = t.rows[-1]
    assert total.name == "合计" and total.page == 15
    assert total.value("收入预算·合计") == Decimal("156211123")


def test_table_recall_against_ground_truth():
    """Every table of bench/corpus_tables.yaml found with its kind, unit and pages."""
    import yaml

    if not CORPUS.exists():
        pytest.skip("no corpus")
    truth_path = ROOT / "bench" / "corpus_tables.yaml"
    truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))["documents"]
    found = wanted = 0
    missed = []
    for rel, entry in truth.items():
        tables = list(doc_of(rel).tables)
        for want in entry.get("tables") or []:
            wanted += 1
            match = next(
                (t for t in tables if t.kind == want["kind"] and t.unit == want.get("unit") and t.pages == list(want["pages"])),
                None,
            )
            if match is None:
                missed.append(f"{rel}: {want['title']} {want['pages']}")
            else:
                found += 1
                tables.remove(match)
    assert wanted > 150
    assert found / wanted >= 0.98, missed
