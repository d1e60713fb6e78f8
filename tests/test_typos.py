"""Typing slips (issue 23 item 4): a malformed amount is a 不通过 (P161); a budget term with a doubled or
dropped last character is a 存疑 (P162). Neither fires on well-formed text."""

from __future__ import annotations

import pytest

import auditor.ingest  # noqa: F401  (first: narrative.structure and ingest import each other)
from auditor.checks.proofread.typos import malformed_amounts, term_slips

from .conftest import SHARED, load_cached


@pytest.mark.parametrize("text,found", [
    ("人员经费 1,541.50.00 万元", "1,541.50.00"),
    ("支出1541.50.00万元", "1541.50.00万元"),
    ("支出15,4100.00万元", "15,4100.00万元"),
    ("支出1,54.00万元", "1,54.00万元"),
])
def test_malformed_amounts(text, found):
    spans = malformed_amounts(text)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]].strip() == found


@pytest.mark.parametrize("text", ["人员经费1,541.50万元", "详见3.1.2节", "版本2.0.1", "第1,2,3项", "1,234,567.89元",
                                  "2021.3.15", "增长12.5%", "0.5万元"])
def test_well_formed_numbers_are_not_malformed(text):
    assert malformed_amounts(text) == []


@pytest.mark.parametrize("text,written,meant", [
    ("公务接待费费 12.78 万元", "公务接待费费", "公务接待费"),
    ("专项业务经 8,033.00 万元", "专项业务经", "专项业务经费"),
    ("人员经：100万元", "人员经", "人员经费"),
    ("其中培训费费用2万元", "培训费费", "培训费"),
])
def test_term_slips(text, written, meant):
    assert [(w, m) for _a, _b, w, m in term_slips(text)] == [(written, meant)]


@pytest.mark.parametrize("text", ["公务接待费12.78万元", "专项业务经费8,033.00万元", "支出出现增长", "经费使用情况良好",
                                  "人员经费和公用经费", "项目经办人员10名"])
def test_correct_terms_are_not_slips(text):
    assert term_slips(text) == []


def test_the_long_document_of_the_issue_shows_its_slips():
    path = SHARED / "regions" / "shaanxi" / "西安市民政局_2021_部门综合预算.pdf"
    if not path.exists():
        pytest.skip("../shared/regions is not available")
    from auditor.checks.proofread.typos import check_typos

    results = [r for r in check_typos(load_cached(str(path))) if r.verdict != "pass"]
    got = {(r.rule, r.verdict) for r in results}
    assert ("P161", "fail") in got and ("P162", "warn") in got
    messages = " ".join(r.message for r in results)
    assert "1,541.50.00" in messages and "公务接待费费" in messages and "专项业务经”" in messages
