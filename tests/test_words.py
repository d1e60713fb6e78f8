"""Sentence joining and word readings: a figure on the next line keeps its subject, a purpose phrase
is no change, a total defined as its parts must equal them."""

from __future__ import annotations

import pytest

from auditor.engine import audit_document
from auditor.ingest import load_string
from auditor.ingest.items import LineItem
from auditor.narrative.structure import join_lines

from .conftest import SHARED, load_cached


def _line(text: str, *, indent: bool = False) -> LineItem:
    return LineItem(text=text, page=1, indent=indent, short=True)  # every line short: a wide right margin


def test_a_figure_on_the_next_line_continues_the_sentence():
    lines = [_line("三、政府采购预算情况"),
             _line("政府采购预算983.05万元，其中：政府采购货物预算50.55万元、政府采购服务预算", indent=True),
             _line("932.50万元。"),
             _line("四、绩效目标设置情况"),
             _line("项目预算资金1,887.00万元，增长", indent=True),
             _line("元旦前完成。")]
    got = [t for t, _ in join_lines(lines, each_line_a_paragraph=False)]
    assert got == ["三、政府采购预算情况",
                   "政府采购预算983.05万元，其中：政府采购货物预算50.55万元、政府采购服务预算932.50万元。",
                   "四、绩效目标设置情况",
                   "项目预算资金1,887.00万元，增长",
                   "元旦前完成。"]


def test_a_heading_is_not_continued():
    lines = [_line("一、2026年收支预算"), _line("100.00万元为本年收入。")]
    assert len(join_lines(lines, each_line_a_paragraph=False)) == 2


def _results(sentence: str, rule: str) -> list:
    doc = load_string(f"测试局2026年部门预算\n2026年收入预算1万元。2026年支出预算1万元。\n{sentence}\n")
    return [r for r in audit_document(doc, select=[rule]) if r.verdict != "pass" or rule == "N107"]


def test_a_purpose_phrase_is_no_change():
    got = _results("项目总预算100.00万，其中支持企业稳增长30.00万，支持企业创新70.00万。", "N107")
    assert [(r.verdict, r.expected.value if r.expected else None) for r in got] == [("pass", "100.00")]


@pytest.mark.parametrize("sentence, verdict", [
    ("单位管理的离退休人员 78 人，其中：离休 3人，退休 72 人。", "fail"),
    ("单位管理的离退休人员 75 人，其中：离休 3人，退休 72 人。", None),
    ("实有人员292人，其中行政179人，事业107人。", "warn"),  # 工勤 may stand outside the list
])
def test_a_defined_total_must_equal_its_parts(sentence: str, verdict: str | None):
    got = [r.verdict for r in _results(sentence, "N106")]
    assert got == ([verdict] if verdict else [])


def test_a_project_sentence_is_not_the_department():
    """"该项目…（含上年结转 750.00 万元）" is the project's carry-over: never 存疑 against the 部门收支总表."""
    path = SHARED / "regions" / "central" / "国家信访局_2026_部门预算.pdf"
    if not path.exists():
        pytest.skip("regions not available")
    results = audit_document(load_cached(str(path)), select=["N101"])
    assert [r for r in results if "该项目" in r.text and r.verdict in ("fail", "warn")] == []
