"""A page is named by the number printed on it (issue 23 item 10): "第46页（PDF第48页）" in every format,
the PDF's own index beside it; the page-number line itself never becomes text."""

from __future__ import annotations

import json

import pytest

from auditor.engine import audit_document
from auditor.ingest.items import LineItem
from auditor.ingest.running import drop_running_lines, page_labels
from auditor.location import Location
from auditor.report.json_report import document_entry, report
from auditor.report.sarif import to_sarif
from auditor.report.terminal import render

from .conftest import SHARED, load_cached

GUANGZHOU = SHARED / "regions" / "guangdong" / "广州市司法局_2026_部门预算.pdf"


def _numbered(first_printed: int, pages: range, form: str = "- {} -") -> list[LineItem]:
    items = []
    for p in pages:
        items.append(LineItem(text=f"正文第{p}页的内容，继续。", page=p, top=100))
        items.append(LineItem(text=form.format(p - pages[0] + first_printed), page=p, top=800, page_number=True))
    return items


@pytest.mark.parametrize("form", ["- {} -", "— {} —", "第{}页", "第{}页，共50页", "{}"])
def test_labels_read_from_the_page_number_lines(form):
    items = _numbered(1, range(3, 9), form)
    assert page_labels(items) == {p: str(p - 2) for p in range(3, 9)}
    assert not any(it.page_number or "-" in it.text for it in drop_running_lines(items))  # never text


def test_a_stray_number_that_no_neighbour_agrees_with_is_ignored():
    items = _numbered(1, range(3, 9))
    items.append(LineItem(text="3/45", page=12, top=10))  # a lone page far off, its own shift
    labels = page_labels(items)
    assert 12 not in labels and labels[3] == "1"


def test_location_label_gives_the_printed_number_first():
    assert Location(page=48, doc_page=48, printed_page="46").label() == "第46页（PDF第48页）"
    assert Location(page=48, doc_page=48).label() == "第48页"
    assert Location(file="报表.pdf", page=3, doc_page=15, printed_page="1").label() == "报表.pdf第1页（PDF第3页，第15页）"


@pytest.fixture(scope="module")
def guangzhou() -> dict:
    if not GUANGZHOU.exists():
        pytest.skip("../shared/regions is not available")
    doc = load_cached(str(GUANGZHOU))
    return report([document_entry(str(GUANGZHOU), doc, audit_document(doc), None)])


def test_every_format_names_the_printed_page(guangzhou):
    results = guangzhou["documents"][0]["results"]
    on48 = [r for r in results if r["page"] == 48 and r["verdict"] != "pass"]
    assert on48 and all(r["location"]["printed_page"] == "46" for r in on48)  # the page prints "- 46 -"
    assert "第46页（PDF第48页）" in render(guangzhou)
    sarif = json.dumps(to_sarif(guangzhou), ensure_ascii=False)
    assert '"printedPage": "46"' in sarif and "第46页（PDF第48页）" in sarif
    from auditor.report.export import report_rows

    rows = report_rows(guangzhou)
    assert any(row[5] == "46（PDF第48页）" for row in rows)


def test_inspect_names_pages_by_their_printed_numbers():
    if not GUANGZHOU.exists():
        pytest.skip("../shared/regions is not available")
    from auditor.report.inspect import render_text

    text = render_text(load_cached(str(GUANGZHOU)))
    assert "页：8、9、10（PDF第10、11、12页）" in text  # the 本年支出总体情况表 on PDF pages 10–12
    assert "PDF第48页" in text
