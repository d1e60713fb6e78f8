"""Fuzzing the number grammar and the claim extractor: no text makes them raise.

Example counts stay modest (the suite must stay fast); the alphabets are biased towards what
breaks number grammars: digits of every width, separators, signs, brackets, units, list markers.
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.claims.extract import extract, extract_sentence
from auditor.ingest.items import LineItem
from auditor.model import Document, Meta, Sentence
from auditor.narrative.structure import build_narrative
from auditor.numbers import nfkc, parse_amount

_NUMBERISH = list("0123456789,.-−－+()（）%％ ") + list("０１２３４５６７８９，．")
_ODD = list("①⑴⒈¹²½٣३〇一二三四五六七八九十百千万亿元零两") + ["万元", "亿元", "元", "增加", "减少", "占", "较上年", "。", "，", "\n", "\t"]
# FUZZ_EXAMPLES=5000 for a long run by hand; the suite runs a few hundred
_N = int(os.environ.get("FUZZ_EXAMPLES", "150"))
_FEW = settings(max_examples=_N, deadline=None, suppress_health_check=[HealthCheck.too_slow])

numberish = st.text(alphabet=st.sampled_from(_NUMBERISH), max_size=30)
mixed = st.lists(st.sampled_from(_NUMBERISH + _ODD), max_size=40).map("".join)
anything = st.one_of(st.text(max_size=60), mixed)


@_FEW
@given(numberish)
def test_parse_amount_never_raises_on_number_like_text(text: str) -> None:
    a = parse_amount(text)
    if a is not None:
        assert a.value.is_finite()
        assert a.decimals >= 0
        assert a.half_unit > 0


@_FEW
@given(anything)
def test_parse_amount_never_raises_on_any_text(text: str) -> None:
    a = parse_amount(text)
    if a is not None:
        # whatever it accepts is made of ASCII digits once normalised: no digit from another script
        digits = [c for c in nfkc(text) if c.isdigit()]
        assert digits and all("0" <= c <= "9" for c in digits)


@_FEW
@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**18, max_value=10**18))
def test_printed_amounts_read_back_exactly(value: Decimal) -> None:
    printed = f"{value:,.2f}"
    a = parse_amount(printed)
    assert a is not None and a.value == value and a.decimals == 2


def _sentence(text: str) -> Sentence:
    return Sentence(text=text, start=0, end=len(text), page=1, paragraph=0)


@_FEW
@given(anything)
def test_extract_sentence_never_raises(text: str) -> None:
    for c in extract_sentence(_sentence(text)):
        assert 0 <= c.start <= c.end <= len(text)


@settings(max_examples=max(1, _N // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(anything, min_size=1, max_size=5))
def test_extract_never_raises_on_a_document(lines: list[str]) -> None:
    items = [LineItem(text=t, page=1, line=i + 1) for i, t in enumerate(lines)]
    text, paragraphs, sections = build_narrative(items, each_line_a_paragraph=True)
    doc = Document(path="fuzz.txt", meta=Meta(), text=text, paragraphs=paragraphs, sections=sections, tables=[])
    for c in extract(doc):
        assert 0 <= c.start <= c.end <= len(doc.text)


# ---- odd figures in narrative sentences


def _claims(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, str(c.amount.value), c.unit) for c in extract_sentence(_sentence(text))]


def test_full_width_figure_is_read_with_span_into_the_original():
    text = "比上年增加１７１．１２万元。"
    (c,) = extract_sentence(_sentence(text))
    assert c.kind == "change" and c.amount.value == Decimal("171.12") and c.direction == "increase"
    assert text[c.start : c.end] == "１７１．１２万元"


def test_twenty_digit_figure_is_exact():
    assert _claims("支出12345678901234567890.12元。") == [("amount", "12345678901234567890.12", "元")]


def test_malformed_groups_and_chinese_numerals_make_no_claim():
    assert _claims("支出1,23,4.5万元。") == []
    assert _claims("支出一百七十一万元，增长十个百分点。") == []


def test_too_many_digits_make_no_claim():
    assert _claims("支出" + "9" * 30 + "元。") == []


def test_circled_list_marker_is_not_a_digit_in_a_claim():
    assert _claims("①100万元用于办公。") == [("amount", "100", "万元")]
