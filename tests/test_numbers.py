from decimal import Decimal

import pytest

from auditor.numbers import fmt, is_dash, nfkc, parse_amount, to_unit


@pytest.mark.parametrize(
    "text,value,decimals",
    [
        ("8,025,704.92", "8025704.92", 2),
        ("171.12", "171.12", 2),
        ("0.00", "0.00", 2),
        ("0", "0", 0),
        ("１７１．１２", "171.12", 2),  # full-width digits
        ("(171.12)", "-171.12", 2),
        ("-171.12", "-171.12", 2),
        ("88,282,511", "88282511", 0),
        ("12345678901234567890", "12345678901234567890", 0),
    ],
)
def test_amounts(text, value, decimals):
    a = parse_amount(text)
    assert a is not None
    assert a.value == Decimal(value)
    assert a.decimals == decimals


@pytest.mark.parametrize("text", ["", " ", "-", "——", "1,23,4.5", "abc", "12.3.4", "(12", None, "2021年"])
def test_not_amounts(text):
    assert parse_amount(text) is None


def test_blank_is_not_zero():
    assert parse_amount("") is None
    assert parse_amount("0.00").value == 0


def test_half_unit_and_units():
    assert parse_amount("171.12").half_unit == Decimal("0.005")
    assert to_unit(Decimal("1711157.85"), "元", "万元") == Decimal("171.115785")
    assert fmt(Decimal("1711157.846")) == "1,711,157.85"


# ---- odd numbers: what the grammar accepts, what it refuses, and why


@pytest.mark.parametrize(
    "text,value,decimals",
    [
        ("99,999,999,999,999,999,999.99", "99999999999999999999.99", 2),  # 20 integer digits, grouped
        ("-12345678901234567890.5", "-12345678901234567890.5", 1),
        ("（171.12）", "-171.12", 2),  # full-width brackets: NFKC makes them ASCII
        ("－１７１．１２", "-171.12", 2),  # full-width minus and digits
        ("−171.12", "-171.12", 2),  # U+2212 minus sign
        ("１，７１１，１５７．８５", "1711157.85", 2),  # full-width commas
        (" 171.12 ", "171.12", 2),
        ("171.10", "171.10", 2),  # printed precision kept: 171.10 is not 171.1
        ("+5", "5", 0),
    ],
)
def test_odd_amounts_read(text, value, decimals):
    a = parse_amount(text)
    assert a is not None, text
    assert a.value == Decimal(value) and a.decimals == decimals
    assert a.half_unit == Decimal(5).scaleb(-(decimals + 1))


@pytest.mark.parametrize(
    "text",
    [
        "1,23,4.5",  # malformed thousands groups
        "1,2345",
        ",123",
        "123,",
        "1.234.567",
        "(-171.12)",  # a sign inside brackets: never printed, ambiguous
        "((171.12))",
        "171.12)",
        "1" * 25,  # more digits than any budget has
        "٣٤٥",  # Arabic-Indic digits: Decimal would take them, no disclosure prints them
        "१२३",  # Devanagari
        "①",  # circled one is a list marker; NFKC alone would make it "1"
        "①100",
        "⒈5",
        "²",
        "½",
        "一百七十一点一二",  # Chinese numerals: the grammar reads printed figures only
        "一千万",
        "十",
        "〇",
        "1e5",
        "1_000",
        "NaN",
        "Infinity",
        "171.12元",  # a unit is the claim grammar's business, not a cell's
        "12%",
    ],
)
def test_odd_non_amounts(text):
    assert parse_amount(text) is None


def test_nfkc_keeps_look_alike_digits():
    assert nfkc("１７１．１２（万元）") == "171.12(万元)"
    assert nfkc("①年初预算") == "①年初预算"
    assert nfkc("⑴") == "⑴"


def test_is_dash():
    assert is_dash("——") and is_dash(" - ") and is_dash("－")
    assert not is_dash("0.00") and not is_dash(None) and not is_dash("")
