"""Running headers and footers are dropped before assembly, so they never glue into a paragraph."""

from __future__ import annotations

import pytest

from auditor.ingest.items import GridItem, LineItem
from auditor.ingest.running import PAGE_NUMBER, drop_running_lines

from .test_regions_reading import regions_doc


@pytest.mark.parametrize("text", ["第3页，共45页", "第 2 页，共 45 页", "第9页，共45页第15页，共45页", "页(29)",
                                  "共45页 第3页", "- 3 -", "3/45", "Page 3 of 45"])
def test_page_numbers_in_their_printed_forms(text):
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["第一部分 部门概况", "2026年收入预算3/4用于", "共3项", "表3", "第3页的表格说明如下。"])
def test_lines_that_are_not_page_numbers(text):
    assert not PAGE_NUMBER.match(text)


def _pages(n: int, header: str, first_body: str = "正文") -> list:
    items = []
    for p in range(1, n + 1):
        items.append(LineItem(text=header, page=p, top=10))
        items.append(LineItem(text=f"{first_body}{p}，继续。", page=p, top=100))
        items.append(GridItem(rows=[["合计", "1.00"]], page=p, top=200, bottom=300))
    return items


def test_a_header_on_every_page_is_dropped_but_the_cover_keeps_its_title():
    out = drop_running_lines(_pages(6, "某市统计局2026年度部门预算公开"))
    headers = [it for it in out if isinstance(it, LineItem) and it.text.startswith("某市")]
    assert [it.page for it in headers] == [1]
    assert sum(isinstance(it, GridItem) for it in out) == 6


def test_a_table_title_repeated_over_its_pages_and_a_note_under_each_table_stay():
    for line in ("一般公共预算支出表", "注：无。"):
        out = drop_running_lines(_pages(6, line))
        assert sum(isinstance(it, LineItem) and it.text == line for it in out) == 6


def test_wuxi_running_header_does_not_split_narrative_sentences():
    doc = regions_doc("jiangsu/无锡市统计局_2026_部门预算.pdf")
    assert doc.meta.organization == "无锡市统计局" and doc.meta.year == 2026
    assert doc.text.count("无锡市统计局2026年度部门预算公开") <= 1


def test_a_header_naming_a_unit_budget_is_still_a_running_header():
    """"…2026年度单位预算公开" says 单位, but it is no 单位：万元 line."""
    out = drop_running_lines(_pages(6, "某市自然资源和规划局2026年度单位预算公开"))
    assert sum(isinstance(it, LineItem) and it.text.startswith("某市") for it in out) == 1
    assert sum(isinstance(it, LineItem) and it.text == "单位：万元" for it in drop_running_lines(_pages(6, "单位：万元"))) == 6
