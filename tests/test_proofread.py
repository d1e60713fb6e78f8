"""Proofreading (family P, and D102/D107 where they read words): the planted draft, pages in text input,
blank PDF pages, and the guards that keep reading faults from being reported as the author's."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from auditor.engine import audit_document
from auditor.ingest import load, load_string

from .conftest import corpus_file, load_cached

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# (rule, verdict, page, words the finding's sentence or message must hold): one per planted case
PLANTED = [
    ("P101", "fail", 3, "与2024年度相比"),
    ("P102", "fail", 3, "截至2023年12月31日"),
    ("P103", "fail", 5, "第四部分 2023年度部门决算表"),
    ("P105", "fail", 2, "纳入江南区统计局2023年度部门决算编制范围"),
    ("P104", "fail", 3, "实施周期为2023年1月1日至2023年12月31日"),
    ("P111", "fail", 3, "2024年度单位决算中"),
    ("P112", "fail", 3, "2024年度支出预算合计"),
    ("P121", "fail", 3, "事业收入万元"),
    ("P122", "warn", 3, "主要原因是。"),
    ("P123", "fail", 3, "实际发生经济分类支出事项填写"),
    ("P131", "warn", 3, "。。"),
    ("P132", "warn", 3, "均为优”"),
    ("P133", "warn", 2, "统计监督服务"),
    ("P134", "warn", 3, "其中,政府"),
    ("P141", "warn", 3, "⼀般公共预算"),
    ("P151", "warn", 4, "第4页"),
    ("D102", "warn", None, "第五部分附件"),
    ("D105", "fail", 3, "x,xxx"),
    ("D107", "fail", 3, "医疗卫生与计划生育支出（类）"),
]


def _findings(path: Path) -> list:
    return [r for r in audit_document(load(str(path))) if r.verdict in ("fail", "warn", "unverified")]


@pytest.fixture(scope="module")
def new_findings() -> list:
    """Findings of the draft that its clean original (jiangnan_final_2024) does not have."""
    base = Counter((r.rule, r.verdict, r.message) for r in _findings(SAMPLES / "jiangnan_final_2024.txt"))
    out = []
    for r in _findings(SAMPLES / "proofread_draft_2024.txt"):
        key = (r.rule, r.verdict, r.message)
        if base[key]:
            base[key] -= 1
        else:
            out.append(r)
    return out


@pytest.mark.parametrize(("rule", "verdict", "page", "words"), PLANTED, ids=[p[0] for p in PLANTED])
def test_each_planted_case_is_found_at_its_place(new_findings, rule, verdict, page, words):
    hits = [r for r in new_findings if r.rule == rule and r.verdict == verdict and r.page == page
            and (words in r.text or words in r.message)]
    assert len(hits) == 1, [(r.rule, r.verdict, r.page, r.text[:40], r.message[:60]) for r in new_findings if r.rule == rule]


def test_nothing_else_is_new(new_findings):
    assert sorted(r.rule for r in new_findings) == sorted(p[0] for p in PLANTED)


def test_span_points_at_the_planted_words():
    doc = load(str(SAMPLES / "proofread_draft_2024.txt"))
    r = next(r for r in audit_document(doc, select=["P121"]) if r.verdict == "fail")
    assert doc.text[r.span[0]: r.span[1]] == "万元"
    assert doc.text[r.span[0] - 4: r.span[0]] == "事业收入"


def test_form_feeds_give_text_pages_and_blank_ones():
    doc = load_string("测试局2026年部门预算\n2026年收入预算1万元。\f2026年支出预算1万元。\f\f2026年预算说明。\n")
    assert [p.page for p in doc.paragraphs] == [1, 1, 2, 4]
    assert doc.textless_pages == [3]
    assert load_string("测试局2026年部门预算\n收入预算1万元。支出预算1万元。\n").textless_pages == []


def test_blank_pdf_page_between_content_pages(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(5):
        if n != 2:
            c.setFont("STSong-Light", 11)
            c.drawString(60, 800, f"测试局2026年部门预算 第{n + 1}部分：2026年支出预算{n + 1}万元，收入预算{n + 1}万元。")
        else:
            c.drawString(290, 40, "3")  # a page number alone: still a blank page
        c.showPage()
    c.save()
    doc = load(str(path))
    assert doc.textless_pages == [3]
    found = [r for r in audit_document(doc, select=["P151"]) if r.verdict == "warn"]
    assert [r.page for r in found] == [3]


def test_badly_read_narrative_is_not_proofread():
    broken = "\n".join(["测试局2026年部门预算", "2026年收入预算 万元 支出预算 万元"] + ["， 。"] * 5 + ["( )"] * 5)
    doc = load_string(broken + "\n")
    got = {r.rule: r.verdict for r in audit_document(doc, select=["P121", "P132"])}
    assert got == {"P121": "unverified", "P132": "unverified"}


def test_quote_closed_after_a_page_break_is_balanced():
    doc = load_string("测试局2026年部门预算\n开展“人民调解\n协议书检查”活动，2026年支出预算1万元，收入预算1万元。\n")
    assert [r.verdict for r in audit_document(doc, select=["P132"])] == ["pass"]


def test_running_header_does_not_end_a_paragraph():
    text = "\n".join([
        "测试局2026年度部门预算公开", "一、职能", "负责全区统计工作，组织实施各项统计调查。测试局2026年度部门预算公开",
        "二、预算", "2026年支出预算1万元，收入预算1万元。测试局2026年度部门预算公开", "三、其他", "无。",
        "测试局2026年度部门预算公开", "测试局2026年度部门预算公开",  # the header on pages of its own
    ])
    assert [r.verdict for r in audit_document(load_string(text + "\n"), select=["P133"])] == ["pass"]


def test_years_are_not_judged_without_a_year_in_the_title():
    doc = load_string("测试局部门预算说明\n2026年收入预算1万元，比2026年预算增加1万元。预算说明。\n")
    assert {r.verdict for r in audit_document(doc, select=["P101"])} == {"unverified"}


@pytest.mark.parametrize("sentence, verdict, words", [
    ("2026年预算数3,623.98为万元，比上年减少。", "fail", "“3,623.98为万元”：数字与单位之间多了“为”"),
    ("支出较上年增加 314.25 万元万元。", "fail", "“314.25 万元万元”：单位重复"),
    ("表格中部分数据约值万元时显示为零，实际不为零。", None, None),
    ("金额精确到万元。", None, None),
    ("部分数据不足万元时显示为零。", None, None),
    ("本表中的数据万元时显示为零。", "warn", "可能是作单位名称使用"),
])
def test_p121_names_what_is_wrong(sentence: str, verdict: str | None, words: str | None):
    """The quote keeps the whole figure; a misplaced 为 is not a missing figure; a rounding unit is no blank."""
    doc = load_string(f"测试局2026年部门预算\n2026年收入预算1万元。2026年支出预算1万元。\n{sentence}\n")
    got = [r for r in audit_document(doc, select=["P121"]) if r.verdict in ("fail", "warn")]
    if verdict is None:
        assert got == []
    else:
        assert [r.verdict for r in got] == [verdict] and words in got[0].message


def test_heading_that_drops_the_district_names_another_body():
    from auditor.checks.proofread.identity import check_identity

    doc = load_cached(str(corpus_file("shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")))
    fails = [r for r in check_identity(doc) if r.verdict == "fail"]
    assert len(fails) == 1 and fails[0].page == 7 and "普陀区" in fails[0].message
