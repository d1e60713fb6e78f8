"""What a check reports about a comparison it would fail: the values and where each came from.

A Source is one printed cell (table, row, column) with how it was found: "direct" (the column by its
own header path, the row by its name or code, the table by its kind and scope), "fallback" (by
position, a stand-in of related meaning, a row whose name was not printed) or "sum" (several rows
added up, as when one code is printed on many rows). The policy trusts only direct sources with a
不通过.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Column, Row, Table
from ..numbers import UNIT_SCALE

HOW = ("direct", "fallback", "sum")


@dataclass
class Source:
    table: Table
    row: Row
    column: Column
    how: str = "direct"
    role: str = "expected"  # expected | claimed | total | part | whole
    why: str = ""  # for a fallback: how it was found, in Chinese, shown in the message

    @property
    def scale(self) -> Decimal:
        return UNIT_SCALE.get(self.table.unit or "元", Decimal(1))

    def value(self) -> tuple[Decimal, Decimal] | None:
        """(value, half-unit) in 元; None for a cell that prints no figure."""
        cell = self.row.cells.get(self.column.key)
        if cell is None or cell.amount is None:
            return None
        return cell.amount.value * self.scale, cell.amount.half_unit * self.scale


@dataclass
class Comparison:
    """One relation a check found broken, in 元.

    family: T, X, N or R. relation: eq (claimed must equal expected) or le (claimed must not exceed
    expected). claimed is the figure under test (a narrative figure, a table's total, the part of a
    subset); expected what the other reading gives (a table cell, a sum of parts, the whole).
    """

    family: str
    relation: str
    claimed: Decimal
    claimed_half: Decimal
    expected: Decimal
    expected_half: Decimal
    sources: list[Source] = field(default_factory=list)
    subject: str | None = None  # the narrative's name for the figure (N)
    strong: bool = True  # the subject is named by the sentence itself or its heading
    scope_named: bool = False  # the claim's own words name its scope (财政拨款, 一般公共预算 …)
    context: str = ""  # the narrative's words before the figure, and its section heading (N)
    wrong_label: list[str] = field(default_factory=list)  # differently named rows equal to the figure (N)
    percent: bool = False  # claimed and expected are percentages, not money
    # a change from last year (N102): expected is this year's cell less last year's (role "prior");
    # the single-cell readers do not apply, only the checks of how each cell was found
    of_change: bool = False
    # a rate computed from the narrative's own figures (N103): the change (value, half, sign) and the
    # sentence's other amounts that may be this year's figure, as (text, value, half)
    change: tuple[Decimal, Decimal, int] | None = None
    bases: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)

    def holds(self, claimed: Decimal, expected: Decimal, half: Decimal) -> bool:
        """Whether an alternative value makes the relation hold within the printed intervals: an
        alternative must agree as a pass would, not merely within rounding (556.57 is not 556.56)."""
        tol = self.claimed_half + half
        # intervals that only touch (556.57 beside 556.56) do not make another reading agree
        if self.relation == "le":
            return claimed < expected + tol or claimed <= expected
        return abs(claimed - expected) < tol or claimed == expected

    def source(self, role: str) -> Source | None:
        return next((s for s in self.sources if s.role == role), None)
