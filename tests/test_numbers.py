from decimal import Decimal

import pytest

from auditor.numbers import fmt, parse_amount, to_unit


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
