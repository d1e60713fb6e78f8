"""Printed figures are intervals, each by its own printed precision (whole 元 next to 2-decimal 元)."""

from __future__ import annotations

from decimal import Decimal

from auditor.checks.arithmetic import check_table, tolerance
from auditor.ingest import load_string
from auditor.model import Cell
from auditor.numbers import parse_amount


def _cell(text: str) -> Cell:
    return Cell(text=text, amount=parse_amount(text))


def test_each_cell_brings_half_a_unit_of_its_own_last_digit():
    assert tolerance([_cell("100"), _cell("50.25"), _cell("49.75")]) == Decimal("0.51")
    assert tolerance([_cell("100.00"), _cell("50.25"), _cell("49.75")]) == Decimal("0.015")
    # a printed zero is exact at any precision: it brings the finest half-unit, not ±0.5
    assert tolerance([_cell("0"), _cell("50.25")]) == Decimal("0.010")


TABLE = (
    "测试局2021年部门预算\n表2\n测试局一般公共预算财政拨款支出预算表\n单位：元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "204\t公共安全支出\t{total}\t50.25\t49.80\n"
)


def test_a_whole_yuan_total_beside_fen_parts_is_rounding_not_an_error():
    """100 printed in whole 元 stands for 99.5–100.5; 50.25 + 49.80 = 100.05 lies inside."""
    [res] = check_table(load_string(TABLE.format(total="100")).tables[0])
    assert res.verdict == "warn" and res.severity == "info"
    [res] = check_table(load_string(TABLE.format(total="100.00")).tables[0])
    assert res.verdict == "fail"  # printed to the fen, 100.00 against 100.05 is a real difference
    [res] = check_table(load_string(TABLE.format(total="101")).tables[0])
    assert res.verdict == "fail"  # 101 covers 100.5–101.5: 100.05 is outside
