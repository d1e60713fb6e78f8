"""Years by their role: which four-digit numbers in a text speak of the document's year at all.

A year rule (D106 on table titles and columns, P101–P105 in the narrative) may call a year wrong only
where the year has a role that the document's own year fills: a title or heading, 编制范围, 截至, the
year compared with, a column's year. Other four-digit numbers that look like years are not the
document's: a figure or a code ("335.200000", "〔2024〕"), a quantity ("≥2000个"), a period
("2025—2035年", a reserve programme's "2024-2025年"), a year that opens a name ("2025年度XX项目",
"2030年前碳达峰"). Field reports of false D106 were all of these kinds, so the rules share one
classification, with its words in patterns/proofread.yaml (`years.roles`), rather than each rule
guessing on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import patterns

_CANDIDATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# roles a year rule judges; the others are never the document's year
DOCUMENT = "document"
ROLES_JUDGED = frozenset({DOCUMENT})


@dataclass(frozen=True)
class YearMention:
    """One four-digit number that reads like a year, where it is and what it is there."""

    year: int
    start: int
    end: int
    role: str  # document | figure | quantity | code | period | name

    @property
    def judged(self) -> bool:
        """Whether a rule may compare this year with the document's year."""
        return self.role in ROLES_JUDGED


@patterns.cached
def _rx() -> dict[str, re.Pattern]:
    roles = patterns.load("proofread")["years"]["roles"]
    return {name: re.compile(p) for name, p in roles.items()}


def role_at(text: str, start: int, end: int) -> str:
    """The role of the number text[start:end] (four digits) in its text."""
    r = _rx()
    before, after = text[max(0, start - 12):start], text[end:end + 40]
    if r["code_before"].search(before):
        return "code"
    if r["quantity_before"].search(before) or r["quantity_after"].search(after):
        return "quantity"
    if r["figure_before"].search(before) or r["figure_after"].search(after):
        return "figure"
    for m in r["span"].finditer(text[max(0, start - 16):end + 16]):
        lo = max(0, start - 16)
        if lo + m.start("a") == start or lo + m.start("b") == start:
            return "period"
    if not r["year_after"].search(after):
        return "figure"
    if r["plan_after"].search(after) or r["name_after"].search(after):
        return "name"
    return DOCUMENT


def year_mentions(text: str) -> list[YearMention]:
    """Every year-like number in text, with its role."""
    return [YearMention(int(m.group()), m.start(), m.end(), role_at(text, m.start(), m.end()))
            for m in _CANDIDATE.finditer(text)]


def judged_years(text: str) -> list[int]:
    """The years in text that a rule may compare with the document's year."""
    return [m.year for m in year_mentions(text) if m.judged]


def is_judged(text: str, start: int, end: int) -> bool:
    """Whether the year text[start:end] has a role in which it must be the document's year."""
    return role_at(text, start, end) in ROLES_JUDGED
