"""Real published PDFs from ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.checks.arithmetic import check_table

from .conftest import CORPUS, corpus_file, load_cached

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
    assert held / total >= 0.99
